"""Code lists of the training catalogue: kinds of opportunity, EQF levels, units of duration, cost, mode."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

KINDS = [
    ("course", _("Course")),
    ("apprenticeship", _("Apprenticeship")),
    ("higher-education", _("Higher education")),
    ("adult-education", _("Adult education")),
    ("volunteering", _("Volunteering")),
    ("mobility", _("Mobility")),
]
KIND_CODES = [code for code, _label in KINDS]

# The European Qualifications Framework's eight levels.
EQF_LEVEL_CODES = list(range(1, 9))


def eqf_level_name(level):
    return _("EQF level %(level)s") % {"level": level}


def eqf_levels():
    """The levels as choices, named in the active language."""
    return [(level, eqf_level_name(level)) for level in EQF_LEVEL_CODES]


DURATION_UNITS = [
    ("hours", _("hours")),
    ("days", _("days")),
    ("weeks", _("weeks")),
    ("months", _("months")),
    ("years", _("years")),
]
DURATION_UNIT_CODES = [code for code, _label in DURATION_UNITS]


def duration_text(count, unit):
    """ "6 months", in the active language."""
    texts = {
        "hours": ngettext("%(count)s hour", "%(count)s hours", count),
        "days": ngettext("%(count)s day", "%(count)s days", count),
        "weeks": ngettext("%(count)s week", "%(count)s weeks", count),
        "months": ngettext("%(count)s month", "%(count)s months", count),
        "years": ngettext("%(count)s year", "%(count)s years", count),
    }
    return texts[unit] % {"count": count} if unit in texts else str(count)


# ISO 8601's designators, for schema.org's timeRequired.
ISO_DESIGNATORS = {"hours": "PT{}H", "days": "P{}D", "weeks": "P{}W", "months": "P{}M", "years": "P{}Y"}

COSTS = [("free", pgettext_lazy("cost of a training opportunity", "Free")), ("paid", _("Paid"))]
COST_CODES = [code for code, _label in COSTS]

# Whether it is followed online: the `online` column and filter.
MODES = [("yes", _("Online")), ("no", _("On site"))]

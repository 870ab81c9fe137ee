"""Resources that fit: the Matrix resources and pilot actions that serve the competences a learner placed lowest in
their latest self-assessment, each with the reason it is suggested and a link to the Matrix filtered the same way.

The competences are ranked by where the learner placed themselves (level / number of levels; "not sure yet" is the
lowest place); the lowest place that some resource serves is the one suggested for. Resources chosen for one of its
competences come first, then those for the competences' areas, then the pilot actions of those areas. Only live
pages in the reader's language; nothing without a reason.
"""

from dataclasses import dataclass
from fractions import Fraction
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext

from cms_framework.models import Competence, FrameworkAreaPage, PilotActionIndexPage, PilotActionPage
from learners.assessments import latest_completed
from learners.frameworks import framework_for
from learners.profiles import build_profile
from resources.models import ResourceIndexPage, ResourcePage

RESOURCE, PILOT_ACTION = "resource", "pilot_action"


@dataclass(frozen=True)
class Suggestion:
    page: object  # a live ResourcePage or PilotActionPage in the reader's language
    kind: str  # RESOURCE or PILOT_ACTION
    reason: str  # why it is suggested, in the reader's language
    competence_code: str  # the competence it serves ("" when it is suggested for the area)
    area_code: str
    matrix_url: str  # the Matrix (or the pilot actions) filtered the same way; "" when there is none


class Suggestions(list):
    """The suggestions, and the assessment they come from (None: the learner has completed none yet)."""

    assessment = None


def _language(language):
    return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _place(competence):
    """Where the learner placed themselves, exactly (0 for "not sure yet")."""
    return Fraction(competence.level, competence.level_count) if competence.level else Fraction(0)


def _reason_for_competence(competence):
    if competence.level is None:
        return gettext("Suggested because you are not sure yet about %(code)s %(title)s.") % {
            "code": competence.code,
            "title": competence.title,
        }
    return gettext("Suggested because you placed yourself at level %(level)s of %(count)s in %(code)s %(title)s.") % {
        "level": competence.level,
        "count": competence.level_count,
        "code": competence.code,
        "title": competence.title,
    }


def _reason_for_area(area):
    return gettext("Suggested because it serves the area %(code)s %(title)s, where you placed yourself lowest.") % {
        "code": area.code,
        "title": area.title,
    }


def _filtered_url(index, **query):
    if index is None:
        return ""
    url = index.get_url()
    return f"{url}?{urlencode(query)}" if url and query else url or ""


def _linked(pages, relation, model, keys):
    """Live, public pages linked through `relation` to objects of `model` with these translation keys, by title, each
    with `matched`: the translation keys it is linked to. Two queries."""
    linked = pages.model.objects.filter(**{f"{relation}__translation_key__in": keys}).values("pk")
    return list(
        pages.filter(pk__in=linked)
        .order_by("title", "pk")
        .prefetch_related(
            Prefetch(relation, queryset=model.objects.filter(translation_key__in=keys).only("pk", "translation_key"))
        )
    )


def _by_key(pages, relation):
    found = {}
    for page in pages:
        for key in dict.fromkeys(obj.translation_key for obj in getattr(page, relation).all()):
            found.setdefault(key, []).append(page)
    return found


def suggestions_for(user, language=None, limit=None):
    """What to suggest to this learner (a `Suggestions` list of `Suggestion`), at most `limit` of them.

    A fixed number of queries, whatever the number of assessments, resources and pilot actions.
    """
    language = _language(language)
    suggestions = Suggestions()
    assessment = latest_completed(user)
    suggestions.assessment = assessment
    if assessment is None:
        return suggestions
    framework = framework_for(assessment.framework_key, language)
    if framework is None:
        return suggestions
    profile = build_profile(assessment, framework=framework)
    placed = sorted(
        (competence for competence in profile.competences if competence.answered and competence.in_framework),
        key=lambda competence: (_place(competence), framework.competence(competence.code)[1].position),
    )
    if not placed:
        return suggestions

    competence_keys = {c.code: framework.competence(c.code)[1].translation_key for c in placed}
    areas = {area.code: area for area in framework.areas}
    area_keys = {area.code: area.translation_key for area in framework.areas}
    resources = ResourcePage.objects.live().public().filter(locale__language_code=language)
    by_competence = _by_key(_linked(resources, "competences", Competence, competence_keys.values()), "competences")
    by_area = _by_key(_linked(resources, "areas", FrameworkAreaPage, area_keys.values()), "areas")
    pilots = PilotActionPage.objects.live().public().filter(locale__language_code=language)
    pilots_by_area = _by_key(_linked(pilots, "areas", FrameworkAreaPage, area_keys.values()), "areas")

    # The Matrix's filters know the competences and areas of its own language: filter by them when the framework
    # is read in that language, otherwise link the whole Matrix.
    filtered = framework.language == language
    matrix = ResourceIndexPage.objects.live().filter(locale__language_code=language).order_by("path").first()
    pilot_index = PilotActionIndexPage.objects.live().filter(locale__language_code=language).order_by("path").first()

    seen = set()
    with translation.override(language):
        for _score, tier in groupby(placed, key=_place):
            tier = list(tier)
            for competence in tier:
                url = _filtered_url(matrix, **({"competence": competence.code} if filtered else {}))
                for page in by_competence.get(competence_keys[competence.code], []):
                    if (RESOURCE, page.pk) not in seen:
                        seen.add((RESOURCE, page.pk))
                        area_code = framework.competence(competence.code)[0].code
                        reason = _reason_for_competence(competence)
                        suggestions.append(Suggestion(page, RESOURCE, reason, competence.code, area_code, url))
            tier_areas = dict.fromkeys(framework.competence(competence.code)[0].code for competence in tier)
            for kind, found, index in [(RESOURCE, by_area, matrix), (PILOT_ACTION, pilots_by_area, pilot_index)]:
                for code in tier_areas:
                    url = _filtered_url(index, **({"area": code} if filtered else {}))
                    for page in found.get(area_keys[code], []):
                        if (kind, page.pk) not in seen:
                            seen.add((kind, page.pk))
                            reason = _reason_for_area(areas[code])
                            suggestions.append(Suggestion(page, kind, reason, "", code, url))
            if suggestions:
                break
    if limit is not None:
        del suggestions[limit:]
    return suggestions

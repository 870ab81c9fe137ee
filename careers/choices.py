"""Code lists of the careers: ISCO-08's major groups, ESCO's languages and occupation URIs, the kinds of link."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# ISCO-08's ten major groups (the first digit of an occupation's code), as the ILO names them.
ISCO_MAJOR_GROUPS = [
    ("1", _("Managers")),
    ("2", _("Professionals")),
    ("3", _("Technicians and associate professionals")),
    ("4", _("Clerical support workers")),
    ("5", _("Service and sales workers")),
    ("6", _("Skilled agricultural, forestry and fishery workers")),
    ("7", _("Craft and related trades workers")),
    ("8", _("Plant and machine operators, and assemblers")),
    ("9", _("Elementary occupations")),
    ("0", _("Armed forces occupations")),
]
ISCO_MAJOR_GROUP_NAMES = dict(ISCO_MAJOR_GROUPS)

ISCO_CODE = re.compile(r"[0-9]{4}")  # ASCII digits only: str.isdigit() is also true of "²" and "٣"
# ESCO's occupations: http://data.europa.eu/esco/occupation/ and a UUID in lower case, as ESCO writes them.
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
ESCO_OCCUPATION_URI = re.compile(
    re.escape(ESCO_OCCUPATION_PREFIX) + r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
ESCO_URI_MAX_LENGTH = 100

# The portal's languages that ESCO publishes (ESCO has no Turkish: Turkish pages show only the editors' text).
ESCO_LANGUAGES = ["en", "it", "ro", "es", "el"]
ESCO_LICENCE_URL = "https://esco.ec.europa.eu/en/about-esco/data-science-and-esco/esco-terms-use"
ESCO_PORTAL_URL = "https://esco.ec.europa.eu/"

LINK_KINDS = [
    ("information", _("Career information")),
    ("jobs", _("Job services and vacancies")),
]


def validate_isco_code(value):
    if not ISCO_CODE.fullmatch(value or ""):
        raise ValidationError(_("An ISCO-08 unit group code is four digits, e.g. 2634."), code="isco")


def validate_esco_uri(value):
    if not ESCO_OCCUPATION_URI.fullmatch(value or ""):
        raise ValidationError(
            _("An ESCO occupation URI looks like http://data.europa.eu/esco/occupation/ followed by its identifier."),
            code="esco",
        )


def major_group_of(isco_code):
    return (isco_code or "")[:1]

"""Fixed vocabularies shared by pilot actions and resources: countries, settings, target groups, languages."""

from django.utils.translation import gettext_lazy as _

# The six partner countries first, then the other Erasmus+ programme countries; ISO 3166-1 alpha-2 codes.
PARTNER_COUNTRIES = ["IT", "RO", "ES", "GR", "TR", "GB"]
COUNTRIES = [
    ("IT", _("Italy")),
    ("RO", _("Romania")),
    ("ES", _("Spain")),
    ("GR", _("Greece")),
    ("TR", _("Turkey")),
    ("GB", _("United Kingdom")),
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("HU", _("Hungary")),
    ("IS", _("Iceland")),
    ("IE", _("Ireland")),
    ("LV", _("Latvia")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("NL", _("Netherlands")),
    ("MK", _("North Macedonia")),
    ("NO", _("Norway")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("RS", _("Serbia")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("SE", _("Sweden")),
    ("CH", _("Switzerland")),
    ("EU", _("European Union (international)")),
]
COUNTRY_CODES = {code for code, _name in COUNTRIES}

SETTINGS = [
    ("school", _("School")),
    ("employment", _("Employment service")),
    ("learning-centre", _("Learning centre")),
    ("university", _("University careers office")),
    ("adult-education", _("Adult education")),
    ("other", _("Other setting")),
]

TARGET_GROUPS = [
    ("secondary-students", _("Secondary school students")),
    ("university-students", _("University students")),
    ("job-seekers", _("Job seekers")),
    ("adults", _("Adults in work or training")),
    ("neet", _("Young people not in education, employment or training")),
    ("practitioners", _("Guidance practitioners and teachers")),
]

# Languages a resource itself is in: named in their own language, like the portal's language switcher.
RESOURCE_LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("ro", "Română"),
    ("es", "Español"),
    ("el", "Ελληνικά"),
    ("tr", "Türkçe"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
]
RESOURCE_LANGUAGE_NAMES = dict(RESOURCE_LANGUAGES)


def country_name(code):
    return dict(COUNTRIES).get(code, code)

"""Code lists shared by pilot actions and resources: countries and settings of guidance."""

from django.utils.translation import gettext_lazy as _

from home.partners import PARTNERS

# The six partner countries first, then the other Erasmus+ programme countries; ISO 3166-1 alpha-2 codes.
COUNTRIES = [
    *((partner.country_code, partner.label) for partner in PARTNERS),
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
COUNTRY_NAMES = dict(COUNTRIES)

SETTINGS = [
    ("school", _("School")),
    ("employment", _("Employment service")),
    ("learning-centre", _("Learning centre")),
    ("university", _("University careers office")),
    ("adult-education", _("Adult education")),
    ("other", _("Other setting")),
]


def country_name(code):
    return COUNTRY_NAMES.get(code, code)

"""The six partner countries of LE.A.DE.R and the content language each of them writes in: the one list of them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Partner:
    country_code: str  # ISO 3166-1 alpha-2, as in the code lists of pilot actions and resources
    language_code: str  # the language of the partner's pages and editors
    name: str  # the country's English name: groups, collections and workflows are named after it
    label: str  # the country's name in the reader's language


PARTNERS = [
    Partner("IT", "it", "Italy", _("Italy")),
    Partner("RO", "ro", "Romania", _("Romania")),
    Partner("ES", "es", "Spain", _("Spain")),
    Partner("GR", "el", "Greece", _("Greece")),
    Partner("TR", "tr", "Turkey", _("Turkey")),
    Partner("GB", "en", "United Kingdom", _("United Kingdom")),
]
PARTNER_COUNTRY_CODES = [partner.country_code for partner in PARTNERS]

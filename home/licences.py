"""The licences partners may choose for the portal's open data (the API and the Matrix's downloads)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str
    name: str
    url: str


DATA_LICENCES = [
    Licence(
        "CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"
    ),
    Licence(
        "CC-BY-SA-4.0",
        "Creative Commons Attribution-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    Licence("CC0-1.0", "Creative Commons Zero 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    Licence(
        "ODbL-1.0", "Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"
    ),
]
DEFAULT_DATA_LICENCE = "CC-BY-4.0"
DATA_LICENCE_CHOICES = [(licence.code, licence.name) for licence in DATA_LICENCES]
DATA_LICENCE_HELP = _(
    "The licence under which anyone may reuse the portal's open data: the API and the Matrix's downloads."
)


def data_licence(code):
    """The licence of the given SPDX code; the default one for an unknown code."""
    by_code = {licence.code: licence for licence in DATA_LICENCES}
    return by_code.get(code, by_code[DEFAULT_DATA_LICENCE])

"""The names of each partner country's groups, collection and review workflow, derived from the partner list."""

from dataclasses import dataclass

from home.partners import PARTNERS


@dataclass(frozen=True)
class Country:
    name: str  # group, collection and workflow names are data, stored in English like every other record name
    language_code: str

    @property
    def editors_group(self):
        return f"{self.name} editors"

    @property
    def moderators_group(self):
        return f"{self.name} moderators"

    @property
    def collection(self):
        return self.name

    @property
    def workflow(self):
        return f"{self.name} review"

    @property
    def task(self):
        return f"Approval by the {self.name} moderators"


COUNTRIES = [Country(partner.name, partner.language_code) for partner in PARTNERS]
COORDINATORS_GROUP = "Coordinators"

"""The six partner countries, their content language and the names of their groups, collections and workflow."""

from dataclasses import dataclass


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


COUNTRIES = [
    Country("Italy", "it"),
    Country("Romania", "ro"),
    Country("Spain", "es"),
    Country("Greece", "el"),
    Country("Turkey", "tr"),
    Country("United Kingdom", "en"),
]
COORDINATORS_GROUP = "Coordinators"

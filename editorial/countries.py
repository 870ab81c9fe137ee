"""The names of each partner country's groups, collection and review workflow, derived from the partner list.

They are records that the country's own editors read in the admin, so each is named in the country's language, from
our catalogue ("Συντάκτες (Ελλάδα)", "Editörler (Türkiye)"). They used to be English ("Greece editors"):
`legacy_names` lets setup_editorial rename those records instead of creating second ones.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import pgettext_lazy

from home.partners import PARTNERS

EDITORS = pgettext_lazy("group of a partner country", "Editors (%(country)s)")
MODERATORS = pgettext_lazy("group of a partner country", "Moderators (%(country)s)")
WORKFLOW = pgettext_lazy("review workflow of a partner country", "Review (%(country)s)")
TASK = pgettext_lazy("approval task of a partner country's workflow", "Moderators' approval (%(country)s)")


@dataclass(frozen=True)
class Country:
    name: str  # the English name, as the records were named before they were named in the country's language
    language_code: str
    label: str  # the country's name, lazily translated

    def _named(self, pattern):
        with translation.override(self.language_code):
            return str(pattern) % {"country": str(self.label)}

    @property
    def editors_group(self):
        return self._named(EDITORS)

    @property
    def moderators_group(self):
        return self._named(MODERATORS)

    @property
    def collection(self):
        with translation.override(self.language_code):
            return str(self.label)

    @property
    def workflow(self):
        return self._named(WORKFLOW)

    @property
    def task(self):
        return self._named(TASK)

    @property
    def legacy_names(self):
        """The English names of the same records, by the property that names them today."""
        return {
            "editors_group": f"{self.name} editors",
            "moderators_group": f"{self.name} moderators",
            "collection": self.name,
            "workflow": f"{self.name} review",
            "task": f"Approval by the {self.name} moderators",
        }


COUNTRIES = [Country(partner.name, partner.language_code, partner.label) for partner in PARTNERS]
# One group across the six languages; its members read the admin in English.
COORDINATORS_GROUP = "Coordinators"

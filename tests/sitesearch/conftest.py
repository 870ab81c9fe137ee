import pytest
from wagtail.models import Page

from cms_framework.factories import PilotActionIndexPageFactory, PilotActionPageFactory
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory, copy_translation
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from sitesearch.indexing import rebuild
from tests.trees import make_root

LANGUAGES = ("en", "el", "tr", "es")


class Tree:
    """A home in each of four languages, each with a content section, a Matrix and a pilot-action index."""

    def __init__(self):
        self.locales = {code: LocaleFactory(language_code=code) for code in LANGUAGES}
        english = HomePageFactory(parent=Page.get_first_root_node(), locale=self.locales["en"], slug="portal")
        make_root(english)
        self.homes = {"en": english} | {code: copy_translation(english, self.locales[code]) for code in LANGUAGES[1:]}
        self.matrices, self.pilot_indexes = {}, {}

    def page(self, code, title, **fields):
        return ContentPageFactory(parent=self.homes[code], locale=self.locales[code], title=title, **fields)

    def matrix(self, code):
        if code not in self.matrices:
            self.matrices[code] = ResourceIndexPageFactory(
                parent=self.homes[code], locale=self.locales[code], slug=f"teaching-resources-{code}"
            )
        return self.matrices[code]

    def resource(self, code, title, **fields):
        return ResourcePageFactory(parent=self.matrix(code), locale=self.locales[code], title=title, **fields)

    def pilot(self, code, title, **fields):
        if code not in self.pilot_indexes:
            self.pilot_indexes[code] = PilotActionIndexPageFactory(
                parent=self.homes[code], locale=self.locales[code], slug=f"pilot-actions-{code}"
            )
        return PilotActionPageFactory(parent=self.pilot_indexes[code], locale=self.locales[code], title=title, **fields)

    def index(self):
        return rebuild()


@pytest.fixture
def tree(db):
    return Tree()

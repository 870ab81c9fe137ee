"""Small page trees built with the factories, each with every page a test may name.

`site_tree()` is the portal's outline (a home and its seven sections, the navigation and the footer) in several
languages; `framework_tree()` is an English home with a framework, a learning outcome, pilot actions and a Matrix.
`shared(builder, **options)` makes a fixture that builds one of them once for a module (or a class), in a
transaction rolled back at the end; each test takes a deep copy of it with `db` (see `copy_of`).
"""

import copy
from dataclasses import dataclass, field

import pytest
from wagtail.models import Page, Site

from cms_framework.factories import (
    CompetenceFactory,
    FrameworkAreaPageFactory,
    FrameworkPageFactory,
    LearningOutcomePageFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
)
from home.factories import (
    ContentPageFactory,
    FooterFactory,
    HomePageFactory,
    LocaleFactory,
    NavigationMenuFactory,
    copy_translation,
    links,
)
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.utils import LANGUAGE_CODES, OUTLINE_SLUGS, on_commit_executed, rolled_back

BODY = [
    ("heading", {"text": "Lifelong guidance", "level": "h2"}),
    ("paragraph", "<p>Guidance throughout the lifespan.</p>"),
    ("quote", {"quote": "Careers are built for life.", "attribution": "A practitioner"}),
]
# The home page's outline, in the demo's order: the page factory and title of each section.
OUTLINE = {
    "introduction": (ContentPageFactory, "I – Introduction"),
    "cms-emerging-needs": (ContentPageFactory, "II – CMS emerging needs"),
    "framework": (FrameworkPageFactory, "Sample framework"),
    "pilot-actions": (PilotActionIndexPageFactory, "Pilot actions"),
    "teaching-resources": (ResourceIndexPageFactory, "Teaching resources & tools"),
    "open-platform": (ContentPageFactory, "III – Open platform"),
    "documents": (ContentPageFactory, "IV – Documents"),
}
assert list(OUTLINE) == OUTLINE_SLUGS


def make_root(home):
    """Make `home` the root of the default site (the one the test client's host falls back to)."""
    Site.objects.filter(is_default_site=True).update(root_page=home)


@dataclass
class SiteTree:
    locales: dict  # language code -> Locale
    homes: dict  # language code -> HomePage
    sections: dict  # language code -> {slug: section page}
    navigation: dict = field(default_factory=dict)  # language code -> NavigationMenu
    footers: dict = field(default_factory=dict)  # language code -> Footer

    def paths(self, code):
        """The path of every page of one language, the home first, then the outline in order."""
        return [f"/{code}/", *(f"/{code}/{slug}/" for slug in self.sections[code])]


def site_tree(languages=LANGUAGE_CODES):
    """The outline in English, copied into the other `languages` (each title ends in " [code]"), all published.

    The navigation links the home and every section; the footer links the introduction and the documents. Each
    language has its own navigation and footer, with its own texts.
    """
    locales = {code: LocaleFactory(language_code=code) for code in languages}
    english = locales["en"]
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")
    make_root(home)
    sections = {}
    for slug, (page_factory, title) in OUTLINE.items():
        options = {"body": BODY} if page_factory is ContentPageFactory else {}
        sections[slug] = page_factory(
            parent=home, locale=english, title=title, slug=slug, show_in_menus=True, **options
        )
    tree = SiteTree(locales=locales, homes={"en": home}, sections={"en": sections})
    tree.navigation["en"] = NavigationMenuFactory(locale=english, items=links(home, *sections.values()))
    tree.footers["en"] = FooterFactory(locale=english, links=links(sections["introduction"], sections["documents"]))
    for code in languages[1:]:
        locale = locales[code]
        tree.homes[code] = copy_translation(home, locale)
        tree.sections[code] = {slug: copy_translation(page, locale) for slug, page in sections.items()}
        tree.navigation[code] = copy_translation(tree.navigation["en"], locale)
        tree.footers[code] = copy_translation(tree.footers["en"], locale)
    return tree


@dataclass
class FrameworkTree:
    english: object
    home: object
    framework: object
    areas: list
    competences: list
    section: object
    outcome: object
    pilot_index: object
    pilots: list
    matrix: object
    resources: list = field(default_factory=list)

    def add_resource(self, number, **fields):
        """Resource `number`, in area `number % 3`, with the first competence of its area, the learning outcome and
        pilot action `number % 2`; every field can be given, and the category goes round the first four."""
        area = self.areas[number % len(self.areas)]
        resource = ResourcePageFactory(
            parent=self.matrix,
            title=fields.pop("title", f"Resource {number:03d}"),
            category=fields.pop("category", ["presentations", "websites", "videos", "tools"][number % 4]),
            **fields,
        )
        resource.areas.set([area])
        resource.competences.set([c for c in self.competences if c.code.startswith(area.code + ".")][:1])
        resource.learning_outcomes.set([self.outcome])
        resource.pilot_actions.set([self.pilots[number % 2]])
        resource.save()
        return resource


def framework_tree(resources=3):
    """An English home with the framework (areas SA, EX, CB; two competences each), section II with one learning
    outcome, two pilot actions (Careers week: IT, school, SA; Job club: GB, employment, EX) and the Matrix with
    `resources` resources (see `FrameworkTree.add_resource`)."""
    english = LocaleFactory(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")
    make_root(home)
    framework = FrameworkPageFactory(parent=home, title="Sample framework", slug="framework")
    areas = [
        FrameworkAreaPageFactory(parent=framework, code=code, title=title, slug=code.lower())
        for code, title in [("SA", "Self-awareness"), ("EX", "Exploring learning and work"), ("CB", "Career building")]
    ]
    competences = [
        CompetenceFactory(area=area, code=f"{area.code}.{number}", title=f"{area.title} competence {number}")
        for area in areas
        for number in (1, 2)
    ]
    section = ContentPageFactory(parent=home, title="II – CMS emerging needs", slug="cms-emerging-needs")
    outcome = LearningOutcomePageFactory(
        parent=section, title="I know the framework", slug="know-the-framework", number=1
    )
    pilot_index = PilotActionIndexPageFactory(parent=home)
    pilots = [
        PilotActionPageFactory(parent=pilot_index, title="Careers week", slug="careers-week", country="IT"),
        PilotActionPageFactory(
            parent=pilot_index, title="Job club", slug="job-club", country="GB", setting="employment"
        ),
    ]
    for pilot, area in zip(pilots, areas, strict=False):
        pilot.areas.set([area])
        pilot.save()
    matrix = ResourceIndexPageFactory(parent=home)
    tree = FrameworkTree(english, home, framework, areas, competences, section, outcome, pilot_index, pilots, matrix)
    tree.resources = [tree.add_resource(number) for number in range(resources)]
    return tree


def shared(builder, scope="module", **options):
    """A fixture of this scope: `builder(**options)`, built once inside a transaction rolled back afterwards.

    Two shared trees must not be alive at once (both would be the default site's root): a module with several
    uses the scope "class", each class taking one.
    """

    @pytest.fixture(scope=scope)
    def fixture(django_db_setup, django_db_blocker):
        with rolled_back(django_db_blocker):
            with django_db_blocker.unblock(), on_commit_executed():
                built = builder(**options)
            yield built

    return fixture


def copy_of(built):
    """The shared objects for one test, which may change them: its database changes are rolled back with its
    savepoint, and this copy keeps its changes to the Python objects from the next test (as `setUpTestData`)."""
    return copy.deepcopy(built)

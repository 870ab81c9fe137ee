"""A small English tree with a framework, pilot actions and a matrix, built with the factories."""

from wagtail.models import Page, Site

from cms_framework.factories import (
    CompetenceFactory,
    FrameworkAreaPageFactory,
    FrameworkPageFactory,
    LearningOutcomePageFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
)
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory


def build_tree(test_class, resources=3):
    """Replace the session's demo tree, for this class only, with a small tree whose every page the test knows."""
    cls = test_class
    Page.objects.filter(depth=2).delete()
    cls.english = LocaleFactory(language_code="en")
    cls.home = HomePageFactory(parent=Page.get_first_root_node(), title="Portal home", slug="portal")
    Site.objects.create(hostname="localhost", root_page=cls.home, is_default_site=True)
    cls.framework = FrameworkPageFactory(parent=cls.home, title="Sample framework", slug="framework")
    cls.areas = [
        FrameworkAreaPageFactory(parent=cls.framework, code=code, title=title, slug=code.lower())
        for code, title in [("SA", "Self-awareness"), ("EX", "Exploring learning and work"), ("CB", "Career building")]
    ]
    cls.competences = [
        CompetenceFactory(area=area, code=f"{area.code}.{number}", title=f"{area.title} competence {number}")
        for area in cls.areas
        for number in (1, 2)
    ]
    cls.section = ContentPageFactory(parent=cls.home, title="II – CMS emerging needs", slug="cms-emerging-needs")
    cls.outcome = LearningOutcomePageFactory(
        parent=cls.section, title="I know the framework", slug="know-the-framework", number=1
    )
    cls.pilot_index = PilotActionIndexPageFactory(parent=cls.home)
    cls.pilots = [
        PilotActionPageFactory(parent=cls.pilot_index, title="Careers week", slug="careers-week", country="IT"),
        PilotActionPageFactory(
            parent=cls.pilot_index, title="Job club", slug="job-club", country="GB", setting="employment"
        ),
    ]
    cls.pilots[0].areas.set([cls.areas[0]])
    cls.pilots[0].save()
    cls.pilots[1].areas.set([cls.areas[1]])
    cls.pilots[1].save()
    cls.matrix = ResourceIndexPageFactory(parent=cls.home)
    cls.resources = [add_resource(cls, number) for number in range(resources)]


def add_resource(cls, number, **fields):
    area = cls.areas[number % len(cls.areas)]
    resource = ResourcePageFactory(
        parent=cls.matrix,
        title=fields.pop("title", f"Resource {number:03d}"),
        category=fields.pop("category", ["presentations", "websites", "videos", "tools"][number % 4]),
        **fields,
    )
    resource.areas.set([area])
    resource.competences.set([c for c in cls.competences if c.code.startswith(area.code + ".")][:1])
    resource.learning_outcomes.set([cls.outcome])
    resource.pilot_actions.set([cls.pilots[number % 2]])
    resource.save()
    return resource

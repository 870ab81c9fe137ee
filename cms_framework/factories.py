"""factory_boy factories for frameworks, areas, competences, learning outcomes and pilot actions."""

import datetime

import factory
import wagtail_factories

from cms_framework.models import (
    Competence,
    FrameworkAreaPage,
    FrameworkPage,
    LearningOutcomePage,
    PilotActionIndexPage,
    PilotActionPage,
)


def levels(*names):
    return [{"type": "level", "value": {"name": name, "description": ""}} for name in names]


class FrameworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Framework {n}")
    slug = factory.Sequence(lambda n: f"framework-{n}")
    version = "1.0"
    licence = "CC BY 4.0"
    levels = factory.LazyFunction(lambda: levels("Discover", "Develop", "Master"))

    class Meta:
        model = FrameworkPage


class FrameworkAreaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    code = factory.Sequence(lambda n: f"A{n}")
    summary = factory.Faker("sentence")

    class Meta:
        model = FrameworkAreaPage


class CompetenceFactory(factory.django.DjangoModelFactory):
    area = factory.SubFactory(FrameworkAreaPageFactory)
    locale = factory.LazyAttribute(lambda competence: competence.area.locale)
    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.Sequence(lambda n: f"Competence {n}")
    description = factory.Faker("sentence")
    descriptors = factory.LazyFunction(
        lambda: [{"type": "descriptor", "value": text} for text in ("First steps", "Growing", "Confident")]
    )

    class Meta:
        model = Competence


class LearningOutcomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Learning outcome {n}")
    slug = factory.Sequence(lambda n: f"outcome-{n}")
    number = factory.Sequence(lambda n: n % 4 + 1)
    statement = factory.Sequence(lambda n: f"I can do thing {n}")
    expectation = "<p>The practitioner knows what to do.</p>"

    class Meta:
        model = LearningOutcomePage


class PilotActionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pilot actions"
    slug = "pilot-actions"
    show_in_menus = True

    class Meta:
        model = PilotActionIndexPage


class PilotActionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pilot action {n}")
    slug = factory.Sequence(lambda n: f"pilot-{n}")
    country = "IT"
    organisation = factory.Faker("company")
    setting = "school"
    target_group = "Secondary school students"
    start_date = datetime.date(2016, 10, 1)
    end_date = datetime.date(2017, 3, 31)
    participants = 24

    class Meta:
        model = PilotActionPage

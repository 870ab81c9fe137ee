"""factory_boy factories for the Matrix page and its resources."""

import datetime

import factory
import wagtail_factories

from resources.models import ResourceIndexPage, ResourcePage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Teaching resources & tools"
    slug = "teaching-resources"
    show_in_menus = True

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    key = factory.Sequence(lambda n: f"R-{n:04d}")
    category = "websites"
    summary = factory.Faker("sentence")
    description = factory.Faker("paragraph")
    instructions = factory.Faker("sentence")
    languages = factory.LazyFunction(lambda: ["en"])
    country = "IT"
    provider = "LE.A.DE.R"
    target_group = "secondary-students"
    setting = "school"
    duration = 45
    licence = "CC BY 4.0"
    url = factory.Sequence(lambda n: f"https://example.org/resource/{n}")
    link_checked = datetime.date(2017, 5, 31)

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted:
            self.areas.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def competences(self, create, extracted, **kwargs):
        if extracted:
            self.competences.set(extracted)
            if create:
                self.save()

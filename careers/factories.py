"""factory_boy factories for the careers index, career profiles and ESCO's occupations."""

import factory
import wagtail_factories

from careers.models import CareerIndexPage, CareerPage, EscoOccupation

# Test URIs have ESCO's form but an identifier of zeros, which no ESCO occupation has.


class CareerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Careers"
    slug = "careers"
    show_in_menus = True

    class Meta:
        model = CareerIndexPage


class CareerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Career {n:03d}")
    slug = factory.Sequence(lambda n: f"career-{n}")
    key = factory.Sequence(lambda n: f"C-{n:04d}")
    esco_uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-{n:012d}")
    isco_code = "2634"
    summary = factory.Faker("sentence")
    work = factory.Faker("paragraph")
    requirements = factory.Faker("sentence")

    class Meta:
        model = CareerPage
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted:
            self.areas.set(extracted)
            if create:
                self.save()


class EscoOccupationFactory(factory.django.DjangoModelFactory):
    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-{n:012d}")
    language = "en"
    preferred_label = factory.Sequence(lambda n: f"occupation {n}")
    alt_labels = ""
    description = factory.Faker("sentence")
    isco_group = "2634"

    class Meta:
        model = EscoOccupation

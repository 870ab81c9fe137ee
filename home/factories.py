"""factory_boy factories for the home app's pages and snippets."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import ContentPage, Footer, HomePage, NavigationMenu


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    slug = factory.Sequence(lambda n: f"home-{n}")
    subtitle = factory.Faker("sentence")
    introduction = factory.LazyFunction(lambda: "<p>Career Management Skills for everyone.</p>")

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    subtitle = factory.Faker("sentence")
    summary = factory.Faker("paragraph")
    show_in_menus = True

    class Meta:
        model = ContentPage


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = NavigationMenu


class FooterFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    text = factory.LazyFunction(lambda: "<p>The LE.A.DE.R partnership.</p>")

    class Meta:
        model = Footer

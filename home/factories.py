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


def translate(instance, locale, transform=None):
    """Translate a page or snippet into `locale` through wagtail-localize, as an editor would, and publish it.

    Every string becomes `transform(text)` (by default the text followed by the language code in brackets), so
    a test can tell each language's copy apart. Call it inside `captureOnCommitCallbacks(execute=True)` (or with a
    committing client) when the translation must be live: wagtail-localize publishes on commit.
    """
    from wagtail.models import Page
    from wagtail_localize.models import Translation, TranslationSource

    transform = transform or (lambda text: f"{text} [{locale.language_code}]")
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = transform(entry.msgid)
    translation.import_po(po, tool_name="tests")
    if isinstance(instance, Page):
        translation.save_target(publish=False)
        target = translation.get_target_instance()
        target.get_latest_revision().publish()
        return target.specific_class.objects.get(pk=target.pk)
    translation.save_target(publish=True)
    return translation.get_target_instance()

"""factory_boy factories for the home app's pages and snippets."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import ContentPage, Footer, HomePage, NavigationMenu, PortalSettings


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


def links(*pages, **urls):
    """A LinkListBlock value: a link to each page (by its title), then one to each external address (by its name)."""
    return [{"type": "link", "value": {"text": page.title, "page": page.pk, "url": ""}} for page in pages] + [
        {"type": "link", "value": {"text": text, "page": None, "url": url}} for text, url in urls.items()
    ]


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    items = factory.LazyFunction(list)

    class Meta:
        model = NavigationMenu


class FooterFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    text = factory.LazyFunction(lambda: "<p>The LE.A.DE.R partnership.</p>")
    links = factory.LazyFunction(list)

    class Meta:
        model = Footer


class PortalSettingsFactory(factory.django.DjangoModelFactory):
    show_phase_banner = False

    class Meta:
        model = PortalSettings


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


def copy_translation(instance, locale, transform=None):
    """A translation of a page or snippet into `locale` made by copying it (no wagtail-localize records), published.

    Faster than `translate()` where a test needs the tree in several languages but not the translation workflow.
    Its title (and, for pages, subtitle), its link texts and its footer's texts become `transform(text)` (by default the
    text followed by the language code in brackets); links keep the source's pages, which the templates show in the
    reader's language. A page's parent must already be translated.
    """
    from django.utils.html import strip_tags
    from wagtail.models import Page

    transform = transform or (lambda text: f"{text} [{locale.language_code}]")
    copy = instance.copy_for_translation(locale)
    for name in ("title", "subtitle"):
        if getattr(copy, name, ""):
            setattr(copy, name, transform(getattr(copy, name)))
    for name in ("items", "links"):
        stream = getattr(copy, name, None)
        if stream is not None and not isinstance(copy, Page):
            setattr(
                copy,
                name,
                [
                    {"type": b["type"], "value": {**b["value"], "text": transform(b["value"]["text"])}}
                    for b in stream.raw_data
                ],
            )
    if isinstance(copy, Footer):
        copy.text = f"<p>{transform(strip_tags(instance.text))}</p>"
        for name in ("funding_statement", "disclaimer"):
            if getattr(copy, name):
                setattr(copy, name, transform(getattr(copy, name)))
    if isinstance(copy, Page):
        copy.save_revision().publish()
        return copy.specific_class.objects.get(pk=copy.pk)
    copy.save()
    return copy

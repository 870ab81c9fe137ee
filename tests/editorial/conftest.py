"""The small six-language world of the editorial tests, built once for the package and rolled back afterwards.

English is the source: a home page with two content pages (`introduction`, and `documents` whose body chooses a
document), a navigation menu and a footer, each translated into the five other languages through wagtail-localize.
On top: `setup_editorial` (groups, collections and review workflows per country), the demo's accounts (`admin`,
`coordinator`, `editor-xx` and `moderator-xx` for each language), an English page nobody has translated yet, a page
written in each partner language only (the Italian one translated into English, so that English has a translation
to attack too), and an image and a document in each country's collection.

Each test runs in a transaction of its own inside the package's (pytest-django's `db`), and gets its own copies of
the world's objects (`world`), so that whatever a test changes, in the database or on an object, the next test does
not see.
"""

import copy
import io
from dataclasses import dataclass
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, TestCase
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail_localize.models import Translation

from editorial.countries import COUNTRIES
from home.factories import ContentPageFactory, FooterFactory, HomePageFactory, LocaleFactory, NavigationMenuFactory
from home.factories import translate as factory_translate
from portal.management.commands.load_demo import Command as LoadDemo
from tests.utils import LANGUAGE_CODES, rolled_back

OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]
PAIRS = [(actor, target) for actor in LANGUAGE_CODES for target in LANGUAGE_CODES if actor != target]


def pair_id(pair):
    actor, target = pair
    return f"{actor}->{target}"


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#0b5566").save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name="upload.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def empty_body():
    """The management form of an empty body and no comments, for the page add and edit forms."""
    return {"body-count": "0", "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"}


class CommittingClient(Client):
    """Runs the on-commit callbacks of each request, as a real server's committed transaction would.

    wagtail-localize publishes translations on commit; without this, a publication an attack managed to start
    would never happen inside the test's transaction, and the test could not see it.
    """

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@dataclass
class World:
    """The objects the tests use, by language code where there is one per language."""

    admin: object
    coordinator: object
    editors: dict
    moderators: dict
    locales: dict
    homes: dict
    sections: dict  # the `introduction` page of each language
    document_sections: dict  # the `documents` page of each language, its body choosing `source_document`
    untranslated: object  # an English page with no translation
    local_pages: dict  # a page written in each partner language only
    page_translations: dict  # the Translation whose target is each language's page (English: from Italian)
    page_targets: dict  # that target page
    collections: dict
    images: dict
    documents: dict


def translate(instance, locale):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return factory_translate(instance, locale)


def new_image(title, collection=None):
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(png_bytes()), name="image.png"))
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def new_document(title, collection=None, name="document.txt"):
    """A document; its file stays on disk after the rollback, as every media file the tests save does."""
    document = get_document_model()(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(name, ContentFile(title.encode()), save=False)
    document.save()
    return document


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_world():
    locales = {code: LocaleFactory(language_code=code) for code in LANGUAGE_CODES}
    english = locales["en"]
    others = {code: locales[code] for code in OTHER_LANGUAGES}

    # The English home is the site's root; the welcome page of a new Wagtail install is not part of the portal.
    root = Page.get_first_root_node()
    home = published(HomePageFactory(parent=root, locale=english, title="LE.A.DE.R", slug="leader"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "site_name": "LE.A.DE.R"})
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()

    # The English source: two content pages, the second choosing a document (in the root collection, as the demo's).
    source_document = new_document("LE.A.DE.R topic outline", name="leader-topic-outline.txt")
    introduction = published(ContentPageFactory(parent=home, locale=english, title="Introduction", slug="introduction"))
    documents_page = published(
        ContentPageFactory(
            parent=home,
            locale=english,
            title="Documents",
            slug="documents",
            body=[
                {
                    "type": "document",
                    "value": {"document": source_document.pk, "title": "Topic outline", "description": "The topics."},
                }
            ],
        )
    )
    navigation = NavigationMenuFactory(
        locale=english, items=[{"type": "link", "value": {"text": "Home", "page": home.pk, "url": ""}}]
    )
    footer = FooterFactory(locale=english)

    # Translated through wagtail-localize, parents before children (the pages' links and snippets' links need them).
    homes, sections, document_sections = {"en": home}, {"en": introduction}, {"en": documents_page}
    for code, locale in others.items():
        homes[code] = translate(home, locale)
        sections[code] = translate(introduction, locale)
        document_sections[code] = translate(documents_page, locale)
        translate(navigation, locale)
        translate(footer, locale)

    # Groups, collections and review workflows per country, then the demo's accounts in those groups.
    call_command("setup_editorial", stdout=StringIO())
    accounts = LoadDemo(stdout=StringIO())
    accounts.demo_superuser()
    accounts.demo_partners()
    User = get_user_model()

    # What the tests attack or work on besides: an English page nobody has translated, a page only in each partner
    # language (the Italian one translated into English), and an image and a document in each country's collection.
    untranslated = published(
        ContentPageFactory(parent=home, locale=english, title="Not translated yet", slug="not-translated-yet")
    )
    local_pages = {
        code: published(
            ContentPageFactory(parent=homes[code], locale=locale, title=f"Only in {code}", slug=f"only-{code}")
        )
        for code, locale in others.items()
    }
    translate(local_pages["it"], english)

    page_translations = {
        code: Translation.objects.get(source__object_id=introduction.translation_key, target_locale=locale)
        for code, locale in others.items()
    }
    page_translations["en"] = Translation.objects.get(
        source__object_id=local_pages["it"].translation_key, target_locale=english
    )
    page_targets = {code: Page.objects.get(pk=sections[code].pk) for code in OTHER_LANGUAGES}
    page_targets["en"] = local_pages["it"].get_translation(english)

    collections = {country.language_code: Collection.objects.get(name=country.collection) for country in COUNTRIES}
    images = {code: new_image(f"Image {code}", collection) for code, collection in collections.items()}
    documents = {code: new_document(f"Document {code}", collection) for code, collection in collections.items()}

    return World(
        admin=User.objects.get(username="admin"),
        coordinator=User.objects.get(username="coordinator"),
        editors={code: User.objects.get(username=f"editor-{code}") for code in LANGUAGE_CODES},
        moderators={code: User.objects.get(username=f"moderator-{code}") for code in LANGUAGE_CODES},
        locales=locales,
        homes=homes,
        sections=sections,
        document_sections=document_sections,
        untranslated=untranslated,
        local_pages=local_pages,
        page_translations=page_translations,
        page_targets=page_targets,
        collections=collections,
        images=images,
        documents=documents,
    )


@pytest.fixture(scope="package")
def editorial_world(django_db_setup, django_db_blocker):
    """The world, built once inside an open transaction that is rolled back when the package's tests are done."""
    with rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            world = build_world()
        yield world


class WorldCopy:
    """The world as one test sees it: each attribute deep-copied on first use, as Django's setUpTestData does.

    A test that changes an object (or refreshes it from its own transaction) changes its copy only.
    """

    def __init__(self, world):
        self._world = world
        self._memo = {}

    def __getattr__(self, name):
        value = copy.deepcopy(getattr(self._world, name), self._memo)
        setattr(self, name, value)
        return value


@pytest.fixture
def world(editorial_world, db):
    """This test's copy of the world (see WorldCopy), inside the test's own transaction."""
    return WorldCopy(editorial_world)


@pytest.fixture
def client(db):
    """A CommittingClient; log in with `client.force_login(user)`."""
    return CommittingClient()

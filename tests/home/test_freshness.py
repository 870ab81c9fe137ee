"""The content generation: read once per request, bumped after the commit by every change a public page may show."""

import time
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_factories import DocumentFactory, ImageFactory

from home import freshness
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory, PortalSettingsFactory, translate
from home.models import Footer, NavigationMenu, PortalSettings
from home.signals import watched
from tests.utils import on_commit_executed

pytestmark = pytest.mark.django_db


def current():
    return freshness.generation()


@pytest.fixture
def home():
    english = LocaleFactory(language_code="en")
    return HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")


def test_a_missing_counter_starts_from_the_time_so_an_old_value_is_never_reused():
    before = int(time.time() * 1000)
    value = current()
    assert before <= value <= int(time.time() * 1000)
    assert current() == value


def test_the_generation_is_read_once_per_request():
    request = RequestFactory().get("/")
    value = freshness.generation(request)
    cache.set(freshness.KEY, value + 10, timeout=None)
    assert freshness.generation(request) == value
    assert freshness.generation(RequestFactory().get("/")) == value + 10


def test_a_bump_counts_after_the_commit_once_however_many_changes(django_capture_on_commit_callbacks):
    before = current()
    with django_capture_on_commit_callbacks(execute=True):
        freshness.bump()
        freshness.bump()
        # A reader during the transaction still reads the old value, under which it caches the old content.
        assert current() == before
    assert current() == before + 1


def test_a_rolled_back_change_bumps_nothing(django_capture_on_commit_callbacks):
    before = current()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                freshness.bump()
                raise RuntimeError
        except RuntimeError:
            pass
    assert current() == before


def bumps(change, django_capture_on_commit_callbacks):
    """How many times `change()` bumped the generation, its on-commit callbacks run."""
    before = current()
    with django_capture_on_commit_callbacks(execute=True):
        change()
    return current() - before


def test_publishing_unpublishing_moving_and_deleting_a_page_bump(home, django_capture_on_commit_callbacks):
    page = ContentPageFactory(parent=home, title="Introduction", slug="introduction")
    other = ContentPageFactory(parent=home, title="Documents", slug="documents")
    page.title = "Introduction (new)"
    assert bumps(lambda: page.save_revision().publish(), django_capture_on_commit_callbacks) == 1
    assert bumps(lambda: page.unpublish(), django_capture_on_commit_callbacks) == 1
    assert bumps(lambda: page.move(other, pos="last-child"), django_capture_on_commit_callbacks) == 1
    assert bumps(lambda: Page.objects.get(pk=page.pk).delete(), django_capture_on_commit_callbacks) == 1


def test_saving_a_draft_bumps_nothing(home, django_capture_on_commit_callbacks):
    page = ContentPageFactory(parent=home, title="Introduction", slug="introduction")
    page.title = "Introduction (draft)"
    assert bumps(lambda: page.save_revision(), django_capture_on_commit_callbacks) == 0


def test_snippets_settings_images_and_documents_bump_on_save_and_delete(home, django_capture_on_commit_callbacks):
    footer = Footer.objects.create(locale=home.locale, text="<p>Footer</p>")
    footer.text = "<p>Footer (new)</p>"
    assert bumps(footer.save, django_capture_on_commit_callbacks) == 1
    assert bumps(footer.delete, django_capture_on_commit_callbacks) == 1
    assert bumps(lambda: NavigationMenu.objects.create(locale=home.locale), django_capture_on_commit_callbacks) == 1
    assert bumps(lambda: PortalSettingsFactory(show_phase_banner=True), django_capture_on_commit_callbacks) == 1
    image = ImageFactory()
    assert bumps(image.save, django_capture_on_commit_callbacks) == 1
    assert bumps(image.delete, django_capture_on_commit_callbacks) == 1
    document = DocumentFactory()
    assert bumps(document.delete, django_capture_on_commit_callbacks) == 1


def test_wagtail_filling_in_a_files_size_while_rendering_bumps_nothing(django_capture_on_commit_callbacks):
    document = DocumentFactory()
    document.file_size = None
    assert bumps(lambda: document.get_file_size(), django_capture_on_commit_callbacks) == 0
    assert document.file_size is not None  # it was filled in and saved


def test_every_snippet_and_setting_model_is_watched(client):
    client.get("/")  # snippets are registered after the apps are ready: the first request connects them
    models = {*get_snippet_models(), PortalSettings, get_image_model(), get_document_model()}
    assert {Footer, NavigationMenu} <= models
    assert [model for model in models if not watched(model)] == []


def test_a_translation_synced_in_another_language_bumps(home, django_capture_on_commit_callbacks):
    french = LocaleFactory(language_code="fr")
    page = ContentPageFactory(parent=home, title="Introduction", slug="introduction")
    with on_commit_executed():
        translate(home, french)
    assert bumps(lambda: translate(page, french), django_capture_on_commit_callbacks) >= 1
    footer = Footer.objects.create(locale=home.locale, text="<p>Footer</p>")
    assert bumps(lambda: translate(footer, french), django_capture_on_commit_callbacks) >= 1


def test_the_resource_import_bumps(tmp_path, django_capture_on_commit_callbacks):
    from tests.resources.test_import import GOOD, csv_bytes
    from tests.trees import framework_tree

    with on_commit_executed():
        framework_tree(resources=0)
    path = tmp_path / "good.csv"
    path.write_bytes(csv_bytes(GOOD))

    def run_import(*args):
        return lambda: call_command("import_resources", str(path), *args, stdout=StringIO())

    assert bumps(run_import(), django_capture_on_commit_callbacks) == 1
    # A dry run changes nothing.
    assert bumps(run_import("--dry-run"), django_capture_on_commit_callbacks) == 0


class Unreachable:
    """A cache as `ResilientRedisCache` answers while Redis is stopped: misses, and an `incr` that raises."""

    def get(self, key, default=None, version=None):
        return default

    def add(self, *args, **kwargs):
        return False

    def incr(self, key, delta=1, version=None):
        raise ValueError(f"Key '{key}' not found")


def test_while_the_cache_is_unreachable_nothing_is_cached_and_a_bump_is_retried(
    monkeypatch, django_capture_on_commit_callbacks
):
    value = current()
    monkeypatch.setattr(freshness, "cache", Unreachable())
    assert freshness.generation() is None
    with django_capture_on_commit_callbacks(execute=True):
        freshness.bump()  # it must not raise
    assert freshness._pending
    monkeypatch.setattr(freshness, "cache", cache)
    # The next read counts the bump that was missed, so that content cached before the outage is not served after.
    assert freshness.generation() == value + 1
    assert not freshness._pending

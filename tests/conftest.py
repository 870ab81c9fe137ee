"""Fixtures for the whole suite."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.utils import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content in six languages, with its partner accounts, loaded once into the test database.

    Loading it takes the better part of a minute; each test runs in a transaction that rolls back to it.
    """
    with django_db_blocker.unblock():
        load_demo(superuser=True)


@pytest.fixture(autouse=True)
def _clean_slate():
    """Each test starts in English with an empty cache.

    Wagtail caches site root paths and each test builds its own tree; a request activates its language in the
    test's thread, and that language would otherwise leak into the next test.
    """
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)

"""Fixtures for the whole suite: no test sees data it did not ask for.

Every test builds what it needs with the factories (small trees: ``tests/trees.py``); the demo content is loaded
only for the tests under ``tests/demo/``, once, inside a transaction that is rolled back when they are done.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.utils import load_demo, rolled_back


def pytest_collection_modifyitems(config, items):
    """Keep the tests that share an expensive setup on one worker under pytest-xdist (`--dist loadgroup`)."""
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif "tests/demo/" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("demo"))


@pytest.fixture(scope="package")
def demo_content(django_db_setup, django_db_blocker):
    """The demo in six languages, with its accounts (`load_demo --superuser`), for the tests of one package.

    Loaded inside an open transaction that is rolled back afterwards, so the tests of other packages never see it;
    each test still runs in a transaction of its own inside this one.
    """
    with rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            output = load_demo(superuser=True)
        yield output


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

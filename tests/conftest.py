"""Fixtures for the whole suite."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths; each test builds its own tree, so each starts with an empty cache."""
    cache.clear()
    yield
    cache.clear()

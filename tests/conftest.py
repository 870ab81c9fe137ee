"""Fixtures for the whole suite: no test sees data it did not ask for.

Every test builds what it needs with the factories (small trees: ``tests/trees.py``); the demo content is loaded
only for the tests under ``tests/demo/``, once, inside a transaction that is rolled back when they are done.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

# Tests that share an expensive setup, kept on one worker under pytest-xdist (`--dist loadgroup`): the browser tests
# (their own server with the demo) and the demo tests (the demo, loaded once for the package).
XDIST_GROUPS = {"tests/browser/": "browser", "tests/demo/": "demo"}


def xdist_group_of(nodeid):
    return next((group for prefix, group in XDIST_GROUPS.items() if nodeid.startswith(prefix)), None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` by the groups above, whatever the versions of pytest and pytest-xdist.

    pytest-xdist 3.8 groups `xdist_group` marks by renaming each marked item's `_nodeid`, which pytest 9 no longer
    reads (its node ids are `_id`), so those marks leave every test free to go to any worker. This scheduler reads
    the groups from the node ids instead; every other test is a unit of its own, as in `loadgroup`.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return xdist_group_of(nodeid) or nodeid

    return GroupScheduling(config, log)


@pytest.fixture(autouse=True)
def _clean_slate():
    """Each test starts in English with an empty cache.

    Wagtail caches site root paths and each test builds its own tree; a request activates its language in the
    test's thread, and that language would otherwise leak into the next test.
    """
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    # The chrome's memos (home.memos) start off, as if a change were waiting for its commit: whether an earlier
    # test's rolled-back change left the connection marked would otherwise decide a page's query count. The tests
    # of the memos turn them on (tests/home/test_memos.py); a test that commits turns them on by committing.
    transaction.get_connection().content_changed = True
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    # The chrome's memos (home.memos) start off, as if a change were waiting for its commit: whether an earlier
    # test's rolled-back change left the connection marked would otherwise decide a page's query count. The tests
    # of the memos turn them on (tests/home/test_memos.py); a test that commits turns them on by committing.
    transaction.get_connection().content_changed = True

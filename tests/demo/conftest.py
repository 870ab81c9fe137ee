"""The tests of the demo content: every test in this package runs on the demo, loaded once for the package."""

import pytest

from tests.utils import load_demo, rolled_back


# Here, not in tests/conftest.py: a package-scoped fixture lives as long as the package of its conftest, and in
# tests/conftest.py the demo would stay loaded for every test that runs after these on the same worker.
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
def _demo(demo_content):
    return demo_content

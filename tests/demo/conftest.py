"""The tests of the demo content: every test in this package runs on the demo, loaded once for the package."""

import pytest


@pytest.fixture(autouse=True)
def _demo(demo_content):
    return demo_content

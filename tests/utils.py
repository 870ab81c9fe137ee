"""Helpers shared by the test modules."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

LANGUAGE_CODES = ["en", "it", "ro", "es", "el", "tr"]
SECTION_SLUGS = ["introduction", "cms-emerging-needs", "teaching-resources", "open-platform", "documents"]
DEMO_PATHS = [f"/{code}/" for code in LANGUAGE_CODES] + [
    f"/{code}/{slug}/" for code in LANGUAGE_CODES for slug in SECTION_SLUGS
]


def load_demo(**options):
    out = StringIO()
    options.setdefault("superuser", False)
    # wagtail-localize publishes translations when the transaction commits; a test's transaction never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=out, **options)
    return out.getvalue()

"""Helpers shared by the test modules."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from cms_framework.demo import content as framework_demo
from resources.demo import content as resources_demo

LANGUAGE_CODES = ["en", "it", "ro", "es", "el", "tr"]
# The home page's content pages, and its whole outline (content pages, framework, pilot actions, matrix) in order.
SECTION_SLUGS = ["introduction", "cms-emerging-needs", "open-platform", "documents"]
OUTLINE_SLUGS = [
    "introduction",
    "cms-emerging-needs",
    "framework",
    "pilot-actions",
    "teaching-resources",
    "open-platform",
    "documents",
]
FRAMEWORK_PATHS = [f"framework/{area['slug']}/" for area in framework_demo.AREAS]
OUTCOME_PATHS = [f"cms-emerging-needs/{outcome['slug']}/" for outcome in framework_demo.OUTCOMES]
PILOT_PATHS = [f"pilot-actions/{pilot['slug']}/" for pilot in framework_demo.PILOTS]
RESOURCE_PATHS = [f"teaching-resources/{spec['slug']}/" for spec in resources_demo.resource_specs()]
DEMO_PATHS = [
    f"/{code}/{path}"
    for code in LANGUAGE_CODES
    for path in ["", *(f"{slug}/" for slug in OUTLINE_SLUGS), *FRAMEWORK_PATHS, *OUTCOME_PATHS, *PILOT_PATHS]
    + RESOURCE_PATHS
]
# One page of every page type (the matrix also filtered, and filtered to nothing), in every language.
PAGE_TYPE_PATHS = [
    f"/{code}/{path}"
    for code in LANGUAGE_CODES
    for path in [
        "",
        "introduction/",
        "framework/",
        FRAMEWORK_PATHS[0],
        OUTCOME_PATHS[0],
        "pilot-actions/",
        "pilot-actions/?country=IT&setting=school",
        PILOT_PATHS[0],
        "teaching-resources/",
        "teaching-resources/?area=A1&category=tools&language=en",
        "teaching-resources/?q=zzzz",
        "teaching-resources/?area=NOPE",
        RESOURCE_PATHS[0],
    ]
]


def load_demo(**options):
    out = StringIO()
    options.setdefault("superuser", False)
    # wagtail-localize publishes translations when the transaction commits; a test's transaction never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=out, **options)
    return out.getvalue()

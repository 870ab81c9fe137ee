"""Helpers shared by the test modules."""

from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.test.html import parse_html
from django.urls import reverse

from careers.demo import content as careers_demo
from cms_framework.demo import content as framework_demo
from home.demo import content as home_demo
from learners.demo import content as learners_demo
from resources.demo import content as resources_demo
from training.demo import content as training_demo

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
# The training catalogue: under the home page, out of the outline, in the navigation.
TRAINING_PATHS = ["training/", *(f"training/{spec['slug']}/" for spec in training_demo.training_specs())]
# The trust pages (accessibility, privacy, legal notice, contact): under the home page, out of the outline.
TRUST_SLUGS = [page["slug"] for page in home_demo.TRUST_PAGES]
# The open platform: the privacy notice under the home page, the path under its section and the path's steps.
PRIVACY_NOTICE_PATH = f"{learners_demo.PRIVACY_NOTICE['slug']}/"
LEARNING_PATH = f"open-platform/{learners_demo.PATH['slug']}/"
STEP_PATHS = [f"{LEARNING_PATH}{step['slug']}/" for step in learners_demo.STEPS]
# The careers index under the home page (out of the outline) and its profiles.
CAREER_PATHS = ["careers/", *(f"careers/{spec['slug']}/" for spec in careers_demo.career_specs())]
DEMO_PATHS = [
    f"/{code}/{path}"
    for code in LANGUAGE_CODES
    for path in ["", *(f"{slug}/" for slug in OUTLINE_SLUGS), *FRAMEWORK_PATHS, *OUTCOME_PATHS, *PILOT_PATHS]
    + RESOURCE_PATHS
    + TRAINING_PATHS
    + [f"{slug}/" for slug in TRUST_SLUGS]
    + [PRIVACY_NOTICE_PATH, LEARNING_PATH, *STEP_PATHS]
    + CAREER_PATHS
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
        "training/",
        "training/?country=GR&online=yes&q=digital",
        "training/?level=NOPE",
        TRAINING_PATHS[1],
        PRIVACY_NOTICE_PATH,
        LEARNING_PATH,
        STEP_PATHS[0],
        CAREER_PATHS[0],
        "careers/?group=2&area=A1",
        CAREER_PATHS[1],
    ]
]


@contextmanager
def rolled_back(django_db_blocker):
    """An open transaction for data shared by several tests, rolled back when they are done.

    For module- or package-scoped fixtures: build inside `with django_db_blocker.unblock():` within it; each test
    (with `db`) then runs in a savepoint of its own inside this transaction, and sees the shared data.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def on_commit_executed():
    """Run the on-commit callbacks (wagtail-localize publishes on commit) in a transaction that never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def contains_html(response, fragment):
    """Whether the page holds this HTML element, compared as HTML (as `assertContains(..., html=True)`)."""
    return parse_html(response.content.decode()).count(parse_html(fragment)) > 0


def redirect_target(response, status=302):
    """Where a redirect leads, after checking that it is one."""
    assert response.status_code == status, response.status_code
    return response["Location"]


def create_in_admin(client, parent, model, data):
    """Post Wagtail's "add page" form under `parent` as an editor publishing it; return the new, live page.

    `client` must be signed in with the right to publish; the form's errors are the failure message.
    """
    assert model in parent.specific_class.creatable_subpage_models(), f"{model.__name__} cannot go under {parent}"
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.post(url, {**data, "action-publish": "action-publish"})
    form = response.context.get("form") if response.context else None
    assert response.status_code == 302, form.errors if form is not None else response.status_code
    assert response["Location"] == reverse("wagtailadmin_explore", args=[parent.pk])
    page = model.objects.child_of(parent).get(slug=data["slug"])
    assert page.live
    return page


def load_demo(**options):
    out = StringIO()
    options.setdefault("superuser", False)
    # wagtail-localize publishes translations when the transaction commits; a test's transaction never does.
    with on_commit_executed():
        call_command("load_demo", stdout=out, **options)
    return out.getvalue()

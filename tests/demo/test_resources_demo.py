"""The demo framework, learning outcomes, pilot actions and Matrix: complete, covered, translated six times."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms_framework.models import (
    Competence,
    FrameworkAreaPage,
    FrameworkPage,
    LearningOutcomePage,
    PilotActionIndexPage,
    PilotActionPage,
)
from home.partners import PARTNER_COUNTRY_CODES
from resources.choices import CATEGORY_CODES
from resources.models import ResourceIndexPage, ResourcePage
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_sample_framework_in_every_language(code):
    framework = FrameworkPage.objects.live().get(locale__language_code=code)
    assert framework.url_path.split("/")[-2] == "framework"
    areas = FrameworkAreaPage.objects.child_of(framework).live()
    assert [area.code for area in areas] == ["A1", "A2", "A3", "A4"]
    assert Competence.objects.filter(area__in=areas).count() == 8
    assert len(framework.levels) == 3


def test_sample_framework_is_marked_as_sample():
    assert "Sample content" in FrameworkPage.objects.get(locale__language_code="en").introduction
    assert "Contenuto di esempio" in FrameworkPage.objects.get(locale__language_code="it").introduction


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_four_learning_outcomes_under_section_two(code):
    outcomes = LearningOutcomePage.objects.live().filter(locale__language_code=code).order_by("number")
    assert [outcome.number for outcome in outcomes] == [1, 2, 3, 4]
    assert {outcome.get_parent().slug for outcome in outcomes} == {"cms-emerging-needs"}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_pilot_action_for_every_partner_country(code):
    pilots = PilotActionPage.objects.live().filter(locale__language_code=code)
    assert set(pilots.values_list("country", flat=True)) == set(PARTNER_COUNTRY_CODES)
    assert pilots.filter(report__isnull=True).count() == 0


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_forty_resources_cover_every_category_country_and_area(code):
    resources = ResourcePage.objects.live().filter(locale__language_code=code)
    assert resources.count() >= 40
    assert set(resources.values_list("category", flat=True)) == set(CATEGORY_CODES)
    assert set(resources.values_list("country", flat=True)) == set(PARTNER_COUNTRY_CODES)
    assert set(resources.values_list("areas__code", flat=True)) == {"A1", "A2", "A3", "A4"}
    index = ResourceIndexPage.objects.get(locale__language_code=code)
    assert index.slug == "teaching-resources"
    assert resources.child_of(index).count() == resources.count()


@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_resources_are_real_translations(code):
    english = {page.key: page for page in ResourcePage.objects.filter(locale__language_code="en")}
    translated = ResourcePage.objects.filter(locale=Locale.objects.get(language_code=code))
    assert translated.count() == len(english)
    for page in translated:
        source = english[page.key]
        assert page.translation_key == source.translation_key
        assert page.title != source.title, page.key
        assert page.description != source.description, page.key
        assert page.instructions != source.instructions, page.key


@pytest.mark.parametrize(
    "path",
    [
        f"/{code}/{path}"
        for code in LANGUAGE_CODES
        for path in [
            "framework/",
            "framework/career-decision-making/",
            "cms-emerging-needs/review-and-evaluate/",
            "pilot-actions/",
            "pilot-actions/adult-learners-greece/",
            "teaching-resources/",
            "teaching-resources/resource-040/",
        ]
    ],
)
def test_every_new_page_renders_in_every_language(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{path.split("/")[1]}"' in response.content.decode()


def test_matrix_lists_the_active_language_only(client):
    data = client.get("/el/teaching-resources/?format=json").json()
    assert data["count"] == 40
    assert all("/el/" in row["page_url"] for row in data["resources"])
    greek_titles = set(ResourcePage.objects.filter(locale__language_code="el").values_list("title", flat=True))
    assert {row["title"] for row in data["resources"]} == greek_titles


def test_matrix_query_count_is_the_same_in_every_language(client):
    counts = set()
    for code in LANGUAGE_CODES[1:]:
        path = f"/{code}/teaching-resources/?category=videos"
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        counts.add(len(context.captured_queries))
    assert len(counts) == 1, counts


@pytest.mark.parametrize(
    "model",
    [
        FrameworkPage,
        FrameworkAreaPage,
        LearningOutcomePage,
        PilotActionIndexPage,
        PilotActionPage,
        ResourceIndexPage,
        ResourcePage,
    ],
    ids=lambda model: model.__name__,
)
@pytest.mark.parametrize("code", ["en", "el"])
def test_editors_can_open_every_new_page_type_and_its_translation(client, model, code):
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pw"))
    page = model.objects.filter(locale__language_code=code).first()
    # A translated page opens in wagtail-localize's translation editor.
    assert client.get(f"/admin/pages/{page.pk}/edit/", follow=True).status_code == 200

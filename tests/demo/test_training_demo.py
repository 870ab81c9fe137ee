"""The demo training catalogue: 18 opportunities, three per partner country, every kind, six languages, linked from
the navigation, filterable, with a fixed number of queries."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.partners import PARTNER_COUNTRY_CODES
from tests.utils import LANGUAGE_CODES
from training.choices import KIND_CODES
from training.models import TrainingIndexPage, TrainingPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_three_opportunities_per_partner_country_in_every_language(code):
    pages = TrainingPage.objects.live().filter(locale__language_code=code)
    assert pages.count() == 18
    countries = list(pages.values_list("country", flat=True))
    assert {country: countries.count(country) for country in PARTNER_COUNTRY_CODES} == dict.fromkeys(
        PARTNER_COUNTRY_CODES, 3
    )
    assert set(pages.values_list("kind", flat=True)) == set(KIND_CODES)
    assert set(pages.values_list("areas__code", flat=True)) == {"A1", "A2", "A3", "A4"}
    assert all(url.startswith("https://example.org/") for url in pages.values_list("url", flat=True))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_catalogue_is_in_the_navigation_and_out_of_the_outline(client, code):
    index = TrainingIndexPage.objects.live().get(locale__language_code=code)
    assert index.url_path.endswith("/training/")
    page = soup(client.get(f"/{code}/"))
    assert page.select_one(f'nav a[href="/{code}/training/"]') is not None
    assert f"/{code}/training/" not in [a["href"] for a in page.select(".outline__item .card__title a")]


def test_titles_are_translated():
    assert TrainingPage.objects.get(locale__language_code="el", key="GR-CERTIFICATE-GUIDANCE").title == (
        "Μεταπτυχιακό πιστοποιητικό στη συμβουλευτική σταδιοδρομίας"
    )
    assert TrainingPage.objects.get(locale__language_code="tr", key="TR-ON-THE-JOB").title == "İşbaşı eğitim programı"


@pytest.mark.parametrize(
    ("code", "query", "count"),
    [
        ("it", "", 18),
        ("ro", "?country=RO", 3),
        ("es", "?kind=mobility", 2),
        ("el", "?online=yes", 3),
        ("en", "?level=7&cost=paid", 2),
    ],
)
def test_filters_on_the_demo(client, code, query, count):
    response = client.get(f"/{code}/training/{query}")
    assert response.status_code == 200
    assert len(soup(response).select(".result__title a")) == min(count, 20)


def test_turkish_free_text_is_folded(client):
    titles = [a.get_text(strip=True) for a in soup(client.get("/tr/training/?q=EGITIM")).select(".result__title a")]
    assert "İşbaşı eğitim programı" in titles
    assert "Grafik tasarım kursu" not in titles


def test_a_greek_page_has_its_course_structured_data(client):
    page = TrainingPage.objects.get(locale__language_code="el", key="GR-CERTIFICATE-GUIDANCE")
    response = client.get(page.get_url())  # `url` is the provider's link, as on resources
    scripts = [json.loads(s.string) for s in soup(response).select('script[type="application/ld+json"]')]
    course = next(obj for obj in scripts if obj["@type"] == "Course")
    assert course["name"] == page.title
    assert course["educationalLevel"] == "EQF 7"


def test_index_queries_are_few(client):
    client.get("/en/training/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/en/training/").status_code == 200
    assert len(context.captured_queries) <= 25

"""The training opportunities in the open data API: filtered like the catalogue, in each language, a fixed number of
queries, described in the OpenAPI schema."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import LocaleFactory, copy_translation
from tests.training.trees import add_training, extra_spec, training_tree
from tests.trees import copy_of, shared

built = shared(training_tree)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_lists_the_opportunities_with_codes_and_names(tree, client):
    data = get(client, "/api/v1/training/")
    assert data["count"] == 4
    assert data["licence"]["code"] == "CC-BY-4.0"
    record = next(r for r in data["results"] if r["key"] == "ES-H-1")
    assert record["kind"] == {"code": "higher-education", "name": "Higher education"}
    assert record["country"] == {"code": "ES", "name": "Spain"}
    assert record["online"] is True
    assert record["city"] == "Madrid"
    assert record["eqf_level"] == 7
    assert record["duration"] == {"value": 6, "unit": "weeks", "iso": "P6W"}
    assert record["cost"] == {"code": "paid", "name": "Paid"}
    assert [language["code"] for language in record["languages"]] == ["es", "en"]
    assert record["areas"] == [{"code": "SA", "title": "Self-awareness"}]
    assert record["url"].endswith("/en/training/es-h-1/")
    assert record["translations"] == [{"locale": "en", "url": record["url"]}]


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("?country=TR", ["TR-A-1"]),
        ("?kind=mobility", ["GR-M-1"]),
        ("?level=7", ["ES-H-1"]),
        ("?online=yes&language=en", ["ES-H-1", "GR-M-1"]),
        ("?cost=paid&area=CB", ["TR-A-1"]),
        ("?q=IZMIR", ["TR-A-1"]),
    ],
)
def test_filters_like_the_page(tree, client, query, keys):
    assert sorted(r["key"] for r in get(client, "/api/v1/training/" + query)["results"]) == keys


@pytest.mark.parametrize("query", ["?level=9", "?online=maybe", "?kind=x", "?page=0", "?locale=xx"])
def test_bad_values_are_a_400_naming_the_field(tree, client, query):
    errors = get(client, "/api/v1/training/" + query, status=400)["errors"]
    assert set(errors) & {"level", "online", "kind", "page", "locale"}


def test_one_opportunity_by_key_and_a_404(tree, client):
    assert get(client, "/api/v1/training/IT-C-1/")["result"]["title"] == "Digital skills for adults"
    assert "errors" in get(client, "/api/v1/training/NOPE/", status=404)


def test_links_to_each_language(tree, client):
    locale = LocaleFactory(language_code="it")
    copy_translation(tree.home, locale)
    catalogue = copy_translation(tree.catalogue, locale)
    copy_translation(tree.training[0], locale)
    assert catalogue.locale == locale
    italian = get(client, "/api/v1/training/?locale=it")
    assert [r["key"] for r in italian["results"]] == ["IT-C-1"]
    assert {t["locale"] for t in italian["results"][0]["translations"]} == {"en", "it"}
    assert italian["results"][0]["kind"] == {"code": "adult-education", "name": "Educazione degli adulti"}


def test_the_schema_describes_it(tree, client):
    schema = get(client, "/api/v1/schema/")
    assert {"/api/v1/training/", "/api/v1/training/{key}/"} <= set(schema["paths"])
    assert get(client, "/api/v1/")["endpoints"]["training"] == "http://testserver/api/v1/training/"


def test_query_count_does_not_grow(tree, client):
    def count():
        client.get("/api/v1/training/")
        with CaptureQueriesContext(connection) as context:
            get(client, "/api/v1/training/?online=no")
        return len(context.captured_queries)

    before = count()
    for number in range(20):
        add_training(tree, *extra_spec(number))
    assert count() == before
    assert before <= 15

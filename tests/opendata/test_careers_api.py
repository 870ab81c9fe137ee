"""The careers in the open data API: filtered like their index, ESCO's labels in the language, a fixed number of
queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.factories import EscoOccupationFactory
from tests.careers.trees import careers_tree, translate_tree
from tests.trees import copy_of, shared

built = shared(careers_tree, careers=4)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_the_careers_with_their_codes_areas_resources_and_esco_labels(tree, client):
    career = tree.careers[1]
    career.country_links = [
        {"type": "link", "value": {"country": "ES", "kind": "jobs", "text": "SEPE", "url": "https://www.sepe.es/"}}
    ]
    career.save_revision().publish()
    EscoOccupationFactory(uri=career.esco_uri, language="en", preferred_label="esco name", alt_labels="a\nb")
    data = get(client, "/api/v1/careers/")
    assert data["count"] == 4
    assert [result["key"] for result in data["results"]] == [c.key for c in tree.careers]
    record = data["results"][1]
    assert record["isco_code"] == career.isco_code
    assert record["major_group"] == {"code": "2", "name": "Professionals"}
    assert record["esco_uri"] == career.esco_uri
    assert record["esco"]["preferred_label"] == "esco name"
    assert record["esco"]["alt_labels"] == ["a", "b"]
    assert record["areas"] == [{"code": "EX", "title": "Exploring learning and work"}]
    assert record["resources"] == [{"key": tree.framework.resources[0].key, "title": "Resource 000"}]
    assert record["country_links"] == [
        {
            "country": {"code": "ES", "name": "Spain"},
            "kind": {"code": "jobs", "name": "Job services and vacancies"},
            "text": "SEPE",
            "url": "https://www.sepe.es/",
        }
    ]
    assert data["results"][0]["esco"] is None
    assert record["translations"] == [{"locale": "en", "url": record["url"]}]


def test_filtered_like_the_index(tree, client):
    assert [r["key"] for r in get(client, "/api/v1/careers/?group=3")["results"]] == [tree.careers[2].key]
    assert [r["key"] for r in get(client, "/api/v1/careers/?area=CB")["results"]] == [tree.careers[2].key]
    errors = get(client, "/api/v1/careers/?group=X&page=0", status=400)["errors"]
    assert set(errors) == {"group", "page"}
    assert get(client, "/api/v1/careers/?page=2", status=404)["errors"]


def test_turkish_careers_have_no_esco_labels(tree, client):
    EscoOccupationFactory(uri=tree.careers[0].esco_uri, language="en")
    translate_tree(tree, "tr")
    data = get(client, "/api/v1/careers/?locale=tr")
    assert data["count"] == 4
    assert all(result["esco"] is None for result in data["results"])
    assert data["results"][0]["title"] == "Career 000 [tr]"


def test_one_career_by_its_key(tree, client):
    assert get(client, f"/api/v1/careers/{tree.careers[3].key}/")["result"]["title"] == "Career 003"
    assert get(client, "/api/v1/careers/no-such-key/", status=404)["errors"]


def test_listed_in_the_index_and_the_schema(tree, client):
    assert get(client, "/api/v1/")["endpoints"]["careers"] == "http://testserver/api/v1/careers/"
    schema = get(client, "/api/v1/schema/")
    assert {"/api/v1/careers/", "/api/v1/careers/{key}/"} <= set(schema["paths"])
    assert "Career" in schema["components"]["schemas"]


def test_the_queries_do_not_grow_with_the_careers(tree, client):
    def queries():
        with CaptureQueriesContext(connection) as context:
            get(client, "/api/v1/careers/")
        return len(context.captured_queries)

    for career in tree.careers:
        EscoOccupationFactory(uri=career.esco_uri, language="en")
    queries()  # Wagtail's site root paths, cached
    few = queries()
    for number in range(10, 30):
        tree.add_career(number, areas=tree.framework.areas, resources=tree.framework.resources)
    assert queries() == few
    assert few <= 20

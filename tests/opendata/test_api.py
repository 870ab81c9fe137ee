"""The open data API: public, in each language, filtered like the pages, paginated, cacheable, throttled."""

import pytest
from django.test import override_settings
from django.utils import translation

from home.factories import LocaleFactory, copy_translation
from home.models import PortalSettings
from tests.trees import copy_of, framework_tree, shared

built = shared(framework_tree, resources=3)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


@pytest.fixture
def italian(tree):
    """The home, the Matrix, the pilot actions and the framework copied into Italian."""
    locale = LocaleFactory(language_code="it")
    pages = {"home": copy_translation(tree.home, locale)}
    for name in ("framework", "matrix", "pilot_index"):
        pages[name] = copy_translation(getattr(tree, name), locale)
    pages["areas"] = [copy_translation(area, locale) for area in tree.areas]
    pages["resources"] = [copy_translation(resource, locale) for resource in tree.resources]
    pages["pilots"] = [copy_translation(pilot, locale) for pilot in tree.pilots]
    return pages


def site_url(tree):
    """Page addresses are the site's, as configured (the test client's host is another)."""
    return tree.home.get_site().root_url


def get(client, path, status=200, **headers):
    response = client.get(path, **headers)
    assert response.status_code == status, response.content[:500]
    return response


def test_the_index_names_the_endpoints_the_licence_and_the_schema(tree, client):
    response = get(client, "/api/v1/")
    data = response.json()
    assert data["version"] == "1"
    assert data["locales"] == ["en", "it", "ro", "es", "el", "tr"]
    assert data["licence"]["code"] == "CC-BY-4.0"
    assert data["endpoints"]["resources"] == "http://testserver/api/v1/resources/"
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    schema = get(client, "/api/v1/schema/").json()
    assert {"/api/v1/resources/", "/api/v1/frameworks/", "/api/v1/pilot-actions/{id}/"} <= set(schema["paths"])
    assert schema["info"]["version"] == "1"


def test_the_licence_is_the_partners_choice(tree, client):
    PortalSettings.objects.update_or_create(defaults={"data_licence": "CC0-1.0"})
    assert get(client, "/api/v1/resources/").json()["licence"]["url"] == (
        "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    matrix = get(client, "/en/teaching-resources/").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license"' in matrix


def test_frameworks_carry_their_areas_and_competences(tree, client):
    [framework] = get(client, "/api/v1/frameworks/").json()["results"]
    assert framework["id"] == str(tree.framework.translation_key)
    assert framework["url"] == f"{site_url(tree)}/en/framework/"
    assert [area["code"] for area in framework["areas"]] == ["SA", "EX", "CB"]
    assert [c["code"] for c in framework["areas"][0]["competences"]] == ["SA.1", "SA.2"]


def test_resources_in_a_language_with_their_translations(tree, italian, client):
    data = get(client, "/api/v1/resources/?locale=it").json()
    assert data["locale"] == "it"
    assert data["count"] == 3
    first = data["results"][0]
    assert first["key"] == tree.resources[0].key
    assert first["url"].startswith(f"{site_url(tree)}/it/teaching-resources/")
    assert {t["locale"] for t in first["translations"]} == {"en", "it"}
    with translation.override("it"):
        assert first["category"] == {"code": "presentations", "name": str(tree.resources[0].get_category_display())}
    assert first["areas"] == [{"code": "SA", "title": italian["areas"][0].title}]  # in Italian, by its code
    assert first["pilot_actions"] == [{"id": str(tree.pilots[0].translation_key), "title": italian["pilots"][0].title}]


def test_the_matrix_filters_apply_and_bad_values_answer_400(tree, client):
    data = get(client, "/api/v1/resources/?area=EX").json()
    assert [resource["key"] for resource in data["results"]] == [tree.resources[1].key]
    assert get(client, "/api/v1/resources/?category=videos").json()["count"] == 1
    errors = get(client, "/api/v1/resources/?area=ZZ&page=0", status=400).json()["errors"]
    assert set(errors) == {"area", "page"}
    assert get(client, "/api/v1/resources/?locale=fr", status=400).json()["errors"]["locale"]
    assert get(client, "/api/v1/resources/?locale=ro", status=400).json()["errors"]["locale"]  # no Romanian content
    long_query = "x" * 201
    assert "q" in get(client, f"/api/v1/resources/?q={long_query}", status=400).json()["errors"]


@override_settings(OPEN_DATA_PAGE_SIZE=2)
def test_lists_are_paginated_with_links(tree, client):
    first = get(client, "/api/v1/resources/").json()
    assert (first["count"], first["pages"], len(first["results"]), first["previous"]) == (3, 2, 2, None)
    assert first["next"] == "http://testserver/api/v1/resources/?page=2"
    second = get(client, first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert get(client, "/api/v1/resources/?page=3", status=404).json()["errors"]


def test_one_resource_and_one_pilot_action(tree, client):
    resource = tree.resources[2]
    assert get(client, f"/api/v1/resources/{resource.key}/").json()["result"]["title"] == resource.title
    assert get(client, "/api/v1/resources/no-such-key/", status=404).json()["errors"]
    pilot = tree.pilots[1]
    data = get(client, f"/api/v1/pilot-actions/{pilot.translation_key}/").json()["result"]
    assert (data["title"], data["country"]["code"]) == ("Job club", "GB")
    assert get(client, "/api/v1/pilot-actions/not-a-uuid/", status=404).json()["errors"]


def test_pilot_actions_filter_like_their_page(tree, client):
    data = get(client, "/api/v1/pilot-actions/?country=IT").json()
    assert [pilot["title"] for pilot in data["results"]] == ["Careers week"]
    assert get(client, "/api/v1/pilot-actions/?setting=nowhere", status=400).json()["errors"]["setting"]


def test_unpublished_resources_are_not_published_here(tree, client):
    tree.resources[0].unpublish()
    keys = [resource["key"] for resource in get(client, "/api/v1/resources/").json()["results"]]
    assert tree.resources[0].key not in keys and len(keys) == 2
    get(client, f"/api/v1/resources/{tree.resources[0].key}/", status=404)


def test_an_unchanged_answer_is_not_sent_again(tree, client):
    first = get(client, "/api/v1/resources/")
    again = get(client, "/api/v1/resources/", status=304, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.content == b"" and again["ETag"] == first["ETag"]
    tree.add_resource(9)
    assert get(client, "/api/v1/resources/", HTTP_IF_NONE_MATCH=first["ETag"])["ETag"] != first["ETag"]


def test_queries_do_not_grow_with_the_list(tree, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        get(client, "/api/v1/resources/")
    for number in range(3, 9):
        tree.add_resource(number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert get(client, "/api/v1/resources/").json()["count"] == 9


@override_settings(OPEN_DATA_RATE="3/min")
def test_a_client_is_throttled_and_told_when_to_come_back(tree, client):
    for _ in range(3):
        get(client, "/api/v1/", REMOTE_ADDR="192.0.2.7")
    refused = get(client, "/api/v1/", status=429, REMOTE_ADDR="192.0.2.7")
    assert refused.json()["errors"]["__all__"]
    assert int(refused["Retry-After"]) > 0
    get(client, "/api/v1/", REMOTE_ADDR="192.0.2.8")  # another client
    get(client, "/api/v1/", status=429, REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.1")

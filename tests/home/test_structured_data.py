"""schema.org JSON-LD in the pages: the breadcrumbs of every page below the home, a LearningResource on resources."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.trees import copy_of, framework_tree, shared

built = shared(framework_tree, resources=1)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


def json_ld(client, path):
    response = client.get(path)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").select('head script[type="application/ld+json"]')
    return {data["@type"]: data for data in (json.loads(script.string) for script in scripts)}


def test_a_page_describes_its_breadcrumbs(tree, client):
    root = tree.home.get_site().root_url
    trail = json_ld(client, "/en/cms-emerging-needs/know-the-framework/")["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Home", f"{root}/en/"),
        (2, "II – CMS emerging needs", f"{root}/en/cms-emerging-needs/"),
        (3, "I know the framework", f"{root}/en/cms-emerging-needs/know-the-framework/"),
    ]
    assert json_ld(client, "/en/") == {}  # the home page has no breadcrumbs


def test_a_resource_is_a_learning_resource(tree, client):
    resource = tree.resources[0]
    resource.title = "Cards </script><script>alert(1)</script>"
    resource.languages, resource.duration, resource.target_group = ["it", "en"], 90, "job-seekers"
    resource.save_revision().publish()
    described = json_ld(client, resource.get_url())["LearningResource"]
    assert described["name"] == resource.title  # escaped inside the element, whole once parsed
    assert described["inLanguage"] == ["it", "en"]
    assert described["timeRequired"] == "PT1H30M"
    assert described["audience"]["educationalRole"] == "Job seekers"
    assert described["mainEntityOfPage"] == resource.get_full_url()
    assert b"</script><script>alert(1)" not in client.get(resource.get_url()).content


def test_the_breadcrumbs_and_their_description_cost_one_query(tree, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = "/en/cms-emerging-needs/know-the-framework/"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    # The breadcrumbs' ancestors, read in full (the language switcher reads a few columns of them for itself).
    ancestor_queries = [
        q
        for q in queries.captured_queries
        if '"depth" > 1' in q["sql"] and '"wagtailcore_page"."draft_title"' in q["sql"]
    ]
    assert len(ancestor_queries) <= 1, [q["sql"] for q in ancestor_queries]

"""What search engines and shared links read: a meta description on every page type, a canonical address without the
filters and page number of a list, and "Error" at the start of a bad request's title."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.trees import copy_of, framework_tree, shared

built = shared(framework_tree, resources=3)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


def head(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return BeautifulSoup(response.content, "html.parser").head


def test_outcome_and_resource_pages_without_a_summary_describe_themselves(tree, client):
    tree.outcome.summary = ""
    tree.outcome.statement = "I can explain the framework to a colleague."
    tree.outcome.save_revision().publish()
    resource = tree.resources[0]
    resource.summary, resource.description = "", "A long description of the resource. " * 10
    resource.save_revision().publish()

    outcome_head = head(client, tree.outcome.url)
    assert outcome_head.select_one("meta[name=description]")["content"] == "I can explain the framework to a colleague."
    description = head(client, resource.get_url()).select_one("meta[name=description]")["content"]
    assert description.startswith("A long description of the resource.")
    assert len(description) <= 160


def test_the_editors_search_description_comes_first(tree, client):
    tree.outcome.search_description = "What practitioners should know."
    tree.outcome.save_revision().publish()
    assert head(client, tree.outcome.url).select_one("meta[name=description]")["content"] == (
        "What practitioners should know."
    )


def test_filtered_and_paginated_lists_name_the_list_itself_as_canonical(tree, client):
    for path in [
        "/en/teaching-resources/",
        "/en/teaching-resources/?area=SA&category=tools",
        "/en/pilot-actions/?country=IT",
    ]:
        canonical = head(client, path).select_one("link[rel=canonical]")["href"]
        assert canonical == "http://localhost" + path.split("?")[0], canonical


def test_a_bad_filter_answers_400_with_error_first_in_the_title(tree, client):
    title = head(client, "/en/teaching-resources/?area=NOPE", status=400).title.get_text(strip=True)
    assert title.startswith("Error:")
    assert not head(client, "/en/teaching-resources/").title.get_text(strip=True).startswith("Error:")
    with translation.override("el"):
        greek_error = translation.gettext("Error:")
    assert (
        head(client, "/el/teaching-resources/?area=NOPE", status=400).title.get_text(strip=True).startswith(greek_error)
    )

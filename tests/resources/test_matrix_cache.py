"""The Matrix's caches: its grid counts per content generation and language, its downloads per generation,
language, format and filters, and its filtered lists in the page cache, each query its own entry."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from learners.factories import LEARNER_PASSWORD, LearnerFactory
from portal.pagecache import HIT_HEADER
from tests.trees import copy_of, framework_tree, shared
from tests.utils import on_commit_executed

MATRIX = "/en/teaching-resources/"

built_tree = shared(framework_tree, resources=4)


@pytest.fixture(autouse=True)
def caches_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


@pytest.fixture
def signed_in(client, db):
    """A signed-in reader: the page cache never answers them, so only the Matrix's own caches do."""
    learner = LearnerFactory()
    assert client.post("/en/accounts/login/", {"login": learner.email, "password": LEARNER_PASSWORD}).status_code == 302
    return client


def hit(response):
    return response.headers.get(HIT_HEADER) == "hit"


def queries_of(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, [query["sql"] for query in context.captured_queries]


def grid_query(sqls):
    return [sql for sql in sqls if "COUNT(DISTINCT" in sql.upper()]


def test_the_grid_counts_are_counted_once_per_generation(tree, signed_in):
    first, sqls = queries_of(signed_in, MATRIX)
    assert len(grid_query(sqls)) == 1
    second, sqls = queries_of(signed_in, MATRIX + "?category=websites")
    assert grid_query(sqls) == []
    # Publishing a resource bumps the generation: the counts are counted again, and right.
    with on_commit_executed():
        tree.add_resource(4, category="websites").save_revision().publish()
    third, sqls = queries_of(signed_in, MATRIX)
    assert len(grid_query(sqls)) == 1
    assert first.context["grid"] != third.context["grid"]


@pytest.mark.parametrize("download", ["csv", "json", "xlsx", "spreadsheet-csv"])
def test_a_second_download_is_read_from_the_cache(tree, signed_in, download):
    first, first_sqls = queries_of(signed_in, f"{MATRIX}?format={download}&category=websites")
    second, second_sqls = queries_of(signed_in, f"{MATRIX}?format={download}&category=websites")
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Content-Type"] == first["Content-Type"]
    assert "no-store" in second["Cache-Control"]  # still a signed-in reader's answer
    assert len(second_sqls) < len(first_sqls)
    # Other filters are another file.
    other, _sqls = queries_of(signed_in, f"{MATRIX}?format={download}&category=videos")
    assert other.content != first.content


def test_a_publish_changes_the_next_download(tree, signed_in):
    before, _sqls = queries_of(signed_in, f"{MATRIX}?format=csv")
    resource = tree.resources[0]
    resource.title = "Renamed resource"
    with on_commit_executed():
        resource.save_revision().publish()
    after, _sqls = queries_of(signed_in, f"{MATRIX}?format=csv")
    assert b"Renamed resource" in after.content and b"Renamed resource" not in before.content


def test_each_query_of_the_filtered_list_is_its_own_page_cache_entry(client, tree):
    everything = client.get(MATRIX)
    filtered = client.get(MATRIX + "?category=websites")
    assert not hit(filtered)
    assert hit(client.get(MATRIX + "?category=websites"))
    assert hit(client.get(MATRIX))
    assert client.get(MATRIX).content == everything.content != filtered.content
    # A bad filter is a 400, never stored.
    assert client.get(MATRIX + "?category=nonsense").status_code == 400
    assert not hit(client.get(MATRIX + "?category=nonsense"))


def test_the_cached_matrix_costs_no_query(client, tree):
    client.get(MATRIX + "?format=csv")
    with CaptureQueriesContext(connection) as context:
        assert hit(client.get(MATRIX + "?format=csv"))
    assert len(context.captured_queries) == 0


def test_the_number_of_results_is_counted_once_per_generation_and_filters(tree, signed_in):
    def counts(sqls):
        return [sql for sql in sqls if sql.upper().startswith("SELECT COUNT(*)")]

    first, sqls = queries_of(signed_in, MATRIX + "?category=websites")
    assert len(counts(sqls)) == 1
    again, sqls = queries_of(signed_in, MATRIX + "?category=websites&page=1")
    assert counts(sqls) == [] and again.context["paginator"].count == first.context["paginator"].count
    other, sqls = queries_of(signed_in, MATRIX + "?category=videos")
    assert len(counts(sqls)) == 1
    with on_commit_executed():
        tree.add_resource(5, category="websites").save_revision().publish()
    after, sqls = queries_of(signed_in, MATRIX + "?category=websites")
    assert after.context["paginator"].count == first.context["paginator"].count + 1

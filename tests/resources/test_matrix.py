"""The Matrix page: the grid, the filters (shared links, bad values), pagination, CSV and JSON downloads."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.trees import copy_of, framework_tree, shared

tree_with_8_resources = shared(framework_tree, scope="class", resources=8)
tree_with_4_resources = shared(framework_tree, scope="class", resources=4)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class TestMatrix:
    @pytest.fixture
    def tree(self, tree_with_8_resources, db):
        return copy_of(tree_with_8_resources)

    @pytest.fixture
    def get(self, tree, client):
        return lambda query="": client.get("/en/teaching-resources/" + query)

    def test_grid_counts_resources_by_area_and_category(self, get):
        page = soup(get())
        rows = page.select("table.matrix tbody tr")
        assert [row.th.get_text(" ", strip=True) for row in rows][0] == "SA Self-awareness"
        counts = [[td.get_text(strip=True) for td in row.select("td")] for row in rows]
        # Resources 0, 3, 6 are in SA with categories presentations, tools, videos.
        assert counts[0] == ["1", "0", "1", "1"]
        assert sum(int(c) for row in counts for c in row) == 8
        assert rows[0].select_one("td a")["href"] == "?area=SA&category=presentations#results"

    def test_cell_link_lists_exactly_that_cell(self, get):
        page = soup(get("?area=SA&category=presentations"))
        assert [a.get_text() for a in page.select(".result__title a")] == ["Resource 000"]

    def test_filters_combine(self, tree, get):
        tree.add_resource(20, title="Video in Greek", category="videos", country="GR", languages=["el", "en"])
        page = soup(get("?category=videos&country=GR&language=el"))
        assert [a.get_text() for a in page.select(".result__title a")] == ["Video in Greek"]
        page = soup(get("?category=videos&country=GR&language=tr"))
        assert page.select(".result__title a") == []
        assert "No resource matches these filters" in page.select_one("#results").get_text()

    def test_language_filter_matches_whole_codes(self, tree, get):
        tree.add_resource(21, title="Only English", languages=["en"])
        assert "Only English" not in soup(get("?language=el")).get_text()

    def test_free_text_and_competence_filters(self, tree, get):
        tree.add_resource(24, title="Labour market quiz", description="A quiz about jobs.")
        titles = [a.get_text() for a in soup(get("?q=labour+MARKET")).select(".result__title a")]
        assert titles == ["Labour market quiz"]
        titles = [a.get_text() for a in soup(get("?competence=EX.1")).select(".result__title a")]
        assert titles == ["Resource 001", "Resource 004", "Resource 007"]
        assert [a.get_text() for a in soup(get("?competence=EX.2")).select(".result__title a")] == []

    def test_filter_form_keeps_its_state(self, get):
        page = soup(get("?area=EX&target_group=secondary-students&q=Resource"))
        assert page.select_one("#id_area option[selected]")["value"] == "EX"
        assert page.select_one("#id_q")["value"] == "Resource"
        assert page.select_one("form.filters")["method"] == "get"

    @pytest.mark.parametrize(
        "query",
        [
            "?area=NOPE",
            "?category=films",
            "?country=XX",
            "?language=klingon",
            "?target_group=%00",
            "?page=abc",
            "?page=0",
            "?q=" + "x" * 500,
            "?format=pdf",
            "?competence=<script>",
        ],
        ids=lambda query: query[:20],
    )
    def test_bad_values_get_a_message_not_a_500(self, get, query):
        response = get(query)
        assert response.status_code == 400
        alert = soup(response).select_one("[role=alert]")
        assert alert is not None
        assert "<script>" not in str(alert)

    def test_page_beyond_the_end_says_so(self, get):
        response = get("?page=99")
        assert response.status_code == 404
        assert "no such page" in soup(response).select_one("#results").get_text()

    def test_pagination_keeps_the_filters(self, tree, get):
        for number in range(30, 60):
            tree.add_resource(number, category="websites")
        page = soup(get("?category=websites"))
        assert "32 resources found" in page.get_text(" ", strip=True)
        assert page.select_one(".pagination a[rel=next]")["href"] == "?category=websites&page=2#results"
        assert len(soup(get("?category=websites&page=2")).select(".result")) == 12

    def test_csv_download_of_the_filtered_list(self, get):
        response = get("?area=SA&format=csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert "attachment" in response["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert [row["title"] for row in rows] == ["Resource 000", "Resource 003", "Resource 006"]
        assert rows[0]["areas"] == "SA"
        assert rows[0]["competences"] == "SA.1"
        assert rows[0]["learning_outcomes"] == "1"

    def test_json_download_of_the_filtered_list(self, get):
        data = json.loads(get("?category=videos&format=json").content)
        assert data["count"] == len(data["resources"])
        assert data["count"] > 0
        assert data["filters"] == {"category": "videos"}
        assert all(row["category"] == "videos" for row in data["resources"])
        assert data["resources"][0]["page_url"].startswith("http")

    def test_bad_filter_on_a_download_is_a_json_400(self, get):
        response = get("?area=NOPE&format=json")
        assert response.status_code == 400
        assert "area" in json.loads(response.content)["errors"]

    def test_download_links_carry_the_filters(self, get):
        links = [a["href"] for a in soup(get("?country=IT")).select(".downloads li a")]
        assert links == [
            "?country=IT&format=xlsx",
            "?country=IT&format=spreadsheet-csv",
            "?country=IT&format=csv",
            "?country=IT&format=json",
        ]


class TestMatrixQueryCount:
    @pytest.fixture
    def tree(self, tree_with_4_resources, db):
        return copy_of(tree_with_4_resources)

    def count(self, client, query):
        client.get("/en/teaching-resources/" + query)  # warm the site-root cache
        with CaptureQueriesContext(connection) as context:
            response = client.get("/en/teaching-resources/" + query)
        assert response.status_code < 500
        return len(context.captured_queries)

    def test_query_count_does_not_grow_with_resources(self, tree, client):
        queries = [
            "",
            "?area=SA",
            "?category=videos&country=IT&language=en&q=Resource",
            "?format=csv",
            "?format=json",
            "?format=xlsx",
            "?format=spreadsheet-csv&area=SA",
        ]
        before = [self.count(client, query) for query in queries]
        for number in range(100, 140):
            tree.add_resource(number)
        assert [self.count(client, query) for query in queries] == before
        assert max(before) <= 30

"""The Matrix page: the grid, the filters (shared links, bad values), pagination, CSV and JSON downloads."""

import csv
import io
import json

from bs4 import BeautifulSoup
from django.test import TestCase

from tests.cms_framework.tree import add_resource, build_tree


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class MatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=8)

    def get(self, query=""):
        return self.client.get("/en/teaching-resources/" + query)

    def test_grid_counts_resources_by_area_and_category(self):
        page = soup(self.get())
        rows = page.select("table.matrix tbody tr")
        self.assertEqual([row.th.get_text(" ", strip=True) for row in rows][0], "SA Self-awareness")
        counts = [[td.get_text(strip=True) for td in row.select("td")] for row in rows]
        # Resources 0, 3, 6 are in SA with categories presentations, tools, videos.
        self.assertEqual(counts[0], ["1", "0", "1", "1"])
        self.assertEqual(sum(int(c) for row in counts for c in row), 8)
        link = rows[0].select_one("td a")["href"]
        self.assertEqual(link, "?area=SA&category=presentations#results")

    def test_cell_link_lists_exactly_that_cell(self):
        page = soup(self.get("?area=SA&category=presentations"))
        titles = [a.get_text() for a in page.select(".result__title a")]
        self.assertEqual(titles, ["Resource 000"])

    def test_filters_combine(self):
        add_resource(self, 20, title="Video in Greek", category="videos", country="GR", languages=["el", "en"])
        page = soup(self.get("?category=videos&country=GR&language=el"))
        self.assertEqual([a.get_text() for a in page.select(".result__title a")], ["Video in Greek"])
        page = soup(self.get("?category=videos&country=GR&language=tr"))
        self.assertEqual(page.select(".result__title a"), [])
        self.assertIn("No resource matches these filters", page.select_one("#results").get_text())

    def test_language_filter_matches_whole_codes(self):
        add_resource(self, 21, title="Only English", languages=["en"])
        page = soup(self.get("?language=el"))
        self.assertNotIn("Only English", page.get_text())

    def test_free_text_and_competence_filters(self):
        add_resource(self, 24, title="Labour market quiz", description="A quiz about jobs.")
        self.assertEqual(
            [a.get_text() for a in soup(self.get("?q=labour+MARKET")).select(".result__title a")],
            ["Labour market quiz"],
        )
        titles = [a.get_text() for a in soup(self.get("?competence=EX.1")).select(".result__title a")]
        self.assertEqual(titles, ["Resource 001", "Resource 004", "Resource 007"])
        titles = [a.get_text() for a in soup(self.get("?competence=EX.2")).select(".result__title a")]
        self.assertEqual(titles, [])

    def test_filter_form_keeps_its_state(self):
        page = soup(self.get("?area=EX&target_group=secondary-students&q=Resource"))
        self.assertEqual(page.select_one("#id_area option[selected]")["value"], "EX")
        self.assertEqual(page.select_one("#id_q")["value"], "Resource")
        self.assertEqual(page.select_one("form.filters")["method"], "get")

    def test_bad_values_get_a_message_not_a_500(self):
        for query in [
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
        ]:
            with self.subTest(query=query):
                response = self.get(query)
                self.assertEqual(response.status_code, 400)
                alert = soup(response).select_one("[role=alert]")
                self.assertIsNotNone(alert)
                self.assertNotIn("<script>", str(alert))

    def test_page_beyond_the_end_says_so(self):
        response = self.get("?page=99")
        self.assertEqual(response.status_code, 404)
        self.assertIn("no such page", soup(response).select_one("#results").get_text())

    def test_pagination_keeps_the_filters(self):
        for number in range(30, 60):
            add_resource(self, number, category="websites")
        page = soup(self.get("?category=websites"))
        self.assertIn("32 resources found", page.get_text(" ", strip=True))
        next_link = page.select_one(".pagination a[rel=next]")["href"]
        self.assertEqual(next_link, "?category=websites&page=2#results")
        second = soup(self.get("?category=websites&page=2"))
        self.assertEqual(len(second.select(".result")), 12)

    def test_csv_download_of_the_filtered_list(self):
        response = self.get("?area=SA&format=csv")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual([row["title"] for row in rows], ["Resource 000", "Resource 003", "Resource 006"])
        self.assertEqual(rows[0]["areas"], "SA")
        self.assertEqual(rows[0]["competences"], "SA.1")
        self.assertEqual(rows[0]["learning_outcomes"], "1")

    def test_json_download_of_the_filtered_list(self):
        response = self.get("?category=videos&format=json")
        data = json.loads(response.content)
        self.assertEqual(data["count"], len(data["resources"]))
        self.assertEqual(data["filters"], {"category": "videos"})
        self.assertTrue(all(row["category"] == "videos" for row in data["resources"]))
        self.assertTrue(data["resources"][0]["page_url"].startswith("http"))

    def test_bad_filter_on_a_download_is_a_json_400(self):
        response = self.get("?area=NOPE&format=json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("area", json.loads(response.content)["errors"])

    def test_download_links_carry_the_filters(self):
        page = soup(self.get("?country=IT"))
        links = [a["href"] for a in page.select(".downloads a")]
        self.assertEqual(links, ["?country=IT&format=csv", "?country=IT&format=json"])


class MatrixQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=4)

    def count(self, query):
        self.client.get("/en/teaching-resources/" + query)  # warm the site-root cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            response = self.client.get("/en/teaching-resources/" + query)
        self.assertLess(response.status_code, 500)
        return len(context.captured_queries)

    def test_query_count_does_not_grow_with_resources(self):
        queries = ["", "?area=SA", "?category=videos&country=IT&language=en&q=Resource", "?format=csv", "?format=json"]
        before = [self.count(query) for query in queries]
        for number in range(100, 140):
            add_resource(self, number)
        after = [self.count(query) for query in queries]
        self.assertEqual(after, before)
        self.assertLessEqual(max(before), 30)

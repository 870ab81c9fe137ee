"""The training catalogue: its filters (URL state, bad values 400), order, pages, structured data, the areas' links."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.training.trees import add_training, extra_spec, training_tree
from tests.trees import copy_of, shared

built_tree = shared(training_tree, scope="class")
counted_tree = shared(training_tree, scope="class", extra=1)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".result__title a")]


class TestCatalogue:
    @pytest.fixture
    def tree(self, built_tree, db):
        return copy_of(built_tree)

    @pytest.fixture
    def get(self, tree, client):
        return lambda query="": client.get("/en/training/" + query)

    def test_lists_every_opportunity_in_title_order(self, get):
        response = get()
        assert response.status_code == 200
        assert titles(response) == [
            "Career guidance master",
            "Digital skills for adults",
            "Erasmus+ youth exchange",
            "İlgi ve yetenek atölyesi",
        ]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("?country=TR", ["İlgi ve yetenek atölyesi"]),
            ("?kind=mobility", ["Erasmus+ youth exchange"]),
            ("?level=7", ["Career guidance master"]),
            ("?language=en", ["Career guidance master", "Erasmus+ youth exchange"]),
            ("?online=yes", ["Career guidance master", "Erasmus+ youth exchange"]),
            ("?online=no&cost=free", ["Digital skills for adults"]),
            ("?cost=paid&area=SA", ["Career guidance master"]),
            ("?q=ilgi", ["İlgi ve yetenek atölyesi"]),
            ("?q=IZMIR", ["İlgi ve yetenek atölyesi"]),
            ("?q=DIGITAL", ["Digital skills for adults"]),
            ("?country=IT&kind=mobility", []),
        ],
    )
    def test_filters(self, get, query, expected):
        response = get(query)
        assert response.status_code == 200
        assert titles(response) == expected

    def test_no_match_says_so(self, get):
        assert "No training opportunity matches these filters." in get("?country=IT&kind=mobility").content.decode()

    @pytest.mark.parametrize("query", ["?country=XX", "?kind=cooking", "?level=9", "?online=maybe", "?page=0"])
    def test_bad_values_are_a_400_beside_the_field(self, get, query):
        response = get(query)
        assert response.status_code == 400
        page = soup(response)
        assert page.select_one("[role=alert]") is not None  # the summary of the errors, above the fields
        if "page" not in query:
            assert page.select(".filters__field .errorlist")  # and the message beside its field
        assert not page.select(".result")

    def test_long_text_is_a_400(self, get):
        assert get("?q=" + "a" * 201).status_code == 400

    def test_page_past_the_end_is_a_404(self, get):
        assert get("?page=5").status_code == 404

    def test_filter_form_keeps_its_state(self, get):
        page = soup(get("?country=ES&online=yes"))
        assert page.select_one("#id_country option[selected]")["value"] == "ES"
        assert page.select_one("#id_online option[selected]")["value"] == "yes"

    def test_works_without_javascript_a_get_form(self, get):
        form = soup(get()).select_one("form.filters")
        assert form["method"] == "get"
        assert form.select_one("button[type=submit]")

    def test_opportunity_page_shows_its_details(self, tree, client):
        response = client.get("/en/training/es-h-1/")
        assert response.status_code == 200
        text = soup(response).get_text(" ", strip=True)
        for expected in ("Higher education", "Madrid", "Spain", "Online", "EQF level 7", "6 weeks", "Paid"):
            assert expected in text
        assert soup(response).select_one('a[href="/en/exploring-learning-and-work/"]') is None
        assert soup(response).select_one("a[href$='/sa/']")

    def test_structured_data_is_a_course(self, tree, client):
        page = soup(client.get("/en/training/es-h-1/"))
        objects = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
        course = next(obj for obj in objects if obj["@type"] == "Course")
        assert course["provider"] == {"@type": "Organization", "name": "Adult learning centre"}
        assert course["inLanguage"] == ["es", "en"]
        assert course["educationalLevel"] == "EQF 7"
        assert course["isAccessibleForFree"] is False
        assert course["offers"]["category"] == "Paid"
        assert course["hasCourseInstance"][0]["courseMode"] == ["online", "onsite"]
        assert course["timeRequired"] == "P6W"
        assert course["url"].startswith("https://example.org/training/")
        assert any(obj["@type"] == "BreadcrumbList" for obj in objects)

    def test_free_onsite_course_in_structured_data(self, tree, client):
        page = soup(client.get("/en/training/it-c-1/"))
        objects = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
        course = next(obj for obj in objects if obj["@type"] == "Course")
        assert course["isAccessibleForFree"] is True
        assert course["offers"]["price"] == 0
        assert course["hasCourseInstance"][0]["courseMode"] == "onsite"
        assert course["hasCourseInstance"][0]["location"]["address"]["addressLocality"] == "Roma"

    def test_area_page_lists_the_training_that_develops_it(self, tree, client):
        page = soup(client.get("/en/framework/sa/"))
        links = [a.get_text(strip=True) for a in page.select("#training-heading ~ ul a")]
        assert links == ["Career guidance master", "Digital skills for adults"]

    def test_unpublished_opportunity_is_not_listed(self, tree, get):
        tree.training[0].unpublish()
        assert "Digital skills for adults" not in titles(get())

    def test_city_or_online_is_required(self, tree):
        from django.core.exceptions import ValidationError

        page = tree.training[0]
        page.city, page.online = "", False
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "city" in error.value.message_dict


class TestCatalogueQueryCount:
    @pytest.fixture
    def tree(self, counted_tree, db):
        return copy_of(counted_tree)

    def count(self, client, query):
        client.get("/en/training/" + query)
        with CaptureQueriesContext(connection) as context:
            response = client.get("/en/training/" + query)
        assert response.status_code == 200
        return len(context.captured_queries)

    def test_query_count_does_not_grow_with_the_catalogue(self, tree, client):
        queries = ["", "?country=IT", "?kind=course&level=5&language=it&online=no&q=course&area=EX"]
        # One opportunity added first: a change not yet committed turns the chrome's memos off (home.memos), so
        # both counts are taken in the same state.
        add_training(tree, *extra_spec(1))
        before = [self.count(client, query) for query in queries]
        for number in range(2, 31):
            add_training(tree, *extra_spec(number))
        assert [self.count(client, query) for query in queries] == before
        assert max(before) <= 25


class TestDataDownload:
    @pytest.fixture
    def tree(self, counted_tree, db):
        return copy_of(counted_tree)

    def test_csv_of_the_filtered_list_in_the_import_format(self, tree, client):
        import csv
        import io

        from training.spreadsheet import COLUMNS

        response = client.get("/en/training/?online=yes&format=csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert list(rows[0]) == COLUMNS
        assert [row["key"] for row in rows] == ["ES-H-1", "GR-M-1"]
        assert rows[0]["online"] == "yes" and rows[0]["eqf_level"] == "7"

    def test_bad_filter_on_the_download_is_a_json_400(self, tree, client):
        response = client.get("/en/training/?level=99&format=csv")
        assert response.status_code == 400
        assert "level" in response.json()["errors"]

    def test_the_list_links_the_download_with_its_filters(self, tree, client):
        link = soup(client.get("/en/training/?country=ES")).select_one(".downloads a[download]")
        assert link["href"] == "?country=ES&format=csv"

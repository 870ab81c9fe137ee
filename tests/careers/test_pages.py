"""The careers index (filters, their errors, pagination, order, queries) and a career profile (ESCO, links, JSON-LD)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.factories import EscoOccupationFactory
from careers.models import CareerPage
from home.searchable import kind_of
from tests.careers.trees import careers_tree, translate_tree, uri
from tests.trees import copy_of, shared

careers_of_9 = shared(careers_tree, scope="class", careers=9)
careers_of_3 = shared(careers_tree, scope="class", careers=3)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text() for a in soup(response).select(".result__title a")]


class TestIndex:
    @pytest.fixture
    def tree(self, careers_of_9, db):
        return copy_of(careers_of_9)

    @pytest.fixture
    def get(self, tree, client):
        return lambda query="": client.get("/en/careers/" + query)

    def test_lists_every_live_career_in_alphabetical_order(self, tree, get):
        tree.add_career(20, title="Zoo keeper", isco_code="5164")
        tree.add_career(21, title="accountant", isco_code="2411")
        found = titles(get())
        assert found[0] == "accountant"  # lower case among upper case, in the language's order
        assert found[-1] == "Zoo keeper"
        assert len(found) == 11

    def test_filters_by_isco_major_group(self, tree, get):
        tree.add_career(30, title="Plumber", isco_code="7126")
        assert titles(get("?group=7")) == ["Career 006", "Plumber"]
        assert titles(get("?group=0")) == []
        assert "No career matches these filters" in soup(get("?group=0")).select_one("#results").get_text()

    def test_major_groups_are_named_in_the_readers_language(self, get):
        options = [o.get_text() for o in soup(get()).select("#id_group option")]
        assert options[0] == "All"
        assert "2 Professionals" in options
        assert "0 Armed forces occupations" in options

    def test_filters_by_area_and_text(self, tree, get):
        assert titles(get("?area=EX")) == ["Career 001", "Career 004", "Career 007"]
        tree.add_career(40, title="Guidance counsellor", work="Helps people choose a CAREER path.")
        assert titles(get("?q=career+path")) == ["Guidance counsellor"]
        assert titles(get("?q=GUIDANCE&area=EX")) == []

    def test_free_text_finds_escos_labels_in_the_language(self, tree, get):
        EscoOccupationFactory(uri=tree.careers[2].esco_uri, language="en", alt_labels="orientador\nvocational adviser")
        EscoOccupationFactory(uri=tree.careers[3].esco_uri, language="it", alt_labels="vocational adviser")
        assert titles(get("?q=Vocational+Adviser")) == ["Career 002"]

    @pytest.mark.parametrize(
        "query",
        ["?group=X", "?group=10", "?area=NOPE", "?page=abc", "?page=0", "?q=" + "x" * 201, "?area=<script>"],
        ids=lambda query: query[:20],
    )
    def test_bad_values_are_a_400_beside_the_field(self, get, query):
        response = get(query)
        assert response.status_code == 400
        page = soup(response)
        assert page.select_one("[role=alert]") is not None
        if not query.startswith("?page"):  # the page number is a hidden field: its message is in the alert
            assert page.select_one(".filters__field .errorlist") is not None
        assert "<script>" not in str(page.select_one("[role=alert]"))

    def test_a_page_past_the_end_is_a_404(self, get):
        response = get("?page=9")
        assert response.status_code == 404
        assert "no such page" in soup(response).select_one("#results").get_text()

    def test_pagination_keeps_the_filters(self, tree, get):
        for number in range(50, 75):
            tree.add_career(number, isco_code="2634")
        page = soup(get("?group=2"))
        assert "26 careers found" in page.get_text(" ", strip=True)
        assert page.select_one(".pagination a[rel=next]")["href"] == "?group=2&page=2#results"
        assert len(soup(get("?group=2&page=2")).select(".result")) == 6

    def test_works_without_javascript_the_form_is_a_get(self, get):
        form = soup(get("?group=2")).select_one("form.filters")
        assert form["method"] == "get"
        assert form.select_one("#id_group option[selected]")["value"] == "2"

    def test_queries_do_not_grow_with_the_careers(self, tree, client):
        def queries(query):
            with CaptureQueriesContext(connection) as context:
                response = client.get("/en/careers/" + query)
            assert response.status_code == 200
            return len(context.captured_queries)

        client.get("/en/careers/")  # Wagtail's site root paths, cached
        few = queries("?group=2"), queries("?q=career")
        for number in range(100, 130):
            tree.add_career(number, isco_code="2411", areas=tree.framework.areas)
        assert (queries("?group=2"), queries("?q=career")) == few
        assert max(few) <= 25


class TestCareerPage:
    @pytest.fixture
    def tree(self, careers_of_3, db):
        return copy_of(careers_of_3)

    def test_shows_the_work_the_areas_the_resources_and_the_links(self, tree, client):
        career = tree.careers[1]
        career.country_links = [
            {
                "type": "link",
                "value": {"country": "TR", "kind": "jobs", "text": "İŞKUR", "url": "https://www.iskur.gov.tr/"},
            },
            {
                "type": "link",
                "value": {
                    "country": "IT",
                    "kind": "information",
                    "text": "Atlante",
                    "url": "https://atlantelavoro.inapp.org/",
                },
            },
        ]
        career.work = "Builds things."
        career.save_revision().publish()
        page = soup(client.get(career.url))
        assert "Builds things." in page.select_one("#work-heading").parent.get_text()
        framework = page.select_one("#framework-heading").parent
        assert "EX Exploring learning and work" in framework.get_text()
        assert "Resource 000" in framework.get_text()
        countries = page.select_one("#countries-heading").parent
        # The partner list's order (Italy before Turkey), whatever the editors' order.
        assert [h.get_text() for h in countries.select("h3")] == ["Italy", "Turkey"]
        assert countries.select("a")[1]["href"] == "https://www.iskur.gov.tr/"

    def test_shows_escos_label_marked_as_from_esco(self, tree, client):
        career = tree.careers[0]
        EscoOccupationFactory(
            uri=career.esco_uri,
            language="en",
            preferred_label="career guidance advisor",
            alt_labels="careers adviser\nvocational counsellor",
        )
        section = soup(client.get(career.url)).select_one("section.esco")
        assert "career guidance advisor" in section.get_text()
        assert [li.get_text() for li in section.select("ul li")] == ["careers adviser", "vocational counsellor"]
        assert section.select_one(".esco__source a[href*='esco-terms-use']") is not None
        assert section.select(".esco__source a")[-1]["href"] == career.esco_uri

    def test_says_when_escos_label_is_not_imported(self, tree, client):
        section = soup(client.get(tree.careers[0].url)).select_one("section.esco")
        assert "has not been imported in this language yet" in section.get_text()

    def test_turkish_page_shows_the_editors_text_and_says_esco_has_no_turkish(self, tree, client):
        EscoOccupationFactory(uri=tree.careers[0].esco_uri, language="en", preferred_label="english label")
        _index, careers = translate_tree(tree, "tr")
        response = client.get(careers[0].url)
        assert response.status_code == 200
        section = soup(response).select_one("section.esco")
        assert "english label" not in section.get_text()
        assert "ESCO" in section.get_text()
        assert section.select_one(".notice") is not None
        assert soup(response).select_one("h1").get_text() == "Career 000 [tr]"

    def test_greek_page_shows_escos_greek_label(self, tree, client):
        EscoOccupationFactory(uri=tree.careers[0].esco_uri, language="el", preferred_label="σύμβουλος σταδιοδρομίας")
        _index, careers = translate_tree(tree, "el")
        assert "σύμβουλος σταδιοδρομίας" in soup(client.get(careers[0].url)).select_one("section.esco").get_text()

    def test_structured_data_is_an_occupation_with_isco_and_esco(self, tree, client):
        career = tree.careers[2]
        page = soup(client.get(career.url))
        objects = [json.loads(script.string) for script in page.select("script[type='application/ld+json']")]
        occupation = next(obj for obj in objects if obj["@type"] == "Occupation")
        assert occupation["name"] == "Career 002"
        codes = {
            category["inCodeSet"]["name"]: category["codeValue"] for category in occupation["occupationalCategory"]
        }
        assert codes == {"ISCO-08": career.isco_code, "ESCO": career.esco_uri}
        assert any(obj["@type"] == "BreadcrumbList" for obj in objects)

    def test_the_area_and_the_resource_list_their_careers(self, tree, client):
        area = soup(client.get(tree.framework.areas[1].url)).select_one("#careers-heading").parent
        assert [a.get_text() for a in area.select("a")] == ["Career 001"]
        resource = soup(client.get(tree.framework.resources[0].get_url())).select_one("#careers-heading").parent
        assert [a.get_text() for a in resource.select("a")] == ["Career 000", "Career 001", "Career 002"]

    def test_is_a_kind_of_its_own_in_the_search(self, tree):
        assert kind_of(tree.careers[0]) == "career"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("isco_code", "263"),
        ("isco_code", "26345"),
        ("isco_code", "²634"),
        ("esco_uri", "https://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001"),
        ("esco_uri", "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001"),
        ("esco_uri", "http://data.europa.eu/esco/occupation/not-a-uuid"),
        ("key", "a key"),
    ],
)
def test_codes_are_validated(careers_of_3, db, field, value):
    tree = copy_of(careers_of_3)
    career = CareerPage.objects.get(pk=tree.careers[0].pk)
    setattr(career, field, value)
    with pytest.raises(ValidationError) as error:
        career.full_clean()
    assert field in error.value.message_dict


def test_a_key_is_unique_in_a_language(careers_of_3, db):
    tree = copy_of(careers_of_3)
    career = CareerPage.objects.get(pk=tree.careers[1].pk)
    career.key = tree.careers[0].key
    with pytest.raises(ValidationError) as error:
        career.full_clean()
    assert "key" in error.value.message_dict
    assert uri(1) == career.esco_uri

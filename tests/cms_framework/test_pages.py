"""Framework, area, learning outcome and pilot action pages: the tree rules, what each shows, bounded queries."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from careers.models import CareerIndexPage
from cms_framework.factories import FrameworkAreaPageFactory, FrameworkPageFactory, PilotActionPageFactory
from cms_framework.models import (
    Competence,
    FrameworkAreaPage,
    FrameworkPage,
    LearningOutcomePage,
    PilotActionIndexPage,
    PilotActionPage,
)
from home.models import ContentPage, HomePage
from learners.models import PathPage, PrivacyNoticePage
from resources.models import ResourceIndexPage, ResourcePage
from tests.trees import copy_of, framework_tree, shared
from tests.utils import create_in_admin
from training.models import TrainingIndexPage

# One tree per class of tests, with as many resources as its expectations count.
tree_with_6_resources = shared(framework_tree, scope="class", resources=6)
tree_with_4_resources = shared(framework_tree, scope="class", resources=4)
tree_with_2_resources = shared(framework_tree, scope="class", resources=2)
tree_with_1_resource = shared(framework_tree, scope="class", resources=1)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def count_queries(client, path):
    client.get(path)  # warm the site-root cache, as a running server has
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


def test_home_holds_the_sections_the_framework_the_pilots_and_the_matrix():
    assert set(HomePage.allowed_subpage_models()) == {
        ContentPage,
        FrameworkPage,
        PilotActionIndexPage,
        ResourceIndexPage,
        CareerIndexPage,
        TrainingIndexPage,
        PrivacyNoticePage,
    }


def test_framework_holds_areas_only():
    assert set(FrameworkPage.allowed_parent_page_models()) == {HomePage}
    assert set(FrameworkPage.allowed_subpage_models()) == {FrameworkAreaPage}
    assert set(FrameworkAreaPage.allowed_subpage_models()) == set()


def test_learning_outcomes_live_under_a_section():
    assert set(LearningOutcomePage.allowed_parent_page_models()) == {ContentPage}
    assert set(ContentPage.allowed_subpage_models()) == {ContentPage, LearningOutcomePage, PathPage}


def test_pilot_actions_and_resources_have_their_own_index():
    assert set(PilotActionPage.allowed_parent_page_models()) == {PilotActionIndexPage}
    assert set(ResourcePage.allowed_parent_page_models()) == {ResourceIndexPage}
    assert set(ResourceIndexPage.allowed_subpage_models()) == {ResourcePage}


class TestFrameworkPage:
    @pytest.fixture
    def tree(self, tree_with_6_resources, db):
        return copy_of(tree_with_6_resources)

    def test_framework_shows_every_area_and_competence_at_a_glance(self, tree, client):
        page = soup(client.get("/en/framework/"))
        areas = [a.get_text(" ", strip=True) for a in page.select(".framework-overview__area h3 a")]
        assert areas == ["SA Self-awareness", "EX Exploring learning and work", "CB Career building"]
        assert len(page.select(".framework-overview__competences li")) == 6
        assert [li.strong.get_text() for li in page.select(".levels li")] == ["Discover", "Develop", "Master"]

    def test_area_lists_competences_with_level_descriptors_pilots_and_resources(self, tree, client):
        page = soup(client.get("/en/framework/sa/"))
        assert page.h1.get_text() == "Self-awareness"
        descriptors = page.select(".competence .descriptors dt")
        assert [dt.get_text() for dt in descriptors[:3]] == ["Discover", "Develop", "Master"]
        assert [a.get_text() for a in page.select("#pilots-heading + ul a")] == ["Careers week"]
        resources = [a.get_text() for a in page.select("#resources-heading + ul a")]
        assert sorted(resources) == ["Resource 000", "Resource 003"]

    def test_area_codes_are_unique_in_a_language(self, tree):
        clash = FrameworkAreaPage(title="Again", slug="again", code="SA", locale=tree.english)
        with pytest.raises(ValidationError, match="code"):
            tree.framework.add_child(instance=clash)

    def test_competence_codes_are_unique_in_a_language(self, tree):
        clash = Competence(area=tree.areas[1], locale=tree.english, code="SA.1", title="Again")
        with pytest.raises(ValidationError):
            clash.full_clean()
        Competence(area=tree.areas[1], locale=tree.english, code="EX.9", title="New").full_clean()

    def test_a_second_framework_sits_beside_the_first(self, tree, client):
        national = FrameworkPageFactory(parent=tree.home, title="National framework", slug="national")
        FrameworkAreaPageFactory(parent=national, code="NAT-1", title="Knowing yourself", slug="nat-1")
        page = soup(client.get("/en/teaching-resources/"))
        captions = [c.get_text() for c in page.select("table.matrix caption")]
        assert len(captions) == 2
        assert "National framework" in captions[1]

    def test_editor_can_create_an_area_with_competences(self, tree, admin_client):
        data = nested_form_data(
            {
                "title": "Managing transitions",
                "slug": "transitions",
                "code": "TR",
                "summary": "Moving between learning and work.",
                "body": streamfield([("paragraph", rich_text("<p>Transitions are part of life.</p>"))]),
                "competences": inline_formset(
                    [
                        {
                            "code": "TR.1",
                            "title": "Cope with change",
                            "description": "Keep going when plans change.",
                            "descriptors": streamfield([("descriptor", "Names a change"), ("descriptor", "Plans")]),
                            "statements": streamfield(
                                [("statement", "I can name a change."), ("statement", "I can plan for it.")]
                            ),
                        }
                    ]
                ),
            }
        )
        area = create_in_admin(admin_client, tree.framework, FrameworkAreaPage, data)
        assert area.code == "TR"
        assert [c.code for c in area.competences.all()] == ["TR.1"]
        assert area.competences.get().statement_texts == ["I can name a change.", "I can plan for it."]

    def test_area_page_queries_do_not_grow_with_resources(self, tree, client):
        before = count_queries(client, "/en/framework/sa/")
        for number in range(30, 60, 3):
            tree.add_resource(number)
        assert count_queries(client, "/en/framework/sa/") == before
        assert len(soup(client.get("/en/framework/sa/")).select("#resources-heading + ul li")) == 12


class TestLearningOutcome:
    @pytest.fixture
    def tree(self, tree_with_2_resources, db):
        tree = copy_of(tree_with_2_resources)
        tree.outcome.helps = [
            {"type": "link", "value": {"text": "Explore the framework", "page": tree.framework.pk, "url": ""}},
        ]
        tree.outcome.save_revision().publish()
        return tree

    def test_outcome_shows_statement_expectation_and_what_helps(self, tree, client):
        page = soup(client.get("/en/cms-emerging-needs/know-the-framework/"))
        assert page.select_one(".statement").get_text() == tree.outcome.statement
        links = [(a.get_text(), a["href"]) for a in page.select("#helps-heading ~ ul a")]
        assert ("Explore the framework", "/en/framework/") in links
        assert len([link for link in links if "/teaching-resources/" in link[1]]) == 2

    def test_section_lists_its_learning_outcomes(self, tree, client):
        page = soup(client.get("/en/cms-emerging-needs/"))
        assert [a.get_text() for a in page.select("#outcomes-heading + ol a")] == [tree.outcome.statement]


class TestPilotActions:
    @pytest.fixture
    def tree(self, tree_with_4_resources, db):
        return copy_of(tree_with_4_resources)

    def titles(self, client, query=""):
        response = client.get("/en/pilot-actions/" + query)
        return response, [a.get_text() for a in soup(response).select(".result__title a")]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", ["Careers week", "Job club"]),
            ("?country=GB", ["Job club"]),
            ("?setting=school", ["Careers week"]),
            ("?area=EX", ["Job club"]),
            ("?area=EX&country=IT", []),
        ],
    )
    def test_index_filters_by_country_setting_and_area(self, tree, client, query, expected):
        response, titles = self.titles(client, query)
        assert response.status_code == 200
        assert titles == expected
        if not expected:
            assert "No pilot action matches these filters" in soup(response).get_text()

    @pytest.mark.parametrize("query", ["?country=ZZ", "?setting=prison", "?area=%ff"])
    def test_bad_filter_values_get_a_message(self, tree, client, query):
        response, _titles = self.titles(client, query)
        assert response.status_code == 400
        assert soup(response).select_one("[role=alert]") is not None

    def test_pilot_action_shows_its_facts_areas_and_resources(self, tree, client):
        page = soup(client.get("/en/pilot-actions/careers-week/"))
        facts = page.select_one(".facts").get_text(" ", strip=True)
        assert "Italy" in facts
        assert "24" in facts
        assert [a.get_text() for a in page.select(".facts .inline-list a")] == ["SA Self-awareness"]
        assert sorted(a.get_text() for a in page.select("#resources-heading + ul a")) == [
            "Resource 000",
            "Resource 002",
        ]

    def test_index_queries_do_not_grow_with_pilot_actions(self, tree, client):
        before = count_queries(client, "/en/pilot-actions/?country=IT")
        for _number in range(10):
            pilot = PilotActionPageFactory(parent=tree.pilot_index, country="IT")
            pilot.areas.set(tree.areas)
            pilot.save()
        assert count_queries(client, "/en/pilot-actions/?country=IT") == before


class TestResourcePage:
    @pytest.fixture
    def tree(self, tree_with_1_resource, db):
        return copy_of(tree_with_1_resource)

    def test_resource_shows_its_details_and_framework_links(self, tree, client):
        resource = tree.resources[0]
        resource.languages = ["en", "el"]
        resource.save()
        page = soup(client.get(f"/en/teaching-resources/{resource.slug}/"))
        assert page.h1.get_text() == "Resource 000"
        assert [s["lang"] for s in page.select(".facts span[lang]")] == ["en", "el"]
        framework = page.select_one("#framework-heading + dl").get_text(" ", strip=True)
        assert "SA Self-awareness" in framework
        assert "SA.1" in framework
        assert "Careers week" in framework
        assert "I can do thing" in framework

    def test_resource_keys_are_unique_in_a_language(self, tree):
        clash = ResourcePage(title="Copy", slug="copy", key=tree.resources[0].key, category="videos", country="IT")
        with pytest.raises(ValidationError, match="key"):
            tree.matrix.add_child(instance=clash)

    def test_unknown_page_is_not_found(self, tree, client):
        assert Page.objects.filter(slug="nope").count() == 0
        assert client.get("/en/teaching-resources/nope/").status_code == 404

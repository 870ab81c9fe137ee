"""Framework, area, learning outcome and pilot action pages: the tree rules, what each shows, bounded queries."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms_framework.models import (
    FrameworkAreaPage,
    FrameworkPage,
    LearningOutcomePage,
    PilotActionIndexPage,
    PilotActionPage,
)
from home.models import ContentPage, HomePage
from resources.models import ResourceIndexPage, ResourcePage
from tests.cms_framework.tree import add_resource, build_tree


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def count_queries(client, path):
    client.get(path)  # warm the site-root cache, as a running server has
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


class TreeRulesTests(WagtailPageTestCase):
    def test_home_holds_the_sections_the_framework_the_pilots_and_the_matrix(self):
        self.assertAllowedSubpageTypes(HomePage, {ContentPage, FrameworkPage, PilotActionIndexPage, ResourceIndexPage})

    def test_framework_holds_areas_only(self):
        self.assertAllowedParentPageTypes(FrameworkPage, {HomePage})
        self.assertAllowedSubpageTypes(FrameworkPage, {FrameworkAreaPage})
        self.assertAllowedSubpageTypes(FrameworkAreaPage, set())

    def test_learning_outcomes_live_under_a_section(self):
        self.assertAllowedParentPageTypes(LearningOutcomePage, {ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage, LearningOutcomePage})

    def test_pilot_actions_and_resources_have_their_own_index(self):
        self.assertAllowedParentPageTypes(PilotActionPage, {PilotActionIndexPage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})


class FrameworkPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=6)

    def test_framework_shows_every_area_and_competence_at_a_glance(self):
        page = soup(self.client.get("/en/framework/"))
        areas = [a.get_text(" ", strip=True) for a in page.select(".framework-overview__area h3 a")]
        self.assertEqual(areas, ["SA Self-awareness", "EX Exploring learning and work", "CB Career building"])
        self.assertEqual(len(page.select(".framework-overview__competences li")), 6)
        self.assertEqual([li.strong.get_text() for li in page.select(".levels li")], ["Discover", "Develop", "Master"])

    def test_area_lists_competences_with_level_descriptors_pilots_and_resources(self):
        page = soup(self.client.get("/en/framework/sa/"))
        self.assertEqual(page.h1.get_text(), "Self-awareness")
        descriptors = page.select(".competence .descriptors dt")
        self.assertEqual([dt.get_text() for dt in descriptors[:3]], ["Discover", "Develop", "Master"])
        pilots = [a.get_text() for a in page.select("#pilots-heading + ul a")]
        self.assertEqual(pilots, ["Careers week"])
        resources = [a.get_text() for a in page.select("#resources-heading + ul a")]
        self.assertEqual(sorted(resources), ["Resource 000", "Resource 003"])

    def test_area_codes_are_unique_in_a_language(self):
        clash = FrameworkAreaPage(title="Again", slug="again", code="SA", locale=self.english)
        with self.assertRaises(Exception) as raised:
            self.framework.add_child(instance=clash)
        self.assertIn("code", str(raised.exception))

    def test_competence_codes_are_unique_in_a_language(self):
        from django.core.exceptions import ValidationError

        from cms_framework.models import Competence

        clash = Competence(area=self.areas[1], locale=self.english, code="SA.1", title="Again")
        with self.assertRaises(ValidationError):
            clash.full_clean()
        Competence(area=self.areas[1], locale=self.english, code="EX.9", title="New").full_clean()

    def test_a_second_framework_sits_beside_the_first(self):
        from cms_framework.factories import FrameworkAreaPageFactory, FrameworkPageFactory

        national = FrameworkPageFactory(parent=self.home, title="National framework", slug="national")
        FrameworkAreaPageFactory(parent=national, code="NAT-1", title="Knowing yourself", slug="nat-1")
        page = soup(self.client.get("/en/teaching-resources/"))
        captions = [c.get_text() for c in page.select("table.matrix caption")]
        self.assertEqual(len(captions), 2)
        self.assertIn("National framework", captions[1])

    def test_editor_can_create_an_area_with_competences(self):
        self.login()
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
                        }
                    ]
                ),
            }
        )
        self.assertCanCreate(self.framework, FrameworkAreaPage, data)
        area = FrameworkAreaPage.objects.get(code="TR")
        self.assertEqual([c.code for c in area.competences.all()], ["TR.1"])

    def test_area_page_queries_do_not_grow_with_resources(self):
        before = count_queries(self.client, "/en/framework/sa/")
        for number in range(30, 60, 3):
            add_resource(self, number)
        self.assertEqual(count_queries(self.client, "/en/framework/sa/"), before)
        self.assertEqual(len(soup(self.client.get("/en/framework/sa/")).select("#resources-heading + ul li")), 12)


class LearningOutcomeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=2)
        cls.outcome.helps = [
            {"type": "link", "value": {"text": "Explore the framework", "page": cls.framework.pk, "url": ""}},
        ]
        cls.outcome.save_revision().publish()

    def test_outcome_shows_statement_expectation_and_what_helps(self):
        page = soup(self.client.get("/en/cms-emerging-needs/know-the-framework/"))
        self.assertEqual(page.select_one(".statement").get_text(), self.outcome.statement)
        links = [(a.get_text(), a["href"]) for a in page.select("#helps-heading ~ ul a")]
        self.assertIn(("Explore the framework", "/en/framework/"), links)
        self.assertEqual(len([link for link in links if "/teaching-resources/" in link[1]]), 2)

    def test_section_lists_its_learning_outcomes(self):
        page = soup(self.client.get("/en/cms-emerging-needs/"))
        self.assertEqual([a.get_text() for a in page.select("#outcomes-heading + ol a")], [self.outcome.statement])


class PilotActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=4)

    def titles(self, query=""):
        response = self.client.get("/en/pilot-actions/" + query)
        return response, [a.get_text() for a in soup(response).select(".result__title a")]

    def test_index_filters_by_country_setting_and_area(self):
        self.assertEqual(self.titles()[1], ["Careers week", "Job club"])
        self.assertEqual(self.titles("?country=GB")[1], ["Job club"])
        self.assertEqual(self.titles("?setting=school")[1], ["Careers week"])
        self.assertEqual(self.titles("?area=EX")[1], ["Job club"])
        response, titles = self.titles("?area=EX&country=IT")
        self.assertEqual(titles, [])
        self.assertIn("No pilot action matches these filters", soup(response).get_text())

    def test_bad_filter_values_get_a_message(self):
        for query in ["?country=ZZ", "?setting=prison", "?area=%ff"]:
            with self.subTest(query=query):
                response, titles = self.titles(query)
                self.assertEqual(response.status_code, 400)
                self.assertIsNotNone(soup(response).select_one("[role=alert]"))

    def test_pilot_action_shows_its_facts_areas_and_resources(self):
        page = soup(self.client.get("/en/pilot-actions/careers-week/"))
        facts = page.select_one(".facts").get_text(" ", strip=True)
        self.assertIn("Italy", facts)
        self.assertIn("24", facts)
        self.assertEqual([a.get_text() for a in page.select(".facts .inline-list a")], ["SA Self-awareness"])
        self.assertEqual(
            sorted(a.get_text() for a in page.select("#resources-heading + ul a")), ["Resource 000", "Resource 002"]
        )

    def test_index_queries_do_not_grow_with_pilot_actions(self):
        from cms_framework.factories import PilotActionPageFactory

        before = count_queries(self.client, "/en/pilot-actions/?country=IT")
        for _number in range(10):
            pilot = PilotActionPageFactory(parent=self.pilot_index, country="IT")
            pilot.areas.set(self.areas)
            pilot.save()
        self.assertEqual(count_queries(self.client, "/en/pilot-actions/?country=IT"), before)


class ResourcePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=1)

    def test_resource_shows_its_details_and_framework_links(self):
        resource = self.resources[0]
        resource.languages = ["en", "el"]
        resource.save()
        page = soup(self.client.get(f"/en/teaching-resources/{resource.slug}/"))
        self.assertEqual(page.h1.get_text(), "Resource 000")
        self.assertEqual([s["lang"] for s in page.select(".facts span[lang]")], ["en", "el"])
        framework = page.select_one("#framework-heading + dl").get_text(" ", strip=True)
        self.assertIn("SA Self-awareness", framework)
        self.assertIn("SA.1", framework)
        self.assertIn("Careers week", framework)
        self.assertIn("I can do thing", framework)

    def test_resource_keys_are_unique_in_a_language(self):
        clash = ResourcePage(title="Copy", slug="copy", key=self.resources[0].key, category="videos", country="IT")
        with self.assertRaises(Exception) as raised:
            self.matrix.add_child(instance=clash)
        self.assertIn("key", str(raised.exception))

    def test_unknown_page_is_not_found(self):
        self.assertEqual(Page.objects.filter(slug="nope").count(), 0)
        self.assertEqual(self.client.get("/en/teaching-resources/nope/").status_code, 404)

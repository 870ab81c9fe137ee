"""The demo framework, learning outcomes, pilot actions and Matrix: complete, covered, translated six times."""

from django.test import TestCase
from wagtail.models import Locale

from cms_framework.choices import PARTNER_COUNTRIES
from cms_framework.models import Competence, FrameworkAreaPage, FrameworkPage, LearningOutcomePage, PilotActionPage
from resources.models import CATEGORY_CODES, ResourceIndexPage, ResourcePage
from tests.utils import LANGUAGE_CODES


class DemoFrameworkAndMatrixTests(TestCase):
    def test_sample_framework_in_every_language_marked_as_sample(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                framework = FrameworkPage.objects.live().get(locale__language_code=code)
                self.assertEqual(framework.url_path.split("/")[-2], "framework")
                areas = FrameworkAreaPage.objects.child_of(framework).live()
                self.assertEqual([area.code for area in areas], ["A1", "A2", "A3", "A4"])
                self.assertEqual(Competence.objects.filter(area__in=areas).count(), 8)
                self.assertEqual(len(framework.levels), 3)
        english = FrameworkPage.objects.get(locale__language_code="en")
        self.assertIn("Sample content", english.introduction)
        self.assertIn("Contenuto di esempio", FrameworkPage.objects.get(locale__language_code="it").introduction)

    def test_four_learning_outcomes_under_section_two(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                outcomes = LearningOutcomePage.objects.live().filter(locale__language_code=code).order_by("number")
                self.assertEqual([outcome.number for outcome in outcomes], [1, 2, 3, 4])
                self.assertEqual({outcome.get_parent().slug for outcome in outcomes}, {"cms-emerging-needs"})

    def test_a_pilot_action_for_every_partner_country(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                countries = set(
                    PilotActionPage.objects.live().filter(locale__language_code=code).values_list("country", flat=True)
                )
                self.assertEqual(countries, set(PARTNER_COUNTRIES))
                self.assertEqual(
                    PilotActionPage.objects.live().filter(locale__language_code=code, report__isnull=True).count(), 0
                )

    def test_forty_resources_cover_every_category_country_and_area(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                resources = ResourcePage.objects.live().filter(locale__language_code=code)
                self.assertGreaterEqual(resources.count(), 40)
                self.assertEqual(set(resources.values_list("category", flat=True)), set(CATEGORY_CODES))
                self.assertEqual(set(resources.values_list("country", flat=True)), set(PARTNER_COUNTRIES))
                self.assertEqual(set(resources.values_list("areas__code", flat=True)), {"A1", "A2", "A3", "A4"})
                index = ResourceIndexPage.objects.get(locale__language_code=code)
                self.assertEqual(index.slug, "teaching-resources")
                self.assertEqual(resources.child_of(index).count(), resources.count())

    def test_resources_are_real_translations(self):
        english = {page.key: page for page in ResourcePage.objects.filter(locale__language_code="en")}
        for code in LANGUAGE_CODES[1:]:
            locale = Locale.objects.get(language_code=code)
            for page in ResourcePage.objects.filter(locale=locale):
                source = english[page.key]
                self.assertEqual(page.translation_key, source.translation_key)
                self.assertNotEqual(page.title, source.title, (code, page.key))
                self.assertNotEqual(page.description, source.description, (code, page.key))
                self.assertNotEqual(page.instructions, source.instructions, (code, page.key))

    def test_every_new_page_renders_in_every_language(self):
        for code in LANGUAGE_CODES:
            for path in [
                "framework/",
                "framework/career-decision-making/",
                "cms-emerging-needs/review-and-evaluate/",
                "pilot-actions/",
                "pilot-actions/adult-learners-greece/",
                "teaching-resources/",
                "teaching-resources/resource-040/",
            ]:
                with self.subTest(code=code, path=path):
                    response = self.client.get(f"/{code}/{path}")
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, f'<html lang="{code}"')

    def test_matrix_lists_the_active_language_only(self):
        response = self.client.get("/el/teaching-resources/?format=json")
        data = response.json()
        self.assertEqual(data["count"], 40)
        self.assertTrue(all("/el/" in row["page_url"] for row in data["resources"]))
        greek_titles = set(ResourcePage.objects.filter(locale__language_code="el").values_list("title", flat=True))
        self.assertEqual({row["title"] for row in data["resources"]}, greek_titles)

    def test_matrix_query_count_is_the_same_in_every_language(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = set()
        for code in LANGUAGE_CODES[1:]:
            path = f"/{code}/teaching-resources/?category=videos"
            self.client.get(path)
            with CaptureQueriesContext(connection) as context:
                self.client.get(path)
            counts.add(len(context.captured_queries))
        self.assertEqual(len(counts), 1, counts)

    def test_editors_can_open_every_new_page_type_and_its_translation(self):
        from django.contrib.auth import get_user_model

        from cms_framework.models import PilotActionIndexPage

        self.client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pw"))
        for model in (
            FrameworkPage,
            FrameworkAreaPage,
            LearningOutcomePage,
            PilotActionIndexPage,
            PilotActionPage,
            ResourceIndexPage,
            ResourcePage,
        ):
            for code in ("en", "el"):
                with self.subTest(model=model.__name__, code=code):
                    page = model.objects.filter(locale__language_code=code).first()
                    # A translated page opens in wagtail-localize's translation editor.
                    response = self.client.get(f"/admin/pages/{page.pk}/edit/", follow=True)
                    self.assertEqual(response.status_code, 200)

"""The translation status report and its dashboard panel: counts per language, the pages behind them."""

import re

from django.urls import reverse
from wagtail.models import Locale, Page

from editorial.status import language_statuses
from home.models import ContentPage
from tests.editorial.base import OTHER_LANGUAGES, EditorialTestCase


class TranslationStatusTests(EditorialTestCase):
    def counts(self, code):
        status = language_statuses([Locale.objects.get(language_code=code)])[0]
        return {state: status.count(state) for state in status.rows}

    def test_demo_counts(self):
        # The demo's English pages are translated everywhere; of the two English pages the tests add, the one
        # translated from Italian exists in Italian.
        demo_pages = Page.objects.filter(locale=self.locales["en"], depth__gte=2).count() - 2
        for code in OTHER_LANGUAGES:
            counts = self.counts(code)
            expected = (demo_pages + 1, 1) if code == "it" else (demo_pages, 2)
            self.assertEqual((counts["translated"], counts["untranslated"]), expected, code)
            self.assertEqual(counts["in_review"] + counts["out_of_date"], 0, code)

    def test_english_change_makes_every_translation_out_of_date(self):
        english = ContentPage.objects.get(pk=self.sections["en"].pk)
        english.summary = "Changed"
        english.save_revision().publish()
        for code in OTHER_LANGUAGES:
            self.assertEqual(self.counts(code)["out_of_date"], 1, code)

    def test_report_lists_own_language_first_and_links_every_number(self):
        self.login(self.editors["el"])
        response = self.client.get(reverse("editorial_translation_status"))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        rows = re.findall(r'<tr data-language="(\w+)">', html)
        self.assertEqual(rows, ["el", "it", "ro", "es", "tr"])
        for state in ("translated", "untranslated", "in_review", "out_of_date"):
            self.assertIn(f"?language=el&amp;state={state}", html)

    def test_untranslated_pages_offer_translation_into_own_language_only(self):
        self.login(self.editors["el"])
        own = self.client.get(reverse("editorial_translation_status") + "?language=el&state=untranslated")
        submit = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.pk])
        self.assertContains(own, f"{submit}?select_locale=el")
        self.assertContains(own, 'href="/en/not-translated-yet/"')  # the English page to read
        other = self.client.get(reverse("editorial_translation_status") + "?language=es&state=untranslated")
        self.assertContains(other, self.untranslated.title)
        self.assertNotContains(other, submit)

    def test_report_queries_do_not_grow_with_languages_or_pages(self):
        self.login(self.coordinator)
        url = reverse("editorial_translation_status") + "?language=it&state=translated"
        self.client.get(url)
        before = self.query_count(url)
        for index in range(5):
            page = ContentPage(title=f"More {index}", slug=f"more-{index}", locale=self.locales["en"])
            self.homes["en"].add_child(instance=page)
        self.assertEqual(self.query_count(url), before)

    def query_count(self, url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            self.client.get(url)
        return len(queries)

    def test_dashboard_panel_shows_own_languages(self):
        self.login(self.editors["tr"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "editorial-translation-status")
        self.assertContains(response, reverse("editorial_translation_status") + "?language=tr&amp;state=untranslated")
        self.assertNotContains(response, "?language=es&amp;state=")

    def test_odd_parameters_show_the_table_only(self):
        self.login(self.editors["ro"])
        for query in (
            "?language=xx&state=untranslated",
            "?language=ro&state=%27%3B",
            "?state=",
            "?language=" + "r" * 500,
        ):
            response = self.client.get(reverse("editorial_translation_status") + query)
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, 'id="pages"')

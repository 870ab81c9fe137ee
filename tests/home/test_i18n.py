"""Six languages on the demo tree: language prefixes, redirects, <html lang>, the switcher and hreflang."""

from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.models import Locale

from home.models import ContentPage, HomePage
from tests.utils import LANGUAGE_CODES, OUTLINE_SLUGS


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class LanguageRoutingTests(TestCase):
    def test_root_redirects_to_the_browsers_language(self):
        for header, expected in [
            ("el-GR,el;q=0.9,en;q=0.5", "/el/"),
            ("tr", "/tr/"),
            ("ro-RO", "/ro/"),
            ("es-ES,es;q=0.8", "/es/"),
            ("it", "/it/"),
            ("de-DE,de;q=0.9", "/en/"),
        ]:
            with self.subTest(header=header):
                response = self.client.get("/", headers={"accept-language": header})
                self.assertRedirects(response, expected, fetch_redirect_response=False)

    def test_root_without_accept_language_goes_to_english(self):
        response = self.client.get("/")
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_unprefixed_page_path_redirects_into_a_language(self):
        response = self.client.get("/introduction/", headers={"accept-language": "it"})
        self.assertRedirects(response, "/it/introduction/", fetch_redirect_response=False)

    def test_unknown_page_is_a_translated_404(self):
        response = self.client.get("/el/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(soup(response).html["lang"], "el")

    def test_every_page_carries_its_language(self):
        for code in LANGUAGE_CODES:
            for path in [f"/{code}/", *(f"/{code}/{slug}/" for slug in OUTLINE_SLUGS)]:
                with self.subTest(path=path):
                    response = self.client.get(path)
                    self.assertEqual(response.status_code, 200)
                    html = soup(response).html
                    self.assertEqual(html["lang"], code)
                    self.assertEqual(html["dir"], "ltr")

    def test_pages_are_real_translations_not_copies(self):
        english = {page.slug: page.title for page in ContentPage.objects.filter(locale__language_code="en")}
        for code in LANGUAGE_CODES[1:]:
            for page in ContentPage.objects.filter(locale__language_code=code):
                with self.subTest(code=code, slug=page.slug):
                    self.assertNotEqual(page.title, english[page.slug])

    def test_switcher_leads_to_the_same_page_in_every_language(self):
        response = self.client.get("/it/cms-emerging-needs/")
        switcher = soup(response).select(".language-switcher a")
        self.assertEqual(
            [(a["hreflang"], a["href"]) for a in switcher],
            [(code, f"/{code}/cms-emerging-needs/") for code in LANGUAGE_CODES],
        )
        current = [a["hreflang"] for a in switcher if a.get("aria-current")]
        self.assertEqual(current, ["it"])
        # Each language name is written in its own language and marked as such.
        self.assertEqual({a["lang"] for a in switcher}, set(LANGUAGE_CODES))
        self.assertIn("Ελληνικά", [a.get_text(strip=True) for a in switcher])

    def test_switcher_falls_back_to_the_nearest_translated_ancestor(self):
        home = HomePage.objects.get(locale__language_code="en")
        untranslated = ContentPage(title="Only in English", slug="only-english", locale=home.locale)
        section = ContentPage.objects.get(locale=home.locale, slug="introduction")
        section.add_child(instance=untranslated)
        untranslated.save_revision().publish()

        response = self.client.get("/en/introduction/only-english/")
        self.assertEqual(response.status_code, 200)
        links = {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}
        self.assertEqual(links["en"], "/en/introduction/only-english/")
        for code in LANGUAGE_CODES[1:]:
            self.assertEqual(links[code], f"/{code}/introduction/")
        # Alternates name real translations only.
        alternates = {link["hreflang"] for link in soup(response).select('link[rel="alternate"]')}
        self.assertEqual(alternates, {"en", "x-default"})

    def test_hreflang_alternates_list_every_translation_and_x_default(self):
        response = self.client.get("/tr/open-platform/")
        alternates = {link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"]')}
        expected = {code: f"http://testserver/{code}/open-platform/" for code in LANGUAGE_CODES}
        expected["x-default"] = "http://testserver/en/open-platform/"
        self.assertEqual(alternates, expected)

    def test_draft_translation_is_not_offered(self):
        spanish = ContentPage.objects.get(locale__language_code="es", slug="documents")
        spanish.unpublish()
        response = self.client.get("/en/documents/")
        links = {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}
        self.assertEqual(links["es"], "/es/")
        self.assertEqual(self.client.get("/es/documents/").status_code, 404)

    def test_navigation_and_footer_follow_the_language(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                page = soup(self.client.get(f"/{code}/"))
                nav_links = [a["href"] for a in page.select(".main-nav a")]
                self.assertEqual(nav_links, [f"/{code}/"] + [f"/{code}/{slug}/" for slug in OUTLINE_SLUGS])
                self.assertTrue(page.select_one(".site-footer").get_text(strip=True))
        english_nav = soup(self.client.get("/en/")).select_one(".main-nav").get_text()
        greek_nav = soup(self.client.get("/el/")).select_one(".main-nav").get_text()
        self.assertNotEqual(english_nav, greek_nav)

    def test_interface_strings_are_translated(self):
        skip_link = soup(self.client.get("/el/")).select_one(".skip-link").get_text(strip=True)
        self.assertNotEqual(skip_link, "Skip to main content")


class HomeQueryCountTests(TestCase):
    # Site and page (2), view restrictions (3), switcher (3), navigation (2), outline (2, plus one for each of its
    # four page types), footer (2); a translated home page costs Wagtail's router one more query to find the root.
    HOME_QUERIES = {"en": 18, "it": 19, "ro": 19, "es": 19, "el": 19, "tr": 19}

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))

    def home_queries(self, code="en"):
        path = f"/{code}/"
        self.client.get(path)  # warm the site-root cache, as a running server has
        with self.assertNumQueries(self.HOME_QUERIES[code]) as context:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries)

    def test_home_page_query_count_is_bounded_in_every_language(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                self.home_queries(code)

    def test_home_page_query_count_does_not_grow_with_sections(self):
        before = self.home_queries()
        for number in range(10):
            page = ContentPage(title=f"Extra section {number}", slug=f"extra-{number}", show_in_menus=True)
            self.home.add_child(instance=page)
            page.save_revision().publish()
        self.assertEqual(self.home_queries(), before)
        self.assertEqual(len(self.client.get("/en/").context["outline"]), 17)

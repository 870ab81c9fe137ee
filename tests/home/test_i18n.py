"""Six languages on a small tree: language prefixes, redirects, <html lang>, the switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup

from home.factories import ContentPageFactory
from tests.trees import copy_of, shared, site_tree
from tests.utils import LANGUAGE_CODES, OUTLINE_SLUGS, redirect_target

built_site = shared(site_tree)


@pytest.fixture
def site(built_site, db):
    return copy_of(built_site)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("el-GR,el;q=0.9,en;q=0.5", "/el/"),
        ("tr", "/tr/"),
        ("ro-RO", "/ro/"),
        ("es-ES,es;q=0.8", "/es/"),
        ("it", "/it/"),
        ("de-DE,de;q=0.9", "/en/"),
    ],
)
def test_root_redirects_to_the_browsers_language(site, client, header, expected):
    assert redirect_target(client.get("/", headers={"accept-language": header})) == expected


def test_root_without_accept_language_goes_to_english(site, client):
    assert redirect_target(client.get("/")) == "/en/"


def test_unprefixed_page_path_redirects_into_a_language(site, client):
    assert redirect_target(client.get("/introduction/", headers={"accept-language": "it"})) == "/it/introduction/"


def test_unknown_page_is_a_translated_404(site, client):
    response = client.get("/el/no-such-page/")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "el"


@pytest.mark.parametrize(
    "path", [f"/{code}/{slug}" for code in LANGUAGE_CODES for slug in ["", *(s + "/" for s in OUTLINE_SLUGS)]]
)
def test_every_page_carries_its_language(site, client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == path.split("/")[1]
    assert html["dir"] == "ltr"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_language_shows_its_own_translation(site, client, code):
    """The page of /it/… is the Italian page of the tree, not the English one under another prefix."""
    for slug, page in site.sections[code].items():
        assert soup(client.get(f"/{code}/{slug}/")).h1.get_text(strip=True) == page.title
    if code != "en":
        assert site.sections[code]["introduction"].title == f"I – Introduction [{code}]"


def test_switcher_leads_to_the_same_page_in_every_language(site, client):
    switcher = soup(client.get("/it/cms-emerging-needs/")).select(".language-switcher a")
    assert [(a["hreflang"], a["href"]) for a in switcher] == [
        (code, f"/{code}/cms-emerging-needs/") for code in LANGUAGE_CODES
    ]
    assert [a["hreflang"] for a in switcher if a.get("aria-current")] == ["it"]
    # Each language name is written in its own language and marked as such.
    assert {a["lang"] for a in switcher} == set(LANGUAGE_CODES)
    assert "Ελληνικά" in [a.get_text(strip=True) for a in switcher]


def test_switcher_falls_back_to_the_nearest_translated_ancestor(site, client):
    page = ContentPageFactory(parent=site.sections["en"]["introduction"], title="Only in English", slug="only-english")

    response = client.get("/en/introduction/only-english/")
    assert response.status_code == 200
    links = {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}
    assert links["en"] == "/en/introduction/only-english/"
    for code in LANGUAGE_CODES[1:]:
        # The marker names the page left, so that the page reached can say why the reader is there.
        assert links[code] == f"/{code}/introduction/?from={page.pk}"
    # Alternates name real translations only.
    assert {link["hreflang"] for link in soup(response).select('link[rel="alternate"]')} == {"en", "x-default"}


def test_hreflang_alternates_list_every_translation_and_x_default(site, client):
    response = client.get("/tr/open-platform/")
    alternates = {link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"]')}
    expected = {code: f"http://testserver/{code}/open-platform/" for code in LANGUAGE_CODES}
    expected["x-default"] = "http://testserver/en/open-platform/"
    assert alternates == expected


def test_draft_translation_is_not_offered(site, client):
    site.sections["es"]["documents"].unpublish()
    links = {a["hreflang"]: a["href"] for a in soup(client.get("/en/documents/")).select(".language-switcher a")}
    assert links["es"] == f"/es/?from={site.sections['en']['documents'].pk}"
    assert client.get("/es/documents/").status_code == 404


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_navigation_and_footer_follow_the_language(site, client, code):
    page = soup(client.get(f"/{code}/"))
    nav = [(a["href"], a.get_text(strip=True)) for a in page.select(".main-nav a")]
    titles = [site.homes[code].title.removesuffix(f" [{code}]"), *(p.title for p in site.sections["en"].values())]
    expected_texts = titles if code == "en" else [f"{title} [{code}]" for title in titles]
    assert nav == list(zip([f"/{code}/", *(f"/{code}/{slug}/" for slug in OUTLINE_SLUGS)], expected_texts, strict=True))
    footer = page.select_one(".site-footer")
    assert site.footers[code].text.removeprefix("<p>").removesuffix("</p>") in str(footer)
    assert [(a["href"], a.get_text(strip=True)) for a in footer.select("a[href^='/']")] == [
        (f"/{code}/introduction/", site.sections["en"]["introduction"].title + ("" if code == "en" else f" [{code}]")),
        (f"/{code}/documents/", site.sections["en"]["documents"].title + ("" if code == "en" else f" [{code}]")),
    ]


def test_interface_strings_are_translated(site, client):
    skip_link = soup(client.get("/el/")).select_one(".skip-link").get_text(strip=True)
    assert skip_link != "Skip to main content"


class TestHomeQueryCount:
    # Measured on the small tree, with a warm site-root cache (the same figures as on the demo): site and page (2),
    # view restrictions (3), switcher (3), navigation (2), outline (2, plus one for each of its four page types:
    # content, framework, pilot-action index, matrix), footer (1: the pages its links name were looked up with the
    # navigation's, once for the request), the sample content banner's switch (1); a translated home page costs
    # Wagtail's router one more query to find the root.
    HOME_QUERIES = {"en": 18, "it": 19, "ro": 19, "es": 19, "el": 19, "tr": 19}

    def home_queries(self, client, django_assert_num_queries, code="en"):
        path = f"/{code}/"
        client.get(path)  # warm the site-root cache, as a running server has
        with django_assert_num_queries(self.HOME_QUERIES[code]) as context:
            response = client.get(path)
        assert response.status_code == 200
        return len(context.captured_queries)

    @pytest.mark.parametrize("code", LANGUAGE_CODES)
    def test_home_page_query_count_is_bounded_in_every_language(self, site, client, django_assert_num_queries, code):
        self.home_queries(client, django_assert_num_queries, code)

    def test_home_page_query_count_does_not_grow_with_sections(self, site, client, django_assert_num_queries):
        before = self.home_queries(client, django_assert_num_queries)
        for number in range(10):
            ContentPageFactory(parent=site.homes["en"], title=f"Extra section {number}", slug=f"extra-{number}")
        assert self.home_queries(client, django_assert_num_queries) == before
        assert len(client.get("/en/").context["outline"]) == len(OUTLINE_SLUGS) + 10

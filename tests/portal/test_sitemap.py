"""The sitemap names every live page of every language, under its language prefix, and nothing else."""

import re

import pytest

from cms_framework.factories import FrameworkAreaPageFactory
from home.factories import ContentPageFactory
from tests.trees import copy_of, shared, site_tree
from tests.utils import LANGUAGE_CODES


def site_tree_with_hidden_pages():
    """The outline in six languages, an area under every framework, and pages a sitemap must leave out: an English
    draft, a page restricted to signed-in readers, and a page outside the site (beside its home)."""
    from wagtail.models import Page, PageViewRestriction

    tree = site_tree()
    for code in LANGUAGE_CODES:
        FrameworkAreaPageFactory(
            parent=tree.sections[code]["framework"], locale=tree.locales[code], slug="sa", code="SA"
        )
    ContentPageFactory(parent=tree.homes["en"], slug="draft", live=False)
    private = ContentPageFactory(parent=tree.homes["en"], slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ContentPageFactory(parent=Page.get_first_root_node(), slug="elsewhere")
    return tree


built_site = shared(site_tree_with_hidden_pages)


@pytest.fixture
def site(built_site, db):
    return copy_of(built_site)


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", response.text)]


def test_every_live_page_of_every_language_is_listed_once(site, client):
    expected = [path for code in LANGUAGE_CODES for path in [*site.paths(code), f"/{code}/framework/sa/"]]
    assert len(expected) == 6 * 9
    assert sorted(locations(client)) == sorted(expected)


def test_unpublished_pages_are_left_out(site, client):
    site.sections["el"]["documents"].unpublish()
    listed = locations(client)
    assert "/el/documents/" not in listed
    assert "/it/documents/" in listed


def alternates_of(client, path):
    """{hreflang: path} of the sitemap entry whose location ends with `path`."""
    text = client.get("/sitemap.xml").text
    for entry in re.findall(r"<url>(.*?)</url>", text, flags=re.S):
        location = re.sub(r"^https?://[^/]+", "", re.search(r"<loc>([^<]+)</loc>", entry).group(1))
        if location == path:
            return {
                code: re.sub(r"^https?://[^/]+", "", href)
                for code, href in re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry)
            }
    raise AssertionError(f"{path} is not in the sitemap")


def test_each_page_names_its_translations_and_the_english_source(site, client):
    expected = {code: f"/{code}/documents/" for code in LANGUAGE_CODES} | {"x-default": "/en/documents/"}
    assert alternates_of(client, "/el/documents/") == expected
    assert alternates_of(client, "/en/documents/") == expected


def test_an_untranslated_page_has_no_alternates(site, client):
    ContentPageFactory(parent=site.homes["it"], locale=site.locales["it"], slug="solo-italiano")
    assert alternates_of(client, "/it/solo-italiano/") == {}


def test_an_unpublished_translation_is_not_an_alternate(site, client):
    site.sections["tr"]["documents"].unpublish()
    assert "tr" not in alternates_of(client, "/en/documents/")


def test_robots_txt_keeps_crawlers_out_of_the_private_parts_and_names_the_sitemap(site, client):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /admin/"]
    for code in LANGUAGE_CODES:
        assert f"Disallow: /{code}/my/" in lines
        assert f"Disallow: /{code}/accounts/" in lines
    assert lines[-1] == "Sitemap: https://portal.example.org/sitemap.xml"
    assert "Cookie" not in response.get("Vary", "") and "Set-Cookie" not in response

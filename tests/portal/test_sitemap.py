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

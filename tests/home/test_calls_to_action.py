"""Calls to action link their page in the reader's language, looked up in one query for all the blocks of a page."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory, translate
from tests.utils import on_commit_executed

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    english, greek = LocaleFactory(language_code="en"), LocaleFactory(language_code="el")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, slug="portal")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    targets = [ContentPageFactory(parent=home, locale=english, slug=f"target-{n}") for n in range(6)]
    with on_commit_executed():
        translate(home, greek)
        for target in targets[:3]:
            translate(target, greek)
    return home, greek, targets


def with_calls_to_action(home, targets, slug):
    body = [
        ("call_to_action", {"text": f"Go to {target.slug}", "page": target, "url": "", "description": ""})
        for target in targets
    ]
    return ContentPageFactory(parent=home, locale=home.locale, slug=slug, body=body)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_each_call_to_action_leads_to_the_readers_language_or_to_the_live_original(client, tree):
    home, greek, targets = tree
    with on_commit_executed():
        page = translate(with_calls_to_action(home, targets, "many"), greek)
    links = [a["href"] for a in BeautifulSoup(client.get(page.url).content, "html.parser").select(".cta__link")]
    assert links == [f"/el/target-{n}/" for n in range(3)] + [f"/en/target-{n}/" for n in range(3, 6)]


def test_the_number_of_queries_does_not_grow_with_the_calls_to_action(client, tree):
    home, _greek, targets = tree
    one, six = with_calls_to_action(home, targets[:1], "one"), with_calls_to_action(home, targets, "six")
    client.get(one.url)  # warm the site-root cache and each page's language links (home.memos), as a running server has
    client.get(six.url)
    assert queries(client, six.url) == queries(client, one.url)

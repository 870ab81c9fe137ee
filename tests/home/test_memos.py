"""The page chrome (menu, footer, banner, language links), the outline, the site and the view restrictions are read
once per content generation (`home.memos`): a page costs a fixed number of queries, whatever the content, and a
change shows at once, in the process that made it and, through the generation, in every other."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home import freshness, memos
from home.factories import ContentPageFactory, copy_translation, links
from tests.trees import copy_of, shared, site_tree
from tests.utils import on_commit_executed

built_site = shared(site_tree)

# A page of the outline after the first request of the generation: Wagtail's locale and the page itself (two for a
# translation: its language's root), nothing for the site, the restrictions, the chrome or the outline.
HOME_QUERIES = 3


@pytest.fixture
def site(built_site, db):
    # An earlier test's change, rolled back, leaves the connection marked as holding one (no memos until a bump).
    connection.content_changed = False
    return copy_of(built_site)


def queries_of(client, path):
    client.get(path)  # the first request of the generation reads and remembers
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), response


def sql_of(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    return " ".join(query["sql"] for query in context.captured_queries)


@pytest.mark.parametrize("code", ["en", "el"])
def test_the_home_page_costs_a_fixed_number_of_queries_whatever_its_outline_and_menu(site, client, code):
    before, _response = queries_of(client, f"/{code}/")
    assert before <= HOME_QUERIES + (code != "en")
    with on_commit_executed():  # counted by the generation, as a publish in production
        for number in range(4):
            page = ContentPageFactory(parent=site.homes["en"], slug=f"more-{number}", show_in_menus=True)
            copy_translation(page, site.locales[code]) if code != "en" else None
        site.navigation["en"].items = links(site.homes["en"], *site.sections["en"].values(), page)
        site.navigation["en"].save()
    after, response = queries_of(client, f"/{code}/")
    assert after == before
    assert response.content.decode().count('class="outline__item"') == 7 + 4


def test_a_content_page_reads_neither_the_chrome_nor_the_restrictions_again(site, client):
    count, response = queries_of(client, "/en/introduction/")
    sql = sql_of(client, "/en/introduction/")
    assert "wagtailcore_pageviewrestriction" not in sql and "home_navigationmenu" not in sql
    assert "home_footer" not in sql and "wagtailcore_site" not in sql
    assert count <= 6
    assert "Portal home" in response.content.decode()  # the menu is there, from the memo


def test_a_change_shows_at_once_in_the_process_that_made_it(site, client):
    client.get("/en/")
    menu = site.navigation["en"]
    menu.items = links(site.sections["en"]["documents"])
    menu.save()  # not committed yet: this process reads afresh until the commit counts it
    header = client.get("/en/").content.decode().split("<main")[0]
    assert 'href="/en/documents/"' in header and 'href="/en/introduction/"' not in header


def test_a_change_counted_by_another_process_shows_at_the_next_request(site, client):
    client.get("/en/")
    section = site.sections["en"]["introduction"]
    section.title = "I – A new introduction"
    section.save_revision().publish()
    connection.content_changed = False  # as if another process had published it: only the generation says so
    cached = client.get("/en/").content.decode()
    freshness._increment()
    fresh = client.get("/en/").content.decode()
    assert "A new introduction" not in cached  # the outline of this generation, as the page cache would show it
    assert "A new introduction" in fresh


def test_a_new_view_restriction_is_enforced_at_once(site, client):
    assert client.get("/en/documents/").status_code == 200
    PageViewRestriction.objects.create(page=site.sections["en"]["documents"], restriction_type="login")
    assert client.get("/en/documents/").status_code == 302
    assert "/en/documents/" not in client.get("/sitemap.xml").content.decode()
    connection.content_changed = False
    freshness._increment()
    assert client.get("/en/documents/").status_code == 302
    outline = client.get("/en/").content.decode().split('class="outline"')[1].split("</section>")[0]
    assert 'href="/en/introduction/"' in outline and 'href="/en/documents/"' not in outline


def test_outside_a_request_nothing_is_remembered(site):
    request = RequestFactory().get("/en/")
    assert memos.current(request) is None
    calls = []
    memos.remembered(("test",), lambda: calls.append(1), request)
    memos.remembered(("test",), lambda: calls.append(1), request)
    assert calls == [1, 1]


def test_the_sitemap_costs_the_same_queries_for_more_pages(site, client):
    before, _response = queries_of(client, "/sitemap.xml")
    with on_commit_executed():
        for number in range(5):
            page = ContentPageFactory(parent=site.homes["en"], slug=f"extra-{number}")
            copy_translation(page, site.locales["it"])
    after, response = queries_of(client, "/sitemap.xml")
    assert after == before <= 6
    assert response.content.decode().count("<url>") == 6 * 8 + 10


def test_a_deep_page_is_found_in_one_query_for_the_whole_way(site, client):
    section = site.sections["en"]["introduction"]
    child = ContentPageFactory(parent=section, slug="child")
    grandchild = ContentPageFactory(parent=child, slug="grandchild", title="Deep down")
    assert client.get("/en/introduction/child/grandchild/").status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get("/en/introduction/child/grandchild/")
    assert "Deep down" in response.content.decode()
    routing = [q["sql"] for q in context.captured_queries if '"wagtailcore_page"."url_path" IN' in q["sql"]]
    assert len(routing) == 1
    child.unpublish()  # a page on the way need not be live, as with Wagtail's own walk; the page itself must
    assert client.get("/en/introduction/child/grandchild/").status_code == 200
    grandchild.refresh_from_db()
    grandchild.unpublish()
    assert client.get("/en/introduction/child/grandchild/").status_code == 404
    assert client.get("/en/introduction/nothing/grandchild/").status_code == 404
    assert client.get("/en/introduction/child/grandchild/more/").status_code == 404


def test_the_breadcrumbs_come_from_the_memo_with_their_titles_and_addresses(site, client):
    child = ContentPageFactory(parent=site.sections["en"]["introduction"], slug="child", title="A child")
    client.get("/en/introduction/child/")  # read and remembered
    html = client.get("/en/introduction/child/").content.decode()
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/en/"' in crumbs and 'href="/en/introduction/">I – Introduction</a>' in crumbs
    assert child.title in crumbs

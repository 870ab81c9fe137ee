"""The page cache: anonymous readers' public pages from the cache, never a signed-in reader's, invalidated by every
change a public page shows (in every language), with headers a CDN can use."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import Footer
from learners.factories import LEARNER_PASSWORD, LearnerFactory
from portal.pagecache import HIT_HEADER
from tests.trees import copy_of, shared, site_tree
from tests.utils import on_commit_executed

pytestmark = pytest.mark.usefixtures("page_cache")

built_tree = shared(site_tree, languages=["en", "it"])


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


def hit(response):
    return response.headers.get(HIT_HEADER) == "hit"


def served_twice(client, path):
    first = client.get(path)
    assert first.status_code == 200, path
    assert first.headers[HIT_HEADER] == "miss"
    return first, client.get(path)


def test_a_second_anonymous_request_is_served_from_the_cache_without_the_database(client, tree):
    first = client.get("/en/introduction/")
    assert first.headers[HIT_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/introduction/")
    assert hit(second)
    assert len(queries) == 0  # the test cache is in memory; the database's cache table would take two
    assert second.content == first.content
    for name in ("Content-Type", "Content-Language", "Content-Security-Policy", "X-Frame-Options"):
        assert second.headers[name] == first.headers[name], name


def test_cached_pages_say_what_a_cdn_may_keep_and_vary_on_nothing_per_reader(client, tree):
    first, second = served_twice(client, "/it/")
    for response in (first, second):
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert control == {"public", "max-age=60", "s-maxage=300"}
        assert "Cookie" not in response.headers.get("Vary", "")
        assert not response.cookies
    assert hit(second)


def test_head_is_served_from_the_cache_without_a_body(client, tree):
    first = client.get("/en/")
    head = client.head("/en/")
    assert hit(head)
    assert head.content == b""
    assert head["Content-Length"] == str(len(first.content))


def invalidated(client, path, change):
    """Whether `path`, cached, is rendered again after `change()` (its on-commit callbacks run)."""
    client.get(path)
    assert hit(client.get(path))
    with on_commit_executed():
        change()
    return not hit(client.get(path))


def test_publishing_a_page_invalidates_every_page_in_every_language(client, tree):
    intro = tree.sections["en"]["introduction"]

    def publish():
        intro.title = "Introduction (new)"
        intro.save_revision().publish()

    assert invalidated(client, "/it/documents/", publish)
    assert "Introduction (new)" in client.get("/en/").content.decode()


def test_unpublishing_moving_and_deleting_pages_invalidate(client, tree):
    sections = tree.sections["en"]
    assert invalidated(client, "/en/", sections["introduction"].unpublish)
    assert client.get("/en/introduction/").status_code == 404
    assert invalidated(client, "/en/", lambda: sections["documents"].move(sections["open-platform"], "last-child"))
    assert client.get("/en/open-platform/documents/").status_code == 200
    assert invalidated(client, "/en/", sections["cms-emerging-needs"].delete)


def test_a_snippet_saved_in_one_language_invalidates_the_pages(client, tree):
    footer = Footer.objects.get(pk=tree.footers["it"].pk)

    def save():
        footer.funding_statement = "Cofinanziato (nuovo)"
        footer.save()

    assert invalidated(client, "/it/", save)
    assert "Cofinanziato (nuovo)" in client.get("/it/").content.decode()


def test_a_translation_published_in_another_language_invalidates_the_source_language_pages(client, tree):
    italian = tree.sections["it"]["documents"]

    def publish():
        italian.title = "Documenti (nuovo)"
        italian.save_revision().publish()

    assert invalidated(client, "/en/", publish)


def test_a_new_view_restriction_takes_the_page_out_of_the_cache_at_once(client, tree):
    intro = tree.sections["en"]["introduction"]
    restrict = lambda: PageViewRestriction.objects.create(page=intro, restriction_type="login")  # noqa: E731
    assert invalidated(client, "/en/introduction/", restrict)
    assert client.get("/en/introduction/").status_code == 302
    assert client.get("/en/introduction/").status_code == 302


def test_a_password_form_with_its_csrf_token_is_never_stored(client, tree):
    intro = tree.sections["en"]["introduction"]
    with on_commit_executed():
        PageViewRestriction.objects.create(page=intro, restriction_type="password", password="secret")
    first = client.get("/en/introduction/")
    assert first.status_code == 200 and b"csrfmiddlewaretoken" in first.content
    assert HIT_HEADER not in first.headers
    assert not hit(client.get("/en/introduction/"))


@pytest.fixture
def learner_client(client, db):
    learner = LearnerFactory()
    assert client.post("/en/accounts/login/", {"login": learner.email, "password": LEARNER_PASSWORD}).status_code == 302
    return client


def test_a_signed_in_reader_is_never_served_the_cached_copy_and_never_stores_one(client, learner_client, tree):
    from django.test import Client

    anonymous = Client()
    anonymous.get("/en/")
    assert hit(anonymous.get("/en/"))
    mine = learner_client.get("/en/")
    assert HIT_HEADER not in mine.headers
    assert "Log out" in mine.content.decode() and "no-store" in mine["Cache-Control"]
    # What the signed-in reader saw was not stored for anyone.
    learner_client.get("/en/documents/")
    assert not hit(anonymous.get("/en/documents/"))
    assert "Log out" not in anonymous.get("/en/documents/").content.decode()


def test_the_learners_pages_and_the_admin_are_never_cached(client, learner_client, tree):
    for path in ("/en/my/", "/en/my/", "/admin/login/", "/admin/login/", "/en/accounts/login/"):
        assert HIT_HEADER not in learner_client.get(path).headers, path
    from django.test import Client

    anonymous = Client()
    for path in ("/admin/login/", "/en/accounts/login/", "/en/search/?q=guidance"):
        anonymous.get(path)
        assert HIT_HEADER not in anonymous.get(path).headers, path


def test_a_reader_with_a_message_waiting_is_not_served_from_the_cache(client, tree):
    client.get("/en/")
    client.cookies["messages"] = "x"
    assert HIT_HEADER not in client.get("/en/").headers


def test_nothing_is_cached_when_turned_off(client, tree):
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get("/en/")
        assert HIT_HEADER not in client.get("/en/").headers


def test_while_the_cache_cannot_be_reached_pages_are_served_uncached(client, tree, monkeypatch):
    from home import freshness

    monkeypatch.setattr(freshness, "_read", lambda: None)
    for _ in range(2):
        response = client.get("/en/")
        assert response.status_code == 200 and HIT_HEADER not in response.headers


def test_a_stopped_redis_serves_every_page_uncached_and_a_publish_still_works(client, tree):
    from portal import outages
    from tests.portal.test_outages import closed_port, redis_cache

    outages.cache.since, outages.cache.failures, outages.cache.last_failure = None, 0, 0.0
    try:
        with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/7")):
            for _ in range(2):
                response = client.get("/en/introduction/")
                assert response.status_code == 200 and HIT_HEADER not in response.headers
            intro = tree.sections["en"]["introduction"]
            intro.title = "Introduction (during the outage)"
            with on_commit_executed():
                intro.save_revision().publish()
            assert "Introduction (during the outage)" in client.get("/en/introduction/").content.decode()
    finally:
        outages.cache.since, outages.cache.failures, outages.cache.last_failure = None, 0, 0.0
        from home import freshness

        freshness._pending = False


def test_the_sitemap_is_cached_and_a_publish_renews_it(client, tree):
    intro = tree.sections["en"]["introduction"]
    assert invalidated(client, "/sitemap.xml", intro.unpublish)
    assert "/en/introduction/" not in client.get("/sitemap.xml").content.decode()


def test_an_unknown_host_is_refused_before_the_cache(client, tree):
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        assert client.get("/en/", HTTP_HOST="elsewhere.example").status_code == 400

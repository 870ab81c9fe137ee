"""A learner's portfolio is theirs alone, on every address: the owner's pages are walked from their space's
dashboard (as tests/learners/test_isolation.py walks part 1), every address and form found is then tried by a second
learner (404 for each one naming the owner's objects, nothing changed after a POST, none of the owner's texts on
their own pages) and by an anonymous visitor (sent to log in, as everywhere in the space); a shared page answers
404 once its link is revoked or expired, and for a file not on it."""

import datetime

import pytest
from django.utils import timezone

from learners.factories import LearnerFactory
from portfolio.factories import (
    EvidenceCompetenceFactory,
    FileEvidenceFactory,
    LinkEvidenceFactory,
    ShareLinkFactory,
    ShowcaseFactory,
    ShowcaseItemFactory,
)
from portfolio.models import Evidence, ShareLink, Showcase, ShowcaseItem
from tests.learners.test_isolation import crawl, one_of_everything, readable_text

SECRETS = ["Owner's private evidence", "Owner's private link", "Owner's private page", "Owner's private words"]


def owners_portfolio(owner):
    evidence = FileEvidenceFactory(user=owner, title="Owner's private evidence")
    EvidenceCompetenceFactory(evidence=evidence)
    link_evidence = LinkEvidenceFactory(user=owner, title="Owner's private link")
    showcase = ShowcaseFactory(user=owner, title="Owner's private page")
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=link_evidence, text="")
    ShowcaseItemFactory(showcase=showcase, text="Owner's private words")
    ShareLinkFactory(showcase=showcase)
    return showcase


def snapshot(owner):
    return {
        "evidence": list(Evidence.objects.filter(user=owner).values("pk", "title", "file", "kind")),
        "showcases": list(Showcase.objects.filter(user=owner).values("pk", "title", "intro")),
        "items": list(ShowcaseItem.objects.filter(showcase__user=owner).values("pk", "position", "text")),
        "links": list(ShareLink.objects.filter(showcase__user=owner).values("pk", "revoked_at", "expires_at")),
    }


def owned_ids(owner):
    return [
        str(pk)
        for queryset in (
            Evidence.objects.filter(user=owner),
            Showcase.objects.filter(user=owner),
            ShowcaseItem.objects.filter(showcase__user=owner),
        )
        for pk in queryset.values_list("pk", flat=True)
    ]


@pytest.fixture
def walked(platform, client):
    owner = LearnerFactory()
    one_of_everything(platform, owner)
    owners_portfolio(owner)
    client.force_login(owner)
    gets, posts = crawl(client, "/en/my/")
    client.logout()
    mine = {url for url in gets if url.startswith("/en/my/portfolio/")}
    my_posts = {url for url in posts if url.startswith("/en/my/portfolio/")}
    return owner, mine, my_posts


def test_the_walk_covers_every_kind_of_portfolio_address(walked):
    owner, gets, posts = walked
    showcase = Showcase.objects.get(user=owner)
    evidence = Evidence.objects.get(user=owner, kind=Evidence.FILE)
    for expected in [
        "/en/my/portfolio/",
        "/en/my/portfolio/evidence/new/text/",
        "/en/my/portfolio/evidence/new/link/",
        "/en/my/portfolio/evidence/new/file/",
        f"/en/my/portfolio/evidence/{evidence.pk}/",
        f"/en/my/portfolio/evidence/{evidence.pk}/delete/",
        f"/en/my/portfolio/evidence/{evidence.pk}/file/",
        "/en/my/portfolio/showcases/",
        "/en/my/portfolio/showcases/new/",
        f"/en/my/portfolio/showcases/{showcase.pk}/",
        f"/en/my/portfolio/showcases/{showcase.pk}/edit/",
        f"/en/my/portfolio/showcases/{showcase.pk}/preview/",
        f"/en/my/portfolio/showcases/{showcase.pk}/delete/",
    ]:
        assert expected in gets, expected
    kinds = {url.split("/")[-2] for url in posts}
    assert {"add", "text", "move", "remove", "links", "revoke", "delete"} <= kinds, sorted(posts)


def test_a_second_learner_gets_404_for_every_address_naming_the_owners_objects(walked, client):
    owner, gets, posts = walked
    before = snapshot(owner)
    keys = owned_ids(owner)
    client.force_login(LearnerFactory())
    named = 0
    for url in sorted(gets):
        response = client.get(url)
        if any(key in url for key in keys):
            named += 1
            assert response.status_code == 404, url
        else:
            assert response.status_code == 200, url
            assert not any(secret in readable_text(response) for secret in SECRETS), url
    for url in sorted(posts):
        if any(key in url for key in keys):
            named += 1
            data = {"title": "x", "text": "x", "direction": "up", "kind": "text", "target": keys[0]}
            assert client.post(url, data).status_code == 404, url
    assert named >= 15
    assert snapshot(owner) == before


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_address(walked, client):
    owner, gets, posts = walked
    before = snapshot(owner)
    for url in sorted(gets | posts):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/login/?next="), url
    for url in sorted(posts):
        assert client.post(url, {"direction": "up"}).status_code == 302, url
    assert snapshot(owner) == before


def test_every_address_of_the_portfolio_is_private(walked, client):
    owner, gets, _posts = walked
    client.force_login(owner)
    for url in sorted(gets):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


@pytest.mark.django_db
def test_revoked_and_expired_links_are_404_with_their_files(client):
    owner = LearnerFactory()
    showcase = owners_portfolio(owner)
    evidence = Evidence.objects.get(user=owner, kind=Evidence.FILE)
    link = ShareLink.objects.get(showcase=showcase)
    page, file = f"/en/shared/{link.token}/", f"/en/shared/{link.token}/evidence/{evidence.pk}/file/"
    assert client.get(page).status_code == 200 and client.get(file).status_code == 200
    for change in [{"revoked_at": timezone.now()}, {"expires_at": timezone.now() - datetime.timedelta(minutes=1)}]:
        ShareLink.objects.filter(pk=link.pk).update(**{"revoked_at": None, "expires_at": None, **change})
        assert client.get(page).status_code == 404
        assert client.get(file).status_code == 404
        for language in ["el", "es"]:
            assert client.get(page.replace("/en/", f"/{language}/")).status_code == 404
    other_showcase_link = ShareLinkFactory(showcase=ShowcaseFactory(user=owner))
    # a live link of another page of the same learner does not open this page's file
    assert client.get(f"/en/shared/{other_showcase_link.token}/evidence/{evidence.pk}/file/").status_code == 404

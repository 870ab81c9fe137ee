"""Every address of a group is for the accounts it is meant for: the pages are walked as the practitioner, as a
member who shares and as a peer member, and every address they link to or post to is tried by everyone else.

A learner outside the group, a member of another group, the practitioner of another group, a practitioner no longer
in the Practitioners group and the peer member (for what was not shared with the whole group) each get a 404 on every
address naming the group that is not theirs, and a POST changes nothing. An anonymous visitor is sent to log in from
every one of them, exactly as from an address that names nothing (so the answer says nothing of what exists). A
revoked or expired invitation's link answers 404 to everyone.
"""

import datetime
import re
import uuid
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from groups.factories import (
    CommentFactory,
    InvitationFactory,
    LearningGroupFactory,
    MembershipFactory,
    PractitionerFactory,
    ShareFactory,
)
from groups.models import Comment, Invitation, LearningGroup, Membership, Share
from learners.factories import AssessmentFactory, LearnerFactory
from portfolio.factories import EvidenceFactory, FileEvidenceFactory, ShowcaseFactory, ShowcaseItemFactory
from portfolio.models import ShowcaseItem

PREFIX = "/en/my/groups/"
SECRETS = ["Owner's private evidence", "Owner's showcase", "Practitioner's private feedback"]


def crawl(client, start=PREFIX):
    """Every address under /en/my/groups/ reachable from `start` by links (GET), and every form's action (POST)."""
    seen, posts, queue = set(), set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if "html" not in response.get("Content-Type", ""):
            continue
        html = BeautifulSoup(response.content, "html.parser")
        for link in html.select("a[href]"):
            href = urlsplit(link["href"])
            if href.path.startswith(PREFIX) and not href.netloc and "/leave/" not in href.path:
                queue.append(href.path)
        for field in html.select("input[readonly][value]"):  # an invitation's link, to copy
            href = urlsplit(field["value"])
            if href.path.startswith(PREFIX):
                queue.append(href.path)
        for form in html.select("form[method=post i]"):
            action = urlsplit(form.get("action") or url).path
            if action.startswith(PREFIX):
                posts.add(action)
    return seen, posts


@pytest.fixture
def world(platform, client):
    group = LearningGroupFactory(path_key=platform.path.translation_key, name="Tuesday group")
    owner = MembershipFactory(group=group).user
    peer = MembershipFactory(group=group).user
    InvitationFactory(group=group)
    private_evidence = EvidenceFactory(user=owner, title="Owner's private evidence")
    showcase = ShowcaseFactory(user=owner, title="Owner's showcase")
    in_showcase = FileEvidenceFactory(user=owner)
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=in_showcase)
    assessment = AssessmentFactory(user=owner)
    to_practitioner = ShareFactory(group=group, user=owner, assessment=assessment)
    evidence_share = ShareFactory(
        group=group, user=owner, kind=Share.EVIDENCE, assessment=None, evidence=private_evidence
    )
    to_group = ShareFactory(
        group=group, user=owner, kind=Share.SHOWCASE, assessment=None, showcase=showcase, audience=Share.GROUP
    )
    CommentFactory(share=to_practitioner, text="Practitioner's private feedback")
    CommentFactory(share=evidence_share, author=owner, text="Owner's answer")
    CommentFactory(share=to_group, author=peer, text="A peer's comment")
    CommentFactory(share=to_group, text="Practitioner's comment for all")
    peer_share = ShareFactory(group=group, user=peer, audience=Share.GROUP)

    walks = {}
    for name, account in [("practitioner", group.practitioner), ("owner", owner), ("peer", peer)]:
        client.force_login(account)
        walks[name] = crawl(client)
    client.logout()
    return {
        "group": group,
        "owner": owner,
        "peer": peer,
        "walks": walks,
        "peer_share": peer_share,
        "shares": [to_practitioner, evidence_share, to_group],
    }


def naming_the_group(urls, group):
    return sorted(url for url in urls if str(group.pk) in url or "/invite/" in url)


def snapshot():
    return {
        "groups": list(LearningGroup.objects.values("pk", "name", "path_key")),
        "memberships": list(Membership.objects.values("pk", "feedback_emails")),
        "shares": list(Share.objects.values("pk", "audience")),
        "comments": list(Comment.objects.values("pk", "text", "hidden_at")),
        "invitations": list(Invitation.objects.values("pk", "revoked_at")),
    }


def test_the_walks_reach_every_kind_of_address(world):
    gets, posts = world["walks"]["practitioner"]
    group = world["group"]
    for part in ["/feed/", "/invitations/", "/edit/", "/shares/", "/invite/"]:
        assert any(part in url for url in gets), part
    for part in ["/revoke/", "/comments/", "/hide/", "/edit/"]:
        assert any(part in url for url in posts), part
    owner_gets, owner_posts = world["walks"]["owner"]
    for part in ["/share/", "/unshare/", "/delete/", "/notifications/"]:
        assert any(part in url for url in owner_gets | owner_posts), part
    assert any("/files/" in url for url in gets | owner_gets)
    assert all(str(group.pk) in url for url in naming_the_group(gets, group) if "/invite/" not in url)


def every_address(world):
    gets, posts = set(), set()
    for walk_gets, walk_posts in world["walks"].values():
        gets |= walk_gets
        posts |= walk_posts
    group = world["group"]
    return naming_the_group(gets, group), naming_the_group(posts, group)


def outsiders(world):
    other_group = LearningGroupFactory(path_key=world["group"].path_key)
    member_elsewhere = MembershipFactory(group=other_group).user
    no_longer = world["group"].practitioner  # removed from the Practitioners group below
    return {
        "a learner outside the group": LearnerFactory(),
        "a member of another group": member_elsewhere,
        "the practitioner of another group": other_group.practitioner,
        "another practitioner without a group": PractitionerFactory(),
        "the practitioner once removed from the Practitioners group": no_longer,
    }


@pytest.mark.parametrize(
    "who",
    [
        "a learner outside the group",
        "a member of another group",
        "the practitioner of another group",
        "another practitioner without a group",
        "the practitioner once removed from the Practitioners group",
    ],
)
def test_everyone_outside_gets_404_on_every_address_and_changes_nothing(world, client, who):
    gets, posts = every_address(world)
    accounts = outsiders(world)
    if who.startswith("the practitioner once removed"):
        world["group"].practitioner.groups.clear()
    before = snapshot()
    client.force_login(accounts[who])
    for url in gets:
        if "/invite/" in url:
            continue  # an invitation's link is for anyone who has it (tested below)
        response = client.get(url)
        assert response.status_code == 404, (who, url, response.status_code)
    for url in posts:
        if "/invite/" in url:
            continue
        response = client.post(url, {"text": "x", "name": "x", "hidden": "1", "feedback_emails": ""})
        assert response.status_code == 404, (who, url, response.status_code)
    assert snapshot() == before


def test_the_peer_member_reaches_only_what_was_shared_with_the_whole_group(world, client):
    gets, posts = every_address(world)
    peer_gets, peer_posts = world["walks"]["peer"]
    before = snapshot()
    client.force_login(world["peer"])
    not_for_peer = [url for url in gets if url not in peer_gets and "/invite/" not in url]
    assert any(str(share.pk) in url for url in not_for_peer for share in world["shares"][:2])
    assert any("/invitations/" in url for url in not_for_peer)
    for url in not_for_peer:
        assert client.get(url).status_code == 404, url
    for url in posts:
        if url not in peer_posts and "/invite/" not in url:
            assert client.post(url, {"text": "x", "name": "x", "hidden": "1"}).status_code == 404, url
    assert snapshot() == before
    for url in sorted(peer_gets):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        assert "Practitioner's private feedback" not in text and "Owner's private evidence" not in text, url


def test_an_anonymous_visitor_is_sent_to_log_in_as_from_an_address_naming_nothing(world, client):
    gets, posts = every_address(world)
    group = world["group"]
    for url in [url for url in gets + posts if "/invite/" not in url]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/"), url
        invented = re.sub(str(group.pk), str(uuid.uuid4()), url)
        assert client.get(invented).status_code == 302, invented


def test_a_revoked_or_an_expired_invitation_is_a_404_for_everyone(world, client):
    invitation = world["group"].invitations.get()
    link = f"{PREFIX}invite/{invitation.token}/"
    assert client.get(link).status_code == 200
    for change in ["revoked", "expired"]:
        fresh = InvitationFactory(group=world["group"])
        if change == "revoked":
            fresh.revoked_at = timezone.now()
        else:
            fresh.expires_at = timezone.now() - datetime.timedelta(seconds=1)
        fresh.save()
        address = f"{PREFIX}invite/{fresh.token}/"
        for account in [None, LearnerFactory(), world["peer"], world["group"].practitioner]:
            client.logout()
            if account is not None:
                client.force_login(account)
            assert client.get(address).status_code == 404, (change, account)
            assert client.post(address).status_code == 404, (change, account)


def test_every_address_is_private_and_never_cached(world, client):
    gets, _posts = every_address(world)
    client.force_login(world["group"].practitioner)
    for url in gets:
        if url in world["walks"]["practitioner"][0]:
            cache_control = client.get(url)["Cache-Control"]
            assert "private" in cache_control and "no-store" in cache_control, url

"""Practitioner groups: who may create one, invitations (link, code, sign-up, revocation, expiry, limit), leaving,
sharing and unsharing, the practitioner's view (progress and group profile), the feed, comments and their e-mails."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groups.access import PRACTITIONERS_GROUP
from groups.factories import (
    CommentFactory,
    InvitationFactory,
    LearningGroupFactory,
    MembershipFactory,
    PractitionerFactory,
    ShareFactory,
)
from groups.models import Comment, LearningGroup, Membership, Share
from learners.erasure import erase_account
from learners.export import build_export, export_html
from learners.factories import AssessmentAnswerFactory, AssessmentFactory, LearnerFactory, StepProgressFactory
from learners.models import LearnerProfile
from portfolio.factories import PDF_BYTES, FileEvidenceFactory
from tests.learners.test_accounts import SIGNUP

User = get_user_model()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return " ".join(soup(response).get_text(" ").split())


def url(name, *args):
    return reverse(f"groups:{name}", args=args)


class TestPractitioners:
    def test_the_migration_creates_the_practitioners_group(self, db):
        assert Group.objects.filter(name=PRACTITIONERS_GROUP).exists()

    def test_a_learner_cannot_create_a_group(self, client, platform):
        client.force_login(LearnerFactory())
        assert client.get(url("create")).status_code == 404
        assert client.post(url("create"), {"name": "x"}).status_code == 404
        assert "Create a group" not in text(client.get(url("index")))

    def test_a_practitioner_creates_a_group_following_a_path(self, client, platform, practitioner):
        client.force_login(practitioner)
        form = soup(client.get(url("create")))
        assert form.select_one(f"option[value='{platform.path.translation_key}']")
        response = client.post(
            url("create"),
            {"name": "Grupo del martes", "language": "es", "path": str(platform.path.translation_key)},
        )
        group = LearningGroup.objects.get()
        assert response.status_code == 302 and response["Location"] == url("invitations", group.pk)
        key = platform.path.translation_key
        assert (group.practitioner, group.language, group.path_key) == (practitioner, "es", key)

    def test_a_group_without_a_path_is_refused_beside_the_field(self, client, platform, practitioner):
        client.force_login(practitioner)
        response = client.post(url("create"), {"name": "G", "language": "en", "path": "not-a-key"})
        assert response.status_code == 400
        assert soup(response).select_one(".journal-field--error #id_path")
        assert not LearningGroup.objects.exists()


class TestInvitations:
    def test_the_practitioner_makes_an_invitation_with_a_limit_and_an_expiry(self, client, group):
        client.force_login(group.practitioner)
        day = timezone.localdate() + datetime.timedelta(days=3)
        response = client.post(url("invitations", group.pk), {"expires_on": day.isoformat(), "member_limit": "2"})
        assert response.status_code == 302
        invitation = group.invitations.get()
        assert invitation.member_limit == 2 and invitation.expires_at > timezone.now()
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{8}", invitation.code) and len(invitation.token) >= 40
        page = text(client.get(url("invitations", group.pk)))
        assert invitation.code in page and invitation.token in str(client.get(url("invitations", group.pk)).content)

    def test_a_day_in_the_past_is_refused(self, client, group):
        client.force_login(group.practitioner)
        response = client.post(url("invitations", group.pk), {"expires_on": "2001-01-01"})
        assert response.status_code == 400 and "Choose today or a later day." in text(response)
        assert not group.invitations.exists()

    def test_a_visitor_who_signs_up_through_the_link_joins_at_once(self, client, group):
        invitation = InvitationFactory(group=group)
        page = client.get(url("invitation", invitation.token))
        assert page.status_code == 200 and "Create an account and join" in text(page)
        response = client.post("/en/accounts/signup/", SIGNUP)
        assert response.status_code == 302
        user = User.objects.get(email=SIGNUP["email"])
        membership = Membership.objects.get(user=user)
        assert (membership.group, membership.invitation) == (group, invitation)
        assert "groups_invitation" not in client.session

    def test_a_sign_up_without_an_invitation_joins_nothing(self, client, group):
        client.post("/en/accounts/signup/", SIGNUP)
        assert User.objects.filter(email=SIGNUP["email"]).exists() and not Membership.objects.exists()

    def test_a_signed_in_learner_joins_with_the_code(self, client, group):
        invitation = InvitationFactory(group=group)
        learner = LearnerFactory()
        client.force_login(learner)
        typed = f"{invitation.code[:4].lower()}-{invitation.code[4:]}"
        response = client.post(url("join"), {"code": typed})
        assert response["Location"] == url("invitation", invitation.token)
        response = client.post(url("invitation", invitation.token))
        assert response["Location"] == url("detail", group.pk)
        assert Membership.objects.filter(group=group, user=learner).exists()

    def test_a_wrong_code_says_so(self, client, group):
        client.force_login(LearnerFactory())
        response = client.post(url("join"), {"code": "ABCDEFGH"})
        assert response.status_code == 400 and "No valid invitation has this code" in text(response)

    @pytest.mark.parametrize("state", ["revoked", "expired"])
    def test_a_revoked_or_expired_invitation_answers_404(self, client, group, state):
        invitation = InvitationFactory(group=group)
        if state == "revoked":
            client.force_login(group.practitioner)
            client.post(url("revoke", group.pk, invitation.pk))
            client.logout()
        else:
            invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
            invitation.save()
        assert client.get(url("invitation", invitation.token)).status_code == 404
        client.force_login(LearnerFactory())
        assert client.get(url("invitation", invitation.token)).status_code == 404
        assert client.post(url("invitation", invitation.token)).status_code == 404
        assert client.post(url("join"), {"code": invitation.code}).status_code == 400
        assert not Membership.objects.exists()

    def test_a_full_invitation_refuses_the_next_learner(self, client, group):
        invitation = InvitationFactory(group=group, member_limit=1)
        MembershipFactory(group=group, invitation=invitation)
        client.force_login(LearnerFactory())
        response = client.post(url("invitation", invitation.token))
        assert response.status_code == 400 and "member limit" in text(response)
        assert group.memberships.count() == 1

    def test_the_practitioner_cannot_join_their_own_group(self, client, group):
        invitation = InvitationFactory(group=group)
        client.force_login(group.practitioner)
        assert client.post(url("invitation", invitation.token)).status_code == 400
        assert not group.memberships.exists()


class TestLeaving:
    def test_leaving_withdraws_every_share_at_once(self, client, group):
        share = ShareFactory(group=group, audience=Share.GROUP)
        member = share.user
        client.force_login(member)
        assert client.post(url("leave", group.pk))["Location"] == url("index")
        assert not Share.objects.exists() and not Membership.objects.exists()
        assert client.get(url("detail", group.pk)).status_code == 404
        client.force_login(group.practitioner)
        assert client.get(url("share", group.pk, share.pk)).status_code == 404


def completed_assessment(platform, user, levels):
    framework = platform.framework
    assessment = AssessmentFactory(user=user, framework_key=framework.framework.translation_key)
    for position, (competence, level) in enumerate(zip(framework.competences, levels, strict=False)):
        AssessmentAnswerFactory(
            assessment=assessment,
            area_code=competence.area.code,
            area_title=competence.area.title,
            competence_code=competence.code,
            competence_title=competence.title,
            position=position,
            level=level,
            level_count=3,
        )
    return assessment


class TestSharing:
    def test_a_member_shares_an_assessment_with_the_practitioner_only(self, client, platform, group):
        member = MembershipFactory(group=group).user
        peer = MembershipFactory(group=group).user
        assessment = completed_assessment(platform, member, [1, 2, 3])
        client.force_login(member)
        form = soup(client.get(url("share_new", group.pk)))
        assert form.select_one(f"option[value='assessment:{assessment.pk}']")
        response = client.post(
            url("share_new", group.pk),
            {"item": f"assessment:{assessment.pk}", "audience": Share.PRACTITIONER, "step": ""},
        )
        share = Share.objects.get()
        assert response["Location"] == url("share", group.pk, share.pk)
        client.force_login(group.practitioner)
        assert client.get(url("share", group.pk, share.pk)).status_code == 200
        client.force_login(peer)
        assert client.get(url("share", group.pk, share.pk)).status_code == 404
        assert assessment.framework_title not in text(client.get(url("feed", group.pk)))

    def test_a_member_cannot_share_someone_elses_item(self, client, platform, group):
        member = MembershipFactory(group=group).user
        other = completed_assessment(platform, LearnerFactory(), [1])
        client.force_login(member)
        response = client.post(url("share_new", group.pk), {"item": f"assessment:{other.pk}", "audience": "group"})
        assert response.status_code == 400 and not Share.objects.exists()

    def test_shared_with_the_group_it_is_in_the_feed_under_its_step_and_unsharing_removes_it(
        self, client, platform, group
    ):
        member = MembershipFactory(group=group).user
        peer = MembershipFactory(group=group).user
        assessment = completed_assessment(platform, member, [2])
        step = platform.steps[1]
        client.force_login(member)
        client.post(
            url("share_new", group.pk),
            {"item": f"assessment:{assessment.pk}", "audience": Share.GROUP, "step": str(step.translation_key)},
        )
        share = Share.objects.get()
        client.force_login(peer)
        feed = soup(client.get(url("feed", group.pk)))
        section = feed.find("h2", string=re.compile(step.title)).find_parent("section")
        assert section.select_one(f"a[href='{url('share', group.pk, share.pk)}']")
        client.force_login(member)
        assert client.post(url("unshare", group.pk, share.pk)).status_code == 302
        client.force_login(peer)
        assert client.get(url("share", group.pk, share.pk)).status_code == 404
        assert not Share.objects.exists()

    def test_only_the_owner_unshares(self, client, group):
        share = ShareFactory(group=group, audience=Share.GROUP)
        client.force_login(MembershipFactory(group=group).user)
        assert client.post(url("unshare", group.pk, share.pk)).status_code == 404
        assert Share.objects.filter(pk=share.pk).exists()


class TestPractitionerView:
    def test_each_members_progress_with_the_day_each_step_was_done(self, client, platform, group):
        member = MembershipFactory(group=group).user
        StepProgressFactory(user=member, step_key=platform.steps[0].translation_key)
        StepProgressFactory(user=member, step_key=platform.steps[1].translation_key)
        outside = LearnerFactory()
        StepProgressFactory(user=outside, step_key=platform.steps[2].translation_key)
        client.force_login(group.practitioner)
        page = soup(client.get(url("detail", group.pk)))
        row = page.select_one("table.group-progress tbody tr")
        assert "2 of 6" in row.get_text(" ")
        assert len(row.select("time")) == 2
        assert len(page.select("table.group-progress tbody tr")) == 1

    def test_the_group_profile_is_not_shown_for_fewer_than_three(self, client, platform, group):
        for levels in ([1, 1], [2, 2]):
            member = MembershipFactory(group=group).user
            ShareFactory(group=group, user=member, assessment=completed_assessment(platform, member, levels))
        client.force_login(group.practitioner)
        page = soup(client.get(url("detail", group.pk)))
        assert not page.select("table.group-profile")
        assert "not shown for fewer than 3 members" in page.get_text(" ")

    def test_the_group_profile_counts_each_level_and_links_what_serves_the_lowest(self, client, platform, group):
        for levels in ([1, 3], [1, 3], [2, 3]):
            member = MembershipFactory(group=group).user
            ShareFactory(group=group, user=member, assessment=completed_assessment(platform, member, levels))
        lowest = platform.framework.competences[0]
        resource = platform.framework.resources[0]
        resource.competences.set([lowest])
        resource.save_revision().publish()
        client.force_login(group.practitioner)
        page = soup(client.get(url("detail", group.pk)))
        rows = {
            row.th.get_text(" ", strip=True): [cell.get_text(strip=True) for cell in row.select("td")]
            for row in page.select("table.group-profile tbody tr")
        }
        assert rows[f"{lowest.code} {lowest.title}"] == ["2", "1", "0", "0"]
        second = platform.framework.competences[1]
        assert rows[f"{second.code} {second.title}"] == ["0", "0", "3", "0"]
        assert page.select_one(f"a[href='{resource.get_url()}']"), resource.get_url()


class TestComments:
    def test_practitioner_feedback_emails_the_member_in_their_language_and_the_member_answers(
        self, client, group, django_capture_on_commit_callbacks
    ):
        share = ShareFactory(group=group)
        member = share.user
        LearnerProfile.objects.filter(user=member).update(language="es")
        client.force_login(group.practitioner)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("comment", group.pk, share.pk), {"text": "Muy bien."})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [member.email]
        assert "/es/my/groups/" in message.body and "Muy bien." not in message.body  # the text stays on the site
        assert message.subject == "[LE.A.DE.R] Comentarios de tu profesional de la orientación en Tuesday group"
        client.force_login(member)
        page = text(client.get(url("share", group.pk, share.pk)))
        assert "Muy bien." in page
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("comment", group.pk, share.pk), {"text": "Gracias."})
        assert len(mail.outbox) == 1  # their own answer sends them nothing
        assert list(share.comments.values_list("text", flat=True)) == ["Muy bien.", "Gracias."]

    def test_a_member_who_turned_the_emails_off_gets_none(self, client, group, django_capture_on_commit_callbacks):
        share = ShareFactory(group=group)
        client.force_login(share.user)
        client.post(url("notifications", group.pk), {})
        assert not Membership.objects.get(user=share.user).feedback_emails
        client.force_login(group.practitioner)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            client.post(url("comment", group.pk, share.pk), {"text": "Seen."})
        assert callbacks == []
        assert mail.outbox == [] and share.comments.count() == 1

    def test_an_empty_comment_is_refused(self, client, group):
        share = ShareFactory(group=group)
        client.force_login(group.practitioner)
        response = client.post(url("comment", group.pk, share.pk), {"text": "   "})
        assert response.status_code == 400 and "Write a comment before sending it." in text(response)
        assert not Comment.objects.exists()

    def test_peers_comment_the_practitioner_hides_and_everyone_deletes_only_their_own(self, client, group):
        share = ShareFactory(group=group, audience=Share.GROUP)
        peer = MembershipFactory(group=group).user
        client.force_login(peer)
        client.post(url("comment", group.pk, share.pk), {"text": "Nice work, peer."})
        comment = Comment.objects.get()
        client.force_login(share.user)
        assert client.post(url("comment_delete", group.pk, comment.pk)).status_code == 404
        assert client.post(url("comment_hide", group.pk, comment.pk)).status_code == 404
        client.force_login(group.practitioner)
        client.post(url("comment_hide", group.pk, comment.pk), {"hidden": "1"})
        client.force_login(share.user)
        page = text(client.get(url("share", group.pk, share.pk)))
        assert "Nice work, peer." not in page and "hidden by the practitioner" in page
        client.force_login(peer)
        assert client.post(url("comment_delete", group.pk, comment.pk)).status_code == 302
        assert not Comment.objects.exists()


class TestQueryCounts:
    def populate(self, platform, group, members):
        for number in range(members):
            member = MembershipFactory(group=group).user
            StepProgressFactory(user=member, step_key=platform.steps[number % 6].translation_key)
            assessment = completed_assessment(platform, member, [1, 2])
            share = ShareFactory(group=group, user=member, audience=Share.GROUP, assessment=assessment)
            ShareFactory(group=group, user=member, audience=Share.PRACTITIONER)
            CommentFactory(share=share)
            CommentFactory(share=share, author=member)

    @pytest.mark.parametrize("page", ["detail", "feed"])
    def test_the_group_view_and_the_feed_do_not_grow_with_members_items_or_comments(
        self, client, platform, group, django_assert_max_num_queries, page
    ):
        self.populate(platform, group, 3)
        client.force_login(group.practitioner)
        client.get(url(page, group.pk))
        with CaptureQueriesContext(connection) as few:
            assert client.get(url(page, group.pk)).status_code == 200
        self.populate(platform, group, 6)
        with django_assert_max_num_queries(len(few)):
            response = client.get(url(page, group.pk))
        assert response.status_code == 200
        assert Membership.objects.filter(group=group).count() == 9


class TestPractitionerRemoved:
    def test_a_practitioner_removed_from_the_group_keeps_no_access(self, client, group):
        share = ShareFactory(group=group)
        comment = CommentFactory(share=share)
        practitioner = group.practitioner
        practitioner.groups.clear()
        client.force_login(practitioner)
        for address in [
            url("detail", group.pk),
            url("feed", group.pk),
            url("invitations", group.pk),
            url("share", group.pk, share.pk),
        ]:
            assert client.get(address).status_code == 404, address
        assert client.post(url("comment", group.pk, share.pk), {"text": "x"}).status_code == 404
        assert client.post(url("comment_hide", group.pk, comment.pk)).status_code == 404
        assert client.get(url("create")).status_code == 404


def test_another_practitioners_group_is_a_404(client, group):
    share = ShareFactory(group=group)
    client.force_login(LearningGroupFactory(practitioner=PractitionerFactory()).practitioner)
    assert client.get(url("detail", group.pk)).status_code == 404
    assert client.get(url("share", group.pk, share.pk)).status_code == 404


class TestDataRights:
    def test_the_export_has_the_memberships_shares_and_comments(self, client, group):
        share = ShareFactory(group=group, audience=Share.GROUP)
        member = share.user
        CommentFactory(share=share, author=member, text="My own answer")
        client.force_login(member)
        data = build_export(member)
        section = data["groups"]
        assert [item["group"] for item in section["memberships"]] == ["Tuesday group"]
        assert [(item["kind"], item["audience"]) for item in section["shares"]] == [("assessment", "group")]
        assert section["shares"][0]["item"].startswith("Self-assessment: Sample framework")
        assert [item["text"] for item in section["comments"]] == ["My own answer"]
        assert "My own answer" in export_html(member, data)

    def test_deleting_an_account_removes_memberships_and_shares_and_blanks_its_comments(self, client, group):
        share = ShareFactory(group=group, audience=Share.GROUP)
        peer = MembershipFactory(group=group).user
        own_share = ShareFactory(group=group, user=peer, audience=Share.GROUP)
        CommentFactory(share=share, author=peer, text="Peer's words on someone else's item")
        CommentFactory(share=own_share, text="Feedback on the peer's own item")
        erase_account(peer)
        assert not Membership.objects.filter(user_id=peer.pk).exists()
        assert list(Share.objects.all()) == [share]
        comment = Comment.objects.get()
        assert (comment.author, comment.text) == (None, "")
        client.force_login(share.user)
        page = text(client.get(url("share", group.pk, share.pk)))
        assert "deleted account" in page and "Peer's words" not in page


class TestFiles:
    def test_the_practitioner_opens_a_shared_evidence_file_until_it_is_unshared(self, client, group):
        member = MembershipFactory(group=group).user
        evidence = FileEvidenceFactory(user=member)
        share = ShareFactory(group=group, user=member, kind=Share.EVIDENCE, assessment=None, evidence=evidence)
        address = url("share_file", group.pk, share.pk, evidence.pk)
        client.force_login(group.practitioner)
        page = soup(client.get(url("share", group.pk, share.pk)))
        assert page.select_one(f"a[href='{address}']")
        response = client.get(address)
        assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF_BYTES
        other = FileEvidenceFactory(user=member)
        assert client.get(url("share_file", group.pk, share.pk, other.pk)).status_code == 404
        share.delete()
        assert client.get(address).status_code == 404

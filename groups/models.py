"""Practitioner groups: a practitioner's group of learners following a path, its invitations, its members, what
members chose to share with it and the comments on what they shared.

Nothing of a member reaches the group unless the member shares it (a `Share` row, which they can delete at any time);
leaving the group deletes their shares with it. A group names its path and pilot action by translation key, as
learners' rows do, so it reads the same in every language.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learners.models import Assessment
from portfolio.models import Evidence, Showcase

NAME_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 2000
# The short code a learner types: no 0/O, 1/I/L, so that it reads aloud and copies by hand without mistakes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_token():
    return secrets.token_urlsafe(32)


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class LearningGroup(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="led_groups", verbose_name=_("practitioner")
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    path_key = models.UUIDField(_("learning path"))
    pilot_action_key = models.UUIDField(_("pilot action"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name", "created_at"]

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """A way into a group: a link (a long random token) or the short code that finds the same invitation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    member_limit = models.PositiveIntegerField(_("member limit"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def expired(self, now=None):
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def usable(self, now=None):
        """Neither revoked nor expired (the member limit is checked when someone joins)."""
        return self.revoked_at is None and not self.expired(now)


class Membership(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    feedback_emails = models.BooleanField(_("e-mail me when feedback arrives"), default=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="groups_one_membership_per_group")]

    def __str__(self):
        return f"{self.user} in {self.group}"


class Share(models.Model):
    """One item a member shared with a group: with its practitioner alone, or with the whole group."""

    PRACTITIONER, GROUP = "practitioner", "group"
    AUDIENCES = [(PRACTITIONER, _("The group's practitioner only")), (GROUP, _("The whole group"))]
    ASSESSMENT, SHOWCASE, EVIDENCE = "assessment", "showcase", "evidence"
    KINDS = [(ASSESSMENT, _("Self-assessment")), (SHOWCASE, _("Showcase page")), (EVIDENCE, _("Evidence"))]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_shares")
    audience = models.CharField(_("shared with"), max_length=20, choices=AUDIENCES, default=PRACTITIONER)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, null=True, blank=True, related_name="group_shares"
    )
    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, null=True, blank=True, related_name="group_shares")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, null=True, blank=True, related_name="group_shares")
    step_key = models.UUIDField(_("path step"), null=True, blank=True)
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    class Meta:
        verbose_name = _("shared item")
        verbose_name_plural = _("shared items")
        ordering = ["-shared_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "assessment"], name="groups_share_an_assessment_once"),
            models.UniqueConstraint(fields=["group", "showcase"], name="groups_share_a_showcase_once"),
            models.UniqueConstraint(fields=["group", "evidence"], name="groups_share_an_evidence_once"),
            models.CheckConstraint(
                name="groups_share_points_at_its_kind",
                condition=(
                    models.Q(kind="assessment", assessment__isnull=False, showcase__isnull=True, evidence__isnull=True)
                    | models.Q(kind="showcase", assessment__isnull=True, showcase__isnull=False, evidence__isnull=True)
                    | models.Q(kind="evidence", assessment__isnull=True, showcase__isnull=True, evidence__isnull=False)
                ),
            ),
        ]

    def __str__(self):
        return f"{self.kind} of {self.user} in {self.group}"

    @property
    def item(self):
        return getattr(self, self.kind)

    def visible_to_group(self):
        return self.audience == self.GROUP


class Comment(models.Model):
    """Feedback from the practitioner, an answer of the member, or a peer's comment on an item shared with the group.

    A deleted account leaves its comments with their text blanked and no author, so that the thread still reads.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="group_comments"
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden by the practitioner"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

    @property
    def author_deleted(self):
        return self.author_id is None

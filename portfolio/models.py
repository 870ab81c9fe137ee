"""The learner's e-portfolio: evidence (a text, a link or a file), showcase pages composed of it, and secret links.

Every row belongs to one account and goes with it (`CASCADE`); ids in addresses are UUIDs. Competences are kept by
framework key and code with the texts the learner saw beside them, never by page id. Files live in
`storages["private"]` under a random name: the only way to read one is `portfolio.files.file_response`.

The models say nothing of who may see what beyond the owner: another part (practitioner groups) shares a `Showcase`
or an `Evidence` by pointing at it from its own rows, and decides there who may see it.
"""

import secrets
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learners.models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Assessment, Goal, Reflection

TOKEN_BYTES = 32  # a share link's token: 256 random bits, 43 characters of URL-safe base64


def private_storage():
    return storages["private"]


def evidence_file_name(instance, filename):
    """A random name that says nothing of the learner or of the file (its original name is kept in a column)."""
    return f"portfolio/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """What a learner shows of what they did: a text, a link or a file, with the competences it shows."""

    TEXT, LINK, FILE = "text", "link", "file"
    KINDS = [(TEXT, _("Text")), (LINK, _("Link")), (FILE, _("File"))]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS, default=TEXT)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=evidence_file_name, max_length=200, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence", verbose_name=_("goal")
    )
    step_key = models.UUIDField(_("path step"), null=True, blank=True)
    step_title = models.CharField(_("path step title"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["user", "-date"], name="portfolio_evidence_user_date")]

    def __str__(self):
        return self.title

    @property
    def is_file(self):
        return self.kind == self.FILE and bool(self.file)


class EvidenceCompetence(models.Model):
    """A competence a piece of evidence shows: by framework key and code, with the titles the learner read."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="competences")
    framework_key = models.UUIDField(_("framework"))
    framework_title = models.CharField(_("framework title"), max_length=255)
    competence_code = models.CharField(_("competence code"), max_length=20)
    competence_title = models.CharField(_("competence"), max_length=255)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("competence shown")
        verbose_name_plural = _("competences shown")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "framework_key", "competence_code"], name="portfolio_one_competence_per_evidence"
            )
        ]

    def __str__(self):
        return f"{self.competence_code} {self.competence_title}"


class Showcase(models.Model):
    """A page of the learner's portfolio they compose and may share: a title, an introduction and items in order."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="showcases")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    intro = models.TextField(_("introduction"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("showcase page")
        verbose_name_plural = _("showcase pages")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class ShowcaseItem(models.Model):
    """One item of a showcase, in the learner's order: a profile (of a self-assessment), a piece of evidence, a
    reflection, a goal, or a free text. Deleting what it points at removes the item."""

    PROFILE, EVIDENCE, REFLECTION, GOAL, TEXT = "profile", "evidence", "reflection", "goal", "text"
    KINDS = [
        (PROFILE, _("Profile")),
        (EVIDENCE, _("Evidence")),
        (REFLECTION, _("Reflection")),
        (GOAL, _("Goal")),
        (TEXT, _("Free text")),
    ]
    TARGETS = {PROFILE: "assessment", EVIDENCE: "evidence", REFLECTION: "reflection", GOAL: "goal"}

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    evidence = models.ForeignKey(
        Evidence, on_delete=models.CASCADE, null=True, blank=True, related_name="showcase_items"
    )
    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    heading = models.CharField(_("heading"), max_length=TITLE_MAX_LENGTH, blank=True)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("showcase item")
        verbose_name_plural = _("showcase items")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                name="portfolio_item_points_at_its_kind",
                condition=(
                    Q(
                        kind="profile",
                        assessment__isnull=False,
                        evidence__isnull=True,
                        reflection__isnull=True,
                        goal__isnull=True,
                    )
                    | Q(
                        kind="evidence",
                        assessment__isnull=True,
                        evidence__isnull=False,
                        reflection__isnull=True,
                        goal__isnull=True,
                    )
                    | Q(
                        kind="reflection",
                        assessment__isnull=True,
                        evidence__isnull=True,
                        reflection__isnull=False,
                        goal__isnull=True,
                    )
                    | Q(
                        kind="goal",
                        assessment__isnull=True,
                        evidence__isnull=True,
                        reflection__isnull=True,
                        goal__isnull=False,
                    )
                    | Q(
                        kind="text",
                        assessment__isnull=True,
                        evidence__isnull=True,
                        reflection__isnull=True,
                        goal__isnull=True,
                    )
                ),
            )
        ]

    def __str__(self):
        return f"{self.showcase_id} #{self.position} {self.kind}"

    @property
    def target(self):
        """What the item shows (an assessment, evidence, reflection or goal), None for a free text."""
        name = self.TARGETS.get(self.kind)
        return getattr(self, name) if name else None


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        """Links that open their showcase now: not revoked and not expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class ShareLink(models.Model):
    """A secret address of a showcase: whoever has it reads the page until the learner revokes it or it expires."""

    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="links")
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_viewed_at = models.DateTimeField(_("last viewed"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.showcase_id} {self.created_at:%Y-%m-%d}"

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @property
    def user(self):
        return self.showcase.user

"""The open platform: the paths editors write (pages), and what each learner keeps (private rows, their own alone).

A learner's rows point at the framework and the path by codes and translation keys, never by page id: the same
assessment, progress and goals show in every language, and later edits of the framework leave them readable as they
were made (each answer keeps the texts the learner saw).
"""

import uuid

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms_framework.models import PilotActionPage
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.forms import SameLanguageChoicesForm
from home.models import BasePage
from resources.models import ResourcePage

# Limits of what a learner writes, checked by the forms and kept by the columns.
NOTE_MAX_LENGTH = 500
TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000


# Pages: the paths and the privacy notice, written and translated by editors.


class PathPage(BasePage):
    """A step-by-step path of the open platform, such as "Improving my Career Management Skills"."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("introduction")]

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.ContentPage"]
    subpage_types = ["learners.StepPage"]

    class Meta:
        verbose_name = _("path")
        verbose_name_plural = _("paths")

    def steps(self):
        return StepPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from learners.paths import path_page_context  # learners.paths imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(path_page_context(self, request))
        return context


class StepPage(BasePage):
    """One step of a path: its text, the resources and pilot actions it uses, and what the learner does in it."""

    REFLECT, ASSESS, SUGGESTIONS, EXPLORE, GOALS, REVIEW = (
        "reflect",
        "assess",
        "suggestions",
        "explore",
        "goals",
        "review",
    )
    ACTIVITIES = [
        (REFLECT, _("Answer a reflection prompt")),
        (ASSESS, _("Take the self-assessment")),
        (SUGGESTIONS, _("Look at the resources suggested")),
        (EXPLORE, _("Explore careers and training")),
        (GOALS, _("Set goals")),
        (REVIEW, _("Review what was learned")),
    ]

    activity = models.CharField(_("what the learner does"), max_length=20, choices=ACTIVITIES, default=REFLECT)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    prompt = models.TextField(
        _("reflection prompt"), blank=True, help_text=_("The question the learner answers in a reflection.")
    )
    resources = ParentalManyToManyField(
        ResourcePage, blank=True, related_name="path_steps", verbose_name=_("Matrix resources used")
    )
    pilot_actions = ParentalManyToManyField(
        PilotActionPage, blank=True, related_name="path_steps", verbose_name=_("pilot actions used")
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("body"),
        TranslatableField("prompt"),
        SynchronizedField("activity"),
        SynchronizedField("resources"),
        SynchronizedField("pilot_actions"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("activity"), FieldPanel("prompt")], heading=_("What the learner does")),
        FieldPanel("body"),
        FieldPanel("resources", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pilot_actions", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.SearchField("prompt")]

    parent_page_types = ["learners.PathPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm

    class Meta:
        verbose_name = _("path step")
        verbose_name_plural = _("path steps")

    def get_context(self, request, *args, **kwargs):
        from learners.paths import step_page_context  # learners.paths imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(step_page_context(self, request))
        return context


class PrivacyNoticePage(BasePage):
    """What the open platform stores, why, for how long and who can see it; sign-up asks learners to accept it."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("body")]

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")


# A learner's own rows. Every one belongs to one account and goes with it.


class LearnerProfile(models.Model):
    """What sign-up records about a learner's account: their language and their consent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    privacy_accepted_at = models.DateTimeField(_("privacy notice accepted"))
    consent_confirmed_at = models.DateTimeField(_("age of consent or invitation confirmed"))

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return str(self.user)


class StepProgress(models.Model):
    """A step a learner has marked done, by the step's translation key (the same step in every language)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="step_progress")
    path_key = models.UUIDField(_("path"))
    step_key = models.UUIDField(_("step"))
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("step done")
        verbose_name_plural = _("steps done")
        constraints = [models.UniqueConstraint(fields=["user", "step_key"], name="learners_one_progress_per_step")]

    def __str__(self):
        return f"{self.step_key} {self.done_at:%Y-%m-%d}"


class Assessment(models.Model):
    """One self-assessment of a learner against one framework (by the framework's translation key and version)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    framework_key = models.UUIDField(_("framework"))
    framework_title = models.CharField(_("framework title"), max_length=255)
    framework_version = models.CharField(_("framework version"), max_length=50, blank=True)
    level_names = models.JSONField(_("level names"), default=list)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.framework_title} {self.started_at:%Y-%m-%d}"


class AssessmentAnswer(models.Model):
    """Where a learner placed themselves in one competence, with the texts they read when they answered."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    area_code = models.CharField(_("area code"), max_length=20)
    area_title = models.CharField(_("area"), max_length=255)
    competence_code = models.CharField(_("competence code"), max_length=20)
    competence_title = models.CharField(_("competence"), max_length=255)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True, help_text=_("Empty: not sure yet."))
    level_count = models.PositiveSmallIntegerField(_("number of levels"))
    statement = models.TextField(_("statement chosen"), blank=True)
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competence_code"], name="learners_one_answer_per_competence")
        ]

    def __str__(self):
        return f"{self.competence_code}: {self.level or '?'}/{self.level_count}"


class Reflection(models.Model):
    """A learner's answer to a step's prompt, or a reflection of their own."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections")
    step_key = models.UUIDField(_("step"), null=True, blank=True)
    prompt = models.TextField(_("prompt"), blank=True)
    text = models.TextField(_("reflection"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class Goal(models.Model):
    """A goal of a learner's action plan, with the competences it works on (by code) and its actions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=TITLE_MAX_LENGTH)
    why = models.TextField(_("why it matters"), max_length=TEXT_MAX_LENGTH, blank=True)
    competence_codes = models.JSONField(_("competences"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["created_at"]

    def __str__(self):
        return self.title


class GoalAction(models.Model):
    PLANNED, IN_PROGRESS, DONE = "planned", "in_progress", "done"
    STATUSES = [(PLANNED, _("Planned")), (IN_PROGRESS, _("In progress")), (DONE, _("Done"))]

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=TITLE_MAX_LENGTH)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=PLANNED)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

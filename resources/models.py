"""The Matrix of Career Management Skills Resources: the index page (matrix, filters, exports) and the resources."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms_framework.choices import COUNTRIES, RESOURCE_LANGUAGE_NAMES, RESOURCE_LANGUAGES, SETTINGS, TARGET_GROUPS
from cms_framework.choices import country_name as _country_name
from cms_framework.forms import SameLanguageChoicesForm
from cms_framework.models import Competence, FrameworkAreaPage, LearningOutcomePage, PilotActionPage, validate_code
from home.blocks import BodyBlock
from home.models import BasePage

CATEGORIES = [
    ("presentations", _("Presentations, activities and handouts")),
    ("websites", _("Websites")),
    ("videos", _("Videos")),
    ("tools", _("Career tools")),
]
CATEGORY_CODES = [code for code, _label in CATEGORIES]


class LanguageListField(models.Field):
    """Language codes stored as one comma-separated string ("en,it"), a list in Python, checkboxes in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        return "CharField"

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [code for code in value if code]
        return [code for code in str(value).split(",") if code]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value if code not in RESOURCE_LANGUAGE_NAMES]
        if unknown:
            raise ValidationError(_("Unknown language code: %(codes)s") % {"codes": ", ".join(unknown)})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=RESOURCE_LANGUAGES,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def language_lookup(code):
    """A filter for resources available in one language (the field holds "en,it")."""
    return models.Q(languages__regex=rf"(^|,){re.escape(code)}(,|$)")


class ResourceIndexPage(BasePage):
    """The Matrix: framework areas against the four categories, and the filterable list of resources below it."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource matrix")
        verbose_name_plural = _("resource matrices")

    def serve(self, request, *args, **kwargs):
        from resources.views import serve_matrix

        return serve_matrix(self, request, super().serve, *args, **kwargs)


class ResourcePage(BasePage):
    """A resource of the Matrix, linked to the framework, the learning outcomes and the pilot actions that used it."""

    key = models.CharField(
        _("key"),
        max_length=60,
        validators=[validate_code],
        help_text=_("A stable identifier, the same in every language; spreadsheet imports match resources by it."),
    )
    category = models.CharField(_("category"), max_length=20, choices=CATEGORIES)
    description = models.TextField(_("description"), blank=True)
    instructions = models.TextField(_("instructions for use"), blank=True)
    languages = LanguageListField(
        _("languages of the resource"), help_text=_("The languages the resource itself is available in.")
    )
    country = models.CharField(_("country of origin"), max_length=2, choices=COUNTRIES)
    provider = models.CharField(_("provider"), max_length=255, blank=True)
    target_group = models.CharField(_("target group"), max_length=30, choices=TARGET_GROUPS, blank=True)
    setting = models.CharField(_("setting"), max_length=20, choices=SETTINGS, blank=True)
    duration = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    url = models.URLField(_("link"), blank=True, max_length=500)
    video_url = models.URLField(_("video link"), blank=True, max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    link_checked = models.DateField(_("link last checked"), null=True, blank=True)
    areas = ParentalManyToManyField(
        FrameworkAreaPage, blank=True, related_name="resources", verbose_name=_("framework areas")
    )
    competences = ParentalManyToManyField(
        Competence, blank=True, related_name="resources", verbose_name=_("competences")
    )
    learning_outcomes = ParentalManyToManyField(
        LearningOutcomePage, blank=True, related_name="resources", verbose_name=_("learning outcomes supported")
    )
    pilot_actions = ParentalManyToManyField(
        PilotActionPage, blank=True, related_name="resources", verbose_name=_("pilot actions that used it")
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("description"),
        TranslatableField("instructions"),
        SynchronizedField("key"),
        SynchronizedField("category"),
        SynchronizedField("languages"),
        SynchronizedField("country"),
        SynchronizedField("provider"),
        SynchronizedField("target_group"),
        SynchronizedField("setting"),
        SynchronizedField("duration"),
        SynchronizedField("licence"),
        SynchronizedField("url"),
        SynchronizedField("video_url"),
        SynchronizedField("document"),
        SynchronizedField("link_checked"),
        SynchronizedField("areas"),
        SynchronizedField("competences"),
        SynchronizedField("learning_outcomes"),
        SynchronizedField("pilot_actions"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("key"), FieldPanel("category")]), FieldPanel("description")],
            heading=_("The resource"),
        ),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("provider")]),
                FieldRowPanel([FieldPanel("target_group"), FieldPanel("setting")]),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("licence")]),
            ],
            heading=_("Details"),
        ),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("video_url"), FieldPanel("document"), FieldPanel("link_checked")],
            heading=_("Where to find it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("learning_outcomes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("pilot_actions", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Links to the framework"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("instructions"),
        index.SearchField("provider"),
        index.FilterField("category"),
        index.FilterField("country"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["key"]), models.Index(fields=["category", "country"])]

    def clean(self):
        super().clean()
        if not self.key:
            return
        clash = ResourcePage.objects.filter(key=self.key, locale_id=self.locale_id)
        if self.translation_key:
            clash = clash.exclude(translation_key=self.translation_key)
        if clash.exists():
            raise ValidationError({"key": _("Another resource in this language already uses this key.")})

    @property
    def country_name(self):
        return _country_name(self.country)

    @property
    def language_names(self):
        return [RESOURCE_LANGUAGE_NAMES.get(code, code) for code in self.languages]

    @property
    def languages_with_names(self):
        return [(code, RESOURCE_LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    def get_context(self, request, *args, **kwargs):
        from cms_framework.models import localized_areas

        context = super().get_context(request, *args, **kwargs)
        context["areas"] = localized_areas(self.areas.all(), self.locale_id)
        context["competences"] = localized_competences(self.competences.all(), self.locale_id)
        context["outcomes"] = localized_by_key(LearningOutcomePage, self.learning_outcomes.all(), self.locale_id)
        context["pilots"] = localized_by_key(PilotActionPage, self.pilot_actions.all(), self.locale_id)
        return context


def localized_competences(competences, locale_id):
    competences = list(competences)
    codes = [competence.code for competence in competences]
    found = {c.code: c for c in Competence.objects.filter(code__in=codes, locale_id=locale_id)}
    return [found.get(competence.code, competence) for competence in competences]


def localized_by_key(model, pages, locale_id):
    """Chosen pages (kept as the source language's pages) as the live pages of this language, in one query."""
    pages = list(pages)
    found = {
        page.translation_key: page
        for page in model.objects.live().filter(
            translation_key__in=[p.translation_key for p in pages], locale_id=locale_id
        )
    }
    return [found[p.translation_key] for p in pages if p.translation_key in found]

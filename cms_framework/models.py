"""Career Management Skills frameworks (areas, competences, levels), practitioner learning outcomes, pilot actions."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms_framework.choices import COUNTRIES, SETTINGS, country_name
from cms_framework.filters import PilotActionFilterSet
from home.blocks import RICH_TEXT_FEATURES, BodyBlock, LinkListBlock
from home.codes import CODE_HELP, UniqueInLanguageMixin, validate_code
from home.filters import FilteredIndexMixin
from home.folding import collated
from home.forms import SameLanguageChoicesForm
from home.i18n import localize, localize_link_blocks
from home.models import BasePage


class LevelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Level")


class FrameworkPage(BasePage):
    """One framework: the project's own sample, or a partner's national framework beside it."""

    version = models.CharField(_("version"), max_length=50, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True, help_text=_("Who wrote the framework."))
    source_url = models.URLField(_("source address"), blank=True)
    citation = models.TextField(_("citation"), blank=True, help_text=_("How to cite the framework."))
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    theory = RichTextField(
        _("theory and research"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The theory and research the framework rests on."),
    )
    levels = StreamField(
        [("level", LevelBlock())],
        blank=True,
        verbose_name=_("learning levels"),
        help_text=_("The phases or proficiency levels of the framework, in order from the first to the last."),
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("source"),
        TranslatableField("citation"),
        TranslatableField("introduction"),
        TranslatableField("theory"),
        TranslatableField("levels"),
        SynchronizedField("version"),
        SynchronizedField("licence"),
        SynchronizedField("source_url"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("licence")]),
                FieldPanel("source"),
                FieldPanel("source_url"),
                FieldPanel("citation"),
            ],
            heading=_("About this framework"),
        ),
        FieldPanel("introduction"),
        FieldPanel("theory"),
        FieldPanel("levels"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("theory")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms_framework.FrameworkAreaPage"]

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    @property
    def level_names(self):
        return [block.value["name"] for block in self.levels]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = FrameworkAreaPage.objects.child_of(self).live().public().prefetch_related("competences")
        return context


class FrameworkAreaPage(UniqueInLanguageMixin, BasePage):
    """An area (domain) of a framework with its competences, each described at every level of the framework."""

    code = models.CharField(_("code"), max_length=20, validators=[validate_code], help_text=CODE_HELP)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [
        *BasePage.base_translatable_fields,
        SynchronizedField("code"),
        TranslatableField("body"),
        TranslatableField("competences"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("code"),
        FieldPanel("body"),
        InlinePanel("competences", heading=_("Competences"), label=_("Competence")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("code")]

    parent_page_types = ["cms_framework.FrameworkPage"]
    subpage_types = []

    unique_in_language_message = _("Another framework area already uses this code.")

    class Meta:
        verbose_name = _("framework area")
        verbose_name_plural = _("framework areas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        framework = self.get_parent().specific
        context["framework"] = framework
        context["competences"] = [
            (competence, list(zip(framework.level_names, competence.descriptor_texts, strict=False)))
            for competence in self.competences.all()
        ]
        context["pilot_actions"] = (
            PilotActionPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, areas__code=self.code)
            .distinct()
            .order_by(collated("title", self.locale.language_code))
        )
        return context


class Competence(UniqueInLanguageMixin, TranslatableMixin, Orderable):
    """A competence of an area, edited inline on the area page and translated with it."""

    area = ParentalKey(FrameworkAreaPage, on_delete=models.CASCADE, related_name="competences")
    code = models.CharField(_("code"), max_length=20, validators=[validate_code], help_text=CODE_HELP)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    descriptors = StreamField(
        [("descriptor", blocks.TextBlock(label=_("Descriptor")))],
        blank=True,
        verbose_name=_("level descriptors"),
        help_text=_("One descriptor for each level of the framework, in the order of the levels."),
    )
    statements = StreamField(
        [("statement", blocks.TextBlock(label=_("Statement")))],
        blank=True,
        verbose_name=_("learner statements"),
        help_text=_(
            "One “I can …” statement for each level, in the order of the levels, as learners read them when they "
            "assess themselves. Without them, learners read the level descriptors."
        ),
    )

    translatable_fields = [
        SynchronizedField("code"),
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("descriptors"),
        TranslatableField("statements"),
    ]

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("descriptors"),
        FieldPanel("statements"),
    ]

    unique_in_language_message = _("Another competence already uses this code.")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def descriptor_texts(self):
        return [block.value for block in self.descriptors]

    @property
    def statement_texts(self):
        """What a learner reads for each level: the learner statements, or the descriptors where there are none."""
        return [block.value for block in self.statements] or self.descriptor_texts


class LearningOutcomePage(BasePage):
    """One of the four learning outcomes for practitioners: the statement, what is expected, and what helps."""

    number = models.PositiveSmallIntegerField(_("number"), default=1)
    statement = models.CharField(_("statement"), max_length=255, help_text=_("The “I know / I can” statement."))
    expectation = RichTextField(
        _("what is expected"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What is expected of the practitioner."),
    )
    helps = StreamField(
        LinkListBlock(),
        blank=True,
        verbose_name=_("what helps"),
        help_text=_("Links to the framework, pilot actions, the pilot report and resources that help."),
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        SynchronizedField("number"),
        TranslatableField("statement"),
        TranslatableField("expectation"),
        TranslatableField("helps"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("statement")]),
        FieldPanel("expectation"),
        FieldPanel("helps"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("statement"), index.SearchField("expectation")]

    parent_page_types = ["home.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning outcome")
        verbose_name_plural = _("learning outcomes")

    def description_fallback(self):
        return self.statement

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["help_links"] = localize_link_blocks(self.helps, request)
        return context


class PilotActionIndexPage(FilteredIndexMixin, BasePage):
    """The pilot actions of the partners, filterable by country, setting and framework area."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms_framework.PilotActionPage"]

    class Meta:
        verbose_name = _("pilot action index")
        verbose_name_plural = _("pilot action indexes")

    filterset_class = PilotActionFilterSet

    def get_filterset(self, request):
        return self.filterset_class(
            request.GET,
            queryset=PilotActionPage.objects.child_of(self).live().public().order_by("path"),
            areas=FrameworkAreaPage.objects.live().filter(locale_id=self.locale_id).order_by("path"),
        )

    def get_results(self, filterset):
        return list(filterset.qs.prefetch_related("areas"))


class PilotActionPage(BasePage):
    """A pilot action: where, with whom and what was done, how it was evaluated, and the resources it used."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    organisation = models.CharField(_("partner organisation"), max_length=255)
    setting = models.CharField(_("setting"), max_length=20, choices=SETTINGS)
    target_group = models.CharField(_("target group"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    areas = ParentalManyToManyField(
        FrameworkAreaPage, blank=True, related_name="pilot_actions", verbose_name=_("framework areas addressed")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("what was done"))
    evaluation = RichTextField(_("evaluation and results"), blank=True, features=RICH_TEXT_FEATURES)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pilot report"),
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("organisation"),
        TranslatableField("target_group"),
        TranslatableField("body"),
        TranslatableField("evaluation"),
        SynchronizedField("country"),
        SynchronizedField("setting"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("participants"),
        SynchronizedField("areas"),
        SynchronizedField("report"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("setting")]),
                FieldPanel("organisation"),
                FieldPanel("target_group"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("participants")]),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("The pilot action"),
        ),
        FieldPanel("body"),
        FieldPanel("evaluation"),
        FieldPanel("report"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("organisation"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("setting"),
    ]

    parent_page_types = ["cms_framework.PilotActionIndexPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm

    class Meta:
        verbose_name = _("pilot action")
        verbose_name_plural = _("pilot actions")

    @property
    def country_name(self):
        return country_name(self.country)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = localize(self.areas.all(), self.locale.language_code)
        return context

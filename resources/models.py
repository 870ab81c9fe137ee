"""The Matrix of Career Management Skills Resources: the index page (matrix, filters, exports) and the resources."""

import uuid
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms_framework.choices import COUNTRIES, SETTINGS, country_name
from cms_framework.models import Competence, FrameworkAreaPage, FrameworkPage, LearningOutcomePage, PilotActionPage
from home.blocks import BodyBlock
from home.codes import UniqueInLanguageMixin, validate_code
from home.filters import FilteredIndexMixin
from home.folding import collated
from home.forms import SameLanguageChoicesForm
from home.i18n import localize
from home.models import BasePage
from home.structured_data import CONTEXT, iso_duration
from resources import matrix
from resources.choices import CATEGORIES, RESOURCE_LANGUAGE_NAMES, TARGET_GROUPS
from resources.fields import LanguageListField
from resources.filters import ResourceFilterSet
from resources.spreadsheet import with_relations


class ResourceIndexPage(FilteredIndexMixin, BasePage):
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

    filterset_class = ResourceFilterSet
    paginate_by = 20

    def get_filterset(self, request):
        return self.filterset_of(request.GET)

    def filterset_of(self, data):
        """The Matrix's FilterSet over this language's live resources, for the given URL data."""
        competences = Competence.objects.filter(locale_id=self.locale_id, area__live=True).order_by(
            "area__path", "sort_order"
        )
        return self.filterset_class(
            data,
            queryset=self.live_resources(),
            areas=list(FrameworkAreaPage.objects.live().public().filter(locale_id=self.locale_id).order_by("path")),
            competences=competences.values_list("code", "title"),
        )

    def title_order(self):
        """The resources' titles in the alphabetical order of the Matrix's language."""
        return collated("title", self.locale.language_code)

    def live_resources(self):
        return ResourcePage.objects.live().public().filter(locale_id=self.locale_id)

    def get_results(self, filterset):
        results = filterset.qs.order_by(self.title_order(), "pk").only(*matrix.LIST_FIELDS).prefetch_related("areas")
        # The number of results of these filters (the paginator's COUNT, which reads every resource of the language)
        # changes only on publish: kept per content generation, language and filters, as the grid's counts are (the
        # generation read here, without the request, is read before the count is made, so never newer than it).
        filters = {name: value for name, value in filterset.form.cleaned_data.items() if name != "page" and value}
        key = f"count:{self.locale_id}:{sorted(filters.items())!r}"
        return matrix.CountedResults(results, matrix.cached(None, key, results.count))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        frameworks = FrameworkPage.objects.live().public().filter(locale_id=self.locale_id).order_by("path")
        # The counts change only when a resource is published: kept per content generation and language.
        counts = matrix.cached(request, f"grid:{self.locale_id}", lambda: matrix.grid_counts(self.live_resources()))
        context["grid"] = matrix.grid(frameworks, context["filterset"].areas, counts)
        context["categories"] = CATEGORIES
        state = "" if context["invalid"] else context["filterset"].state()
        # The resources' links carry the list's place, so that their "back to the Matrix" returns to it.
        context["back_query"] = "?" + urlencode({"back": state}) if state else ""
        context["reader_language_name"] = get_language_info(self.locale.language_code)["name_local"]
        return context

    def url_of_state(self, request, text):
        """The Matrix's address with the filters and page a resource link carried in `text`, when they are this
        Matrix's own and valid; the plain address otherwise. Always this page's own (local) address."""
        url = self.get_url(request)
        data = self.filterset_class.state_data(text)
        if data is None:
            return url
        filterset = self.filterset_of(data)
        state = filterset.state() if filterset.is_valid() else ""
        return f"{url}?{state}#results" if state else url

    def serve(self, request, *args, **kwargs):
        filterset = self.filterset_for(request)
        download = request.GET.get("format")
        if download in matrix.DOWNLOAD_FORMATS:
            if not filterset.is_valid():
                return matrix.filter_errors_response(filterset.form)
            resources = with_relations(filterset.qs.order_by(self.title_order(), "pk"))
            return matrix.download_response(request, self.locale.language_code, filterset, resources, download)
        return super().serve(request, *args, **kwargs)


class ResourcePage(UniqueInLanguageMixin, BasePage):
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
    # At most the largest integer PostgreSQL's column holds, on every database (SQLite would take 64 bits).
    duration = models.PositiveIntegerField(
        _("duration in minutes"), null=True, blank=True, validators=[MaxValueValidator(2_147_483_647)]
    )
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

    unique_in_language_field = "key"
    unique_in_language_message = _("Another resource in this language already uses this key.")

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["key"]), models.Index(fields=["category", "country"])]

    def description_fallback(self):
        return Truncator(self.description).chars(160)

    def structured_data(self, request):
        """The breadcrumbs, and the resource as a schema.org LearningResource."""
        page_url = self.get_full_url(request)
        resource = {
            "@context": CONTEXT,
            "@type": "LearningResource",
            "name": self.title,
            "description": self.meta_description,
            "url": self.url or page_url,
            "mainEntityOfPage": page_url,
            "inLanguage": list(self.languages),
            "learningResourceType": str(self.get_category_display()),
            "countryOfOrigin": {"@type": "Country", "name": str(self.country_name)},
        }
        if self.target_group:
            resource["audience"] = {
                "@type": "EducationalAudience",
                "educationalRole": str(self.get_target_group_display()),
            }
        if self.duration:
            resource["timeRequired"] = iso_duration(self.duration)
        if self.provider:
            resource["provider"] = {"@type": "Organization", "name": self.provider}
        if self.licence:
            resource["license"] = self.licence
        if self.last_published_at:
            resource["dateModified"] = self.last_published_at.date().isoformat()
        return [*super().structured_data(request), resource]

    @property
    def country_name(self):
        return country_name(self.country)

    @property
    def language_names(self):
        return [RESOURCE_LANGUAGE_NAMES.get(code, code) for code in self.languages]

    @property
    def languages_with_names(self):
        return [(code, RESOURCE_LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        context["areas"] = localize(self.areas.all(), language)
        context["competences"] = localize(self.competences.all(), language)
        context["outcomes"] = localize(self.learning_outcomes.all(), language)
        context["pilots"] = localize(self.pilot_actions.all(), language)
        parent = self.get_parent().specific
        if isinstance(parent, ResourceIndexPage):
            context["matrix_url"] = parent.url_of_state(request, request.GET.get("back", ""))
        return context


class ImportRun(models.Model):
    """A spreadsheet import run in the background (one of more rows than `BACKGROUND_ROWS`): its file until it has
    run, then its report, which the editor who started it reads in the admin (`resources_import_runs`)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    interface_language = models.CharField(max_length=10, default="en")  # the language of the report's messages
    file_name = models.CharField(_("file"), max_length=255)
    data = models.BinaryField(blank=True)  # the uploaded file, emptied once it has been read
    dry_run = models.BooleanField(_("dry run"), default=False)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    status = models.CharField(_("state"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    report = models.JSONField(default=dict, blank=True)  # ImportReport.as_dict()
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("resource import")
        verbose_name_plural = _("resource imports")

    def __str__(self):
        return self.file_name

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

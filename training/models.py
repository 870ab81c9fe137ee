"""The catalogue of training opportunities: the index page (filters, list) and the opportunities."""

import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms_framework.choices import COUNTRIES, country_name
from cms_framework.models import FrameworkAreaPage
from home.blocks import BodyBlock
from home.codes import UniqueInLanguageMixin, validate_code
from home.filters import FilteredIndexMixin
from home.folding import collated
from home.forms import SameLanguageChoicesForm
from home.i18n import localize
from home.models import BasePage
from home.structured_data import CONTEXT
from resources import matrix
from resources.choices import RESOURCE_LANGUAGE_NAMES
from resources.fields import LanguageListField
from training.choices import COSTS, DURATION_UNITS, ISO_DESIGNATORS, KINDS, duration_text, eqf_level_name
from training.filters import TrainingFilterSet
from training.spreadsheet import training_row, with_relations, write_training_csv

# What the list of results shows of each opportunity.
LIST_FIELDS = [
    "id",
    "path",
    "url_path",
    "depth",
    "title",
    "slug",
    "locale",
    "summary",
    "description",
    "kind",
    "country",
    "city",
    "online",
    "languages",
    "provider",
    "eqf_level",
    "cost",
]


class TrainingIndexPage(FilteredIndexMixin, BasePage):
    """The catalogue: the filterable list of one language's training opportunities."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    filterset_class = TrainingFilterSet
    paginate_by = 20

    def get_filterset(self, request):
        return self.filterset_of(request.GET)

    def filterset_of(self, data):
        """The catalogue's FilterSet over this language's live opportunities, for the given URL data."""
        areas = FrameworkAreaPage.objects.live().public().filter(locale_id=self.locale_id).order_by("path")
        return self.filterset_class(data, queryset=self.live_training(), areas=list(areas.only("code", "title")))

    def live_training(self):
        return TrainingPage.objects.live().public().filter(locale_id=self.locale_id)

    def title_order(self):
        """The titles in the alphabetical order of the catalogue's language."""
        return collated("title", self.locale.language_code)

    def get_results(self, filterset):
        return filterset.qs.order_by(self.title_order(), "pk").only(*LIST_FIELDS)

    def serve(self, request, *args, **kwargs):
        """The page; with `?format=csv`, the filtered list (every page of it) in the import's columns."""
        if request.GET.get("format") == "csv":
            filterset = self.filterset_for(request)
            if not filterset.is_valid():
                return matrix.filter_errors_response(filterset.form)
            return self.data_download(filterset)
        return super().serve(request, *args, **kwargs)

    def data_download(self, filterset):
        language = self.locale.language_code
        pages = with_relations(filterset.qs.order_by(self.title_order(), "pk"))
        stream = io.StringIO()
        write_training_csv([training_row(page) for page in pages], stream)
        response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="training-{language}.csv"'
        return matrix.cacheable(response, language)


class TrainingPage(UniqueInLanguageMixin, BasePage):
    """A training opportunity: who offers it, where and how, at which level, in which languages, for how long, at
    what cost, and the framework areas it develops."""

    key = models.CharField(
        _("key"),
        max_length=60,
        validators=[validate_code],
        help_text=_("A stable identifier, the same in every language; spreadsheet imports match opportunities by it."),
    )
    kind = models.CharField(_("kind of opportunity"), max_length=20, choices=KINDS)
    description = models.TextField(_("description"), blank=True)
    provider = models.CharField(_("provider"), max_length=255)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("Leave empty for online only."))
    online = models.BooleanField(_("online"), default=False, help_text=_("It can be followed online."))
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("The level of the European Qualifications Framework (1 to 8), when it has one."),
    )
    languages = LanguageListField(_("languages of the training"), help_text=_("The languages it is taught in."))
    duration = models.PositiveIntegerField(
        _("duration"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    duration_unit = models.CharField(_("unit of the duration"), max_length=10, choices=DURATION_UNITS, blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=COSTS, default="free")
    url = models.URLField(_("link"), blank=True, max_length=500)
    areas = ParentalManyToManyField(
        FrameworkAreaPage, blank=True, related_name="training", verbose_name=_("framework areas it develops")
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("description"),
        SynchronizedField("key"),
        SynchronizedField("kind"),
        SynchronizedField("provider"),
        SynchronizedField("country"),
        SynchronizedField("city"),
        SynchronizedField("online"),
        SynchronizedField("eqf_level"),
        SynchronizedField("languages"),
        SynchronizedField("duration"),
        SynchronizedField("duration_unit"),
        SynchronizedField("cost"),
        SynchronizedField("url"),
        SynchronizedField("areas"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]), FieldPanel("description")],
            heading=_("The opportunity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("provider"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city"), FieldPanel("online")]),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("eqf_level"), FieldPanel("cost")]),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("duration_unit")]),
                FieldPanel("url"),
            ],
            heading=_("Details"),
        ),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("provider"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm

    unique_in_language_field = "key"
    unique_in_language_message = _("Another training opportunity in this language already uses this key.")

    class Meta:
        verbose_name = _("training opportunity")
        verbose_name_plural = _("training opportunities")
        indexes = [models.Index(fields=["key"]), models.Index(fields=["kind", "country"])]

    def clean(self):
        super().clean()
        errors = {}
        if not self.city and not self.online:
            errors["city"] = _("Give the city where it takes place, or say that it is online.")
        if self.duration and not self.duration_unit:
            errors["duration_unit"] = _("Say in which unit the duration is given.")
        if self.duration_unit and not self.duration:
            errors["duration"] = _("Give the duration in that unit.")
        if errors:
            raise ValidationError(errors)

    def description_fallback(self):
        return Truncator(self.description).chars(160)

    @property
    def country_name(self):
        return country_name(self.country)

    @property
    def languages_with_names(self):
        return [(code, RESOURCE_LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def eqf_level_name(self):
        return eqf_level_name(self.eqf_level) if self.eqf_level else ""

    @property
    def duration_text(self):
        return duration_text(self.duration, self.duration_unit) if self.duration else ""

    @property
    def iso_duration(self):
        """The duration as ISO 8601 (`P6M`), or "" when it has none."""
        if not self.duration or self.duration_unit not in ISO_DESIGNATORS:
            return ""
        return ISO_DESIGNATORS[self.duration_unit].format(self.duration)

    def structured_data(self, request):
        """The breadcrumbs, and the opportunity as a schema.org Course with one CourseInstance and its offer."""
        page_url = self.get_full_url(request)
        instance = {"@type": "CourseInstance", "courseMode": "online" if self.online else "onsite"}
        if self.online and self.city:
            instance["courseMode"] = ["online", "onsite"]
        if self.city:
            instance["location"] = {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressLocality": self.city, "addressCountry": self.country},
            }
        if self.iso_duration:
            instance["courseWorkload"] = self.iso_duration
        course = {
            "@context": CONTEXT,
            "@type": "Course",
            "name": self.title,
            "description": self.meta_description,
            "url": self.url or page_url,
            "mainEntityOfPage": page_url,
            "provider": {"@type": "Organization", "name": self.provider},
            "inLanguage": list(self.languages),
            "hasCourseInstance": [instance],
            "offers": {
                "@type": "Offer",
                "category": "Free" if self.cost == "free" else "Paid",
                **({"price": 0, "priceCurrency": "EUR"} if self.cost == "free" else {}),
            },
            "isAccessibleForFree": self.cost == "free",
        }
        if self.eqf_level:
            course["educationalLevel"] = f"EQF {self.eqf_level}"
        if self.iso_duration:
            course["timeRequired"] = self.iso_duration
        return [*super().structured_data(request), course]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = localize(self.areas.all(), self.locale.language_code)
        return context

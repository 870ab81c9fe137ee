"""Career profiles written by the editors, their index (filterable like the Matrix), and ESCO's occupation labels.

A career profile names its occupation by ESCO URI and ISCO-08 code; `EscoOccupation` holds what ESCO itself says of
the occupation in each language it publishes (`import_esco`), shown beside the editors' text and searched with it.
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from careers.blocks import CountryLinksBlock
from careers.choices import (
    ESCO_LANGUAGES,
    ESCO_LICENCE_URL,
    ESCO_URI_MAX_LENGTH,
    ISCO_MAJOR_GROUP_NAMES,
    major_group_of,
    validate_esco_uri,
    validate_isco_code,
)
from careers.filters import CareerFilterSet
from cms_framework.models import FrameworkAreaPage
from home.blocks import BodyBlock
from home.codes import UniqueInLanguageMixin, validate_code
from home.filters import FilteredIndexMixin
from home.folding import collated
from home.forms import SameLanguageChoicesForm
from home.i18n import localize
from home.models import BasePage
from home.partners import PARTNERS
from home.structured_data import CONTEXT
from resources.models import ResourcePage


class EscoOccupation(models.Model):
    """What ESCO says of one occupation in one language, from ESCO's own occupations file (`import_esco`)."""

    uri = models.CharField(_("ESCO URI"), max_length=ESCO_URI_MAX_LENGTH, validators=[validate_esco_uri])
    language = models.CharField(_("language"), max_length=2, choices=[(code, code) for code in ESCO_LANGUAGES])
    preferred_label = models.CharField(_("preferred label"), max_length=255)
    alt_labels = models.TextField(_("alternative labels"), blank=True, help_text=_("One a line, as ESCO gives them."))
    description = models.TextField(_("description"), blank=True)
    isco_group = models.CharField(_("ISCO-08 code"), max_length=4, validators=[validate_isco_code])
    modified = models.CharField(_("modified in ESCO"), max_length=40, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("ESCO occupation")
        verbose_name_plural = _("ESCO occupations")
        constraints = [models.UniqueConstraint(fields=["uri", "language"], name="careers_esco_uri_language")]

    def __str__(self):
        return f"{self.preferred_label} ({self.language})"

    @property
    def alt_label_list(self):
        return [label for label in self.alt_labels.splitlines() if label.strip()]


class CareerIndexPage(FilteredIndexMixin, BasePage):
    """The careers of one language, filterable by ISCO-08 major group, framework area and free text."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["careers.CareerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("careers index")
        verbose_name_plural = _("careers indexes")

    filterset_class = CareerFilterSet
    paginate_by = 20

    def get_filterset(self, request):
        return self.filterset_of(request.GET)

    def filterset_of(self, data):
        """The index's FilterSet over this language's live careers, for the given URL data."""
        return self.filterset_class(
            data,
            queryset=self.live_careers(),
            areas=FrameworkAreaPage.objects.live().public().filter(locale_id=self.locale_id).order_by("path"),
            language=self.locale.language_code,
        )

    def live_careers(self):
        return CareerPage.objects.live().public().filter(locale_id=self.locale_id)

    def get_results(self, filterset):
        return (
            filterset.qs.order_by(collated("title", self.locale.language_code), "pk")
            .only("id", "title", "slug", "url_path", "depth", "path", "locale_id", "summary", "isco_code")
            .prefetch_related("areas")
        )


class CareerPage(UniqueInLanguageMixin, BasePage):
    """A career profile: the work, what it takes, the framework areas it draws on, related Matrix resources and the
    partner countries' own career information and job services; its occupation in ESCO and ISCO-08."""

    key = models.CharField(
        _("key"),
        max_length=60,
        validators=[validate_code],
        help_text=_("A stable identifier, the same in every language (a learner's saved careers name it)."),
    )
    esco_uri = models.CharField(
        _("ESCO occupation URI"),
        max_length=ESCO_URI_MAX_LENGTH,
        validators=[validate_esco_uri],
        help_text=_("As ESCO gives it, e.g. http://data.europa.eu/esco/occupation/ followed by its identifier."),
    )
    isco_code = models.CharField(
        _("ISCO-08 code"),
        max_length=4,
        validators=[validate_isco_code],
        help_text=_("The occupation's four-digit ISCO-08 unit group, e.g. 2634 for psychologists."),
    )
    work = models.TextField(_("what the work is"), blank=True)
    requirements = models.TextField(_("what it takes"), blank=True)
    areas = ParentalManyToManyField(
        FrameworkAreaPage, blank=True, related_name="careers", verbose_name=_("framework areas it draws on")
    )
    related_resources = ParentalManyToManyField(
        ResourcePage, blank=True, related_name="careers", verbose_name=_("related resources of the Matrix")
    )
    country_links = StreamField(
        CountryLinksBlock(), blank=True, verbose_name=_("career information and job services in the partner countries")
    )

    translatable_fields = [
        *BasePage.base_translatable_fields,
        TranslatableField("work"),
        TranslatableField("requirements"),
        TranslatableField("country_links"),
        SynchronizedField("key"),
        SynchronizedField("esco_uri"),
        SynchronizedField("isco_code"),
        SynchronizedField("areas"),
        SynchronizedField("related_resources"),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("key"), FieldRowPanel([FieldPanel("esco_uri"), FieldPanel("isco_code")])],
            heading=_("The occupation"),
        ),
        FieldPanel("work"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_resources", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Links to the framework and the Matrix"),
        ),
        FieldPanel("country_links"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("work"),
        index.SearchField("requirements"),
        index.SearchField("esco_text"),
        index.FilterField("isco_code"),
    ]

    parent_page_types = ["careers.CareerIndexPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm

    unique_in_language_field = "key"
    unique_in_language_message = _("Another career in this language already uses this key.")

    class Meta:
        verbose_name = _("career profile")
        verbose_name_plural = _("career profiles")
        indexes = [models.Index(fields=["key"]), models.Index(fields=["esco_uri"]), models.Index(fields=["isco_code"])]

    def description_fallback(self):
        return Truncator(self.work).chars(160)

    @property
    def major_group(self):
        return major_group_of(self.isco_code)

    @property
    def major_group_name(self):
        return ISCO_MAJOR_GROUP_NAMES.get(self.major_group, "")

    @property
    def esco_language(self):
        """The language ESCO's labels are shown in on this page: the page's own, or None (ESCO has no Turkish)."""
        language = self.locale.language_code
        return language if language in ESCO_LANGUAGES else None

    @cached_property
    def esco(self):
        """ESCO's occupation in the page's language, or None (not imported yet, or a language ESCO lacks)."""
        if self.esco_language is None or not self.esco_uri:
            return None
        return EscoOccupation.objects.filter(uri=self.esco_uri, language=self.esco_language).first()

    def esco_text(self):
        """ESCO's labels and description in the page's language, for the search."""
        esco = self.esco
        return "\n".join([esco.preferred_label, esco.alt_labels, esco.description]) if esco else ""

    def links_by_country(self):
        """[(partner, [link values])] in the order of the partner list, countries without links left out."""
        links = {}
        for block in self.country_links:
            links.setdefault(block.value["country"], []).append(block.value)
        return [(partner, links[partner.country_code]) for partner in PARTNERS if partner.country_code in links]

    def structured_data(self, request):
        """The breadcrumbs, and the career as a schema.org Occupation with its ISCO-08 and ESCO categories."""
        page_url = self.get_full_url(request)
        categories = [
            {
                "@type": "CategoryCode",
                "codeValue": self.isco_code,
                "inCodeSet": {"@type": "CategoryCodeSet", "name": "ISCO-08"},
            }
        ]
        if self.esco_uri:
            categories.append(
                {
                    "@type": "CategoryCode",
                    "codeValue": self.esco_uri,
                    "url": self.esco_uri,
                    "inCodeSet": {"@type": "CategoryCodeSet", "name": "ESCO", "url": "http://data.europa.eu/esco"},
                }
            )
        occupation = {
            "@context": CONTEXT,
            "@type": "Occupation",
            "name": self.title,
            "description": self.meta_description,
            "url": page_url,
            "mainEntityOfPage": page_url,
            "occupationalCategory": categories,
        }
        if self.esco_uri:
            occupation["sameAs"] = self.esco_uri
        if self.work:
            occupation["responsibilities"] = self.work
        if self.requirements:
            occupation["qualifications"] = self.requirements
        esco = self.esco
        if esco and esco.alt_label_list:
            occupation["alternateName"] = esco.alt_label_list
        return [*super().structured_data(request), occupation]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        context["areas"] = localize(self.areas.all(), language)
        context["related"] = localize(self.related_resources.all(), language)
        context["esco"] = self.esco
        context["esco_licence_url"] = ESCO_LICENCE_URL
        context["links_by_country"] = self.links_by_country()
        return context

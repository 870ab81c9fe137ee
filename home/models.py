"""Page types of the outline (home and generic content pages), the site-wide navigation and footer snippets and the
portal's settings (the phase banner)."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import memos
from home.blocks import RICH_TEXT_FEATURES, BodyBlock, LinkListBlock
from home.i18n import prefetch_chosen_pages
from home.licences import DATA_LICENCE_CHOICES, DATA_LICENCE_HELP, DEFAULT_DATA_LICENCE, data_licence
from home.related import related_context
from home.restrictions import PortalPageQuerySet, none_known, private_q
from home.structured_data import breadcrumb_list

# What the outline's cards and the breadcrumbs show of a page, besides its address (in the order of Page's fields,
# as `from_db` takes them).
_SHOWN = {"id", "path", "depth", "url_path", "title", "translation_key", "locale_id", "content_type_id"}
SHOWN_FIELDS = [field.attname for field in Page._meta.concrete_fields if field.attname in _SHOWN]


class BasePage(Page):
    """Fields every public page shares (a subtitle and a summary used in listings and the outline), the fields
    every translation shares with its source, and the context every page template gets.

    Page types of higher apps say where they may go (`parent_page_types`); a page type of this app does not name
    them in its `subpage_types`, so that it never depends on a higher app.
    """

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown where this page is listed.")
    )

    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
        TranslatableField("subtitle"),
        TranslatableField("summary"),
    ]
    translatable_fields = base_translatable_fields

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("subtitle"), FieldPanel("summary")], heading=_("Introduction")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
    ]

    # `.public()` reads the view restrictions once per content generation (home/restrictions.py).
    objects = PageManager.from_queryset(PortalPageQuerySet)()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail walks the tree a level at a time, two queries a level (the child by its slug, then its type). Here
        the pages on the way are read in one query by their addresses (url_path), and the walk goes on from the
        first of them whose type routes otherwise than Wagtail's Page (none today), or ends at the last one."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        addresses = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[:n])
            for n in range(1, len(path_components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                url_path__in=addresses,
            )
        }
        parent = self
        for number, address in enumerate(addresses, start=1):
            page = found.get(address)
            if page is None or page.depth != self.depth + number:
                raise Http404
            if number == len(addresses) or not routes_as_page(page.specific_class):
                page = page.specific
                page._cached_parent_obj = parent  # as Wagtail's walk does: get_parent() costs no query
                return page.route(request, path_components[number:])
            parent = page
        raise Http404

    def get_view_restrictions(self):
        # Wagtail's check before serving reads the page's ancestors and their restrictions: nothing to read when
        # no page has one.
        if none_known():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The pages chosen in calls to action and link lists, in the reader's language, in one query for them all.
        prefetch_chosen_pages(request, [getattr(self, field.name) for field in self.stream_fields()])
        context.update(related_context(self, request))
        return context

    @property
    def meta_description(self):
        """What search engines show under the title: the editors' search description, else the summary, else what
        the page type has to say (`description_fallback`)."""
        return self.search_description or self.summary or self.description_fallback()

    def description_fallback(self):
        return ""

    @cached_property
    def breadcrumb_ancestors(self):
        """The pages above this one that the breadcrumbs name, from the home page down (one query, once a page and
        content generation: `home.memos`), as pages that carry their address and title only."""
        if self.depth <= 2:  # a home page
            return []
        rows = memos.remembered(("breadcrumbs", self.pk), self._breadcrumb_rows)
        return [Page.from_db("default", SHOWN_FIELDS, values) for values in rows]

    def _breadcrumb_rows(self):
        ancestors = self.get_ancestors().filter(depth__gt=1).only(*SHOWN_FIELDS)
        return [[getattr(ancestor, name) for name in SHOWN_FIELDS] for ancestor in ancestors]

    def structured_data(self, request):
        """schema.org objects that describe the page (JSON-LD in its head): the breadcrumbs below the home page;
        a page type adds its own."""
        return [breadcrumb_list(self, request)] if self.breadcrumb_ancestors else []

    @classmethod
    def allowed_subpage_models(cls):
        # Without `subpage_types`, Wagtail also allows its bare Page type, which is no page of the portal.
        return [model for model in super().allowed_subpage_models() if model is not Page]

    @classmethod
    def stream_fields(cls):
        return [field for field in cls._meta.concrete_fields if isinstance(field, StreamField)]


def routes_as_page(model):
    """Whether a page type finds its sub-pages as Wagtail's Page does (by their slugs, nothing else)."""
    return model is not None and model.route in (Page.route, BasePage.route)


class HomePage(BasePage):
    """The root of one language's tree: the seed's title, introduction and topic outline."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("introduction")]

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = self.outline(request)
        return context

    def outline(self, request):
        """The live child pages marked "show in menus", in the order of the tree, each with its subtitle and summary:
        read as their page types (one query per type) once per content generation (`home.memos`); each request gets
        its own page instances, which carry only what the cards show."""
        rows = memos.remembered(("outline", self.pk), self._outline_rows, request)
        sections = []
        for values, subtitle, summary in rows:
            section = Page.from_db("default", SHOWN_FIELDS, values)
            section.subtitle, section.summary = subtitle, summary
            sections.append(section)
        return sections

    def _outline_rows(self):
        children = self.get_children().live().exclude(private_q()).in_menu().specific()
        return [
            (
                [getattr(child, name) for name in SHOWN_FIELDS],
                getattr(child, "subtitle", ""),
                getattr(child, "summary", ""),
            )
            for child in children
        ]


class ContentPage(BasePage):
    """A generic page of the outline: headings, rich text, quotes, calls to action, documents and images."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.base_translatable_fields, TranslatableField("body")]

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class LocalizedSnippetQuerySet(models.QuerySet):
    def for_active_locale(self):
        """The snippet of the active language, or the default language's where it has not been translated yet."""
        active, default = get_language(), settings.LANGUAGE_CODE
        candidates = {
            snippet.locale.language_code: snippet
            for snippet in self.filter(locale__language_code__in={active, default}).select_related("locale")
        }
        return candidates.get(active) or candidates.get(default)


class NavigationMenu(TranslatableMixin, models.Model):
    """The main navigation shown on every page, one per language."""

    items = StreamField(LinkListBlock(), blank=True, verbose_name=_("links"))

    translatable_fields = [TranslatableField("items")]

    objects = LocalizedSnippetQuerySet.as_manager()

    panels = [FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return _("Navigation menu (%(language)s)") % {"language": self.locale.get_display_name()}


class Footer(TranslatableMixin, models.Model):
    """The footer shown on every page, one per language: a short text, the funding acknowledgement beside the EU
    emblem, and the links (the accessibility statement, privacy, legal notice, contact)."""

    text = RichTextField(_("text"), blank=True, features=RICH_TEXT_FEATURES)
    funding_statement = models.CharField(
        _("funding statement"),
        max_length=255,
        blank=True,
        help_text=_(
            "Shown beside the EU emblem, in the programme's official wording for this language, e.g. “Co-funded by "
            "the Erasmus+ Programme of the European Union”. Leave it empty to show neither the emblem nor the "
            "disclaimer."
        ),
    )
    disclaimer = models.TextField(
        _("disclaimer"),
        blank=True,
        help_text=_("The European Commission's standard disclaimer, in its official wording for this language."),
    )
    links = StreamField(LinkListBlock(), blank=True, verbose_name=_("links"))

    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("funding_statement"),
        TranslatableField("disclaimer"),
        TranslatableField("links"),
    ]

    objects = LocalizedSnippetQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("funding_statement"), FieldPanel("disclaimer")], heading=_("Funding")),
        FieldPanel("links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return _("Footer (%(language)s)") % {"language": self.locale.get_display_name()}


@register_setting(icon="warning")
class PortalSettings(BaseGenericSetting):
    """Settings of the whole portal, in every language at once."""

    show_phase_banner = models.BooleanField(
        _("show the sample content banner"),
        default=False,
        help_text=_(
            "A banner at the top of every public page says, in the reader's language, that the portal holds sample "
            "content. Switch it off once the partners' own content has replaced the samples."
        ),
    )

    data_licence = models.CharField(
        _("licence of the open data"),
        max_length=20,
        choices=DATA_LICENCE_CHOICES,
        default=DEFAULT_DATA_LICENCE,
        help_text=DATA_LICENCE_HELP,
    )

    panels = [FieldPanel("show_phase_banner"), FieldPanel("data_licence")]

    @classmethod
    def data_licence_in_force(cls):
        """The open data's licence: one query, which writes nothing (Wagtail's `load()` would create the settings row
        on a reader's GET)."""
        return data_licence(cls.objects.values_list("data_licence", flat=True).first())

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

"""Template tags for the page chrome (language switcher, hreflang alternates, navigation, footer, phase banner,
userbar, the outline's numerals) and for marking text in another language than the page's (`lang_attr`,
`language_names`)."""

from dataclasses import replace

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from home import i18n, memos
from home.models import Footer, NavigationMenu, PortalSettings
from home.readers import signed_in
from home.structured_data import json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links: this page in every language (`i18n.language_versions`)."""
    request = context.get("request")
    if request is None:
        return []
    return i18n.language_versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: only real translations of this page, plus x-default for the English source."""
    links = [replace(link, url=link.page_url) for link in language_links(context) if link.is_translation]
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


@register.inclusion_tag("includes/arrival_notice.html", takes_context=True)
def arrival_notice(context):
    """ "This page is not available in … yet" for a reader whom the language switcher led to the nearest translated
    page (`i18n.arrival_notice`)."""
    request, page = context.get("request"), context.get("page")
    return {"arrival": i18n.arrival_notice(request, page) if request is not None and isinstance(page, Page) else None}


@register.simple_tag(takes_context=True)
def lang_attr(context, obj):
    """` lang="xx"` on an element whose text is in another language than the page's: `obj` is a language code, a
    translatable object (page, snippet) or a document (`i18n.language_of`). Nothing when the languages agree."""
    page = context.get("page")
    return i18n.lang_attribute(obj, same_as=page if isinstance(page, Page) else None)


@register.filter
def source_language(obj):
    """The language a translatable object was first written in (`i18n.source_language`), for `{% lang_attr %}`
    on its synchronised fields: `{% lang_attr page|source_language %}`."""
    return i18n.source_language(obj) if obj is not None else None


@register.simple_tag
def language_names(pairs):
    """Language names from (code, name) pairs, each marked with the language it names: "Italiano" is lang="it"."""
    return i18n.language_names(pairs)


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    """The menu's links in the reader's language, remembered per language for the content generation (`home.memos`);
    the link to the page being read is marked in the template."""
    request = context.get("request")

    def links():
        menu = NavigationMenu.objects.for_active_locale()
        return i18n.localize_link_blocks(menu.items, request) if menu else []

    return {"links": memos.remembered(("menu", get_language()), links, request), "request": request}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer in the reader's language, rendered once per language for the content generation (`home.memos`):
    it shows nothing of the request or the page."""
    request = context.get("request")

    def render():
        footer = Footer.objects.for_active_locale()
        links = i18n.localize_link_blocks(footer.links, request) if footer else []
        return render_to_string("includes/footer.html", {"footer": footer, "links": links})

    return memos.remembered(("footer", get_language()), render, request)


@register.simple_tag(takes_context=True)
def phase_banner_shown(context):
    """Whether the editors have switched the sample content banner on: one query, which writes nothing (Wagtail's
    `load()` would create the settings row on a reader's GET), remembered for the content generation."""
    return memos.remembered(
        ("phase banner",),
        lambda: PortalSettings.objects.filter(show_phase_banner=True).exists(),
        context.get("request"),
    )


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org description as JSON-LD (`BasePage.structured_data`); nothing for another object."""
    describe = getattr(page, "structured_data", None)
    return json_ld(describe(context.get("request"))) if describe else ""


@register.simple_tag(takes_context=True)
def open_data_licence(context):
    """The licence under which the portal's open data may be reused (the partners' choice in the portal settings),
    remembered for the content generation."""
    return memos.remembered(("data licence",), PortalSettings.data_licence_in_force, context.get("request"))


@register.filter
def roman(number):
    """An outline position (1, 2, 3, …) as an upper-case Roman numeral (I, II, III, …)."""
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    numerals += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    number, written = int(number), ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        written += letters * count
    return written


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a chosen page in the reader's language."""
    return i18n.localized_url(context.get("request"), page)


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar for signed-in editors, on the pages they can edit (not on the learners' own pages)."""
    if context.get("page") is None or not signed_in(context.get("request")):
        return ""
    return wagtailuserbar(context)


@register.inclusion_tag("includes/account_links.html", takes_context=True)
def account_links(context):
    """The header's links to the learner's space: "My space" and "Log out" when signed in, otherwise "Log in" and
    "Sign up"; anonymous readers' sessions are never read."""
    return {"signed_in": signed_in(context.get("request")), "request": context.get("request")}

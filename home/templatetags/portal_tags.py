"""Template tags for the page chrome: language switcher, hreflang alternates, navigation, footer, phase banner,
userbar, and the outline's numerals."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from home import i18n
from home.models import Footer, NavigationMenu, PortalSettings
from home.readers import signed_in

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
    links = [link for link in language_links(context) if link.is_translation]
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    menu = NavigationMenu.objects.for_active_locale()
    return {"links": i18n.localize_link_blocks(menu.items, request) if menu else [], "request": request}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    footer = Footer.objects.for_active_locale()
    links = i18n.localize_link_blocks(footer.links, context.get("request")) if footer else []
    return {"footer": footer, "links": links}


@register.simple_tag
def phase_banner_shown():
    """Whether the editors have switched the sample content banner on: one query, which writes nothing (Wagtail's
    `load()` would create the settings row on a reader's GET)."""
    return PortalSettings.objects.filter(show_phase_banner=True).exists()


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

"""Template tags for the page chrome: language switcher, hreflang alternates, navigation, footer, userbar."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from home import i18n
from home.models import Footer, NavigationMenu
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

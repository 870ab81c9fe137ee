"""Template tags for the page chrome: language switcher, hreflang alternates, navigation, footer, userbar."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from home import i18n
from home.models import Footer, NavigationMenu

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return i18n.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: only real translations of this page, plus x-default for the English source."""
    links = [link for link in language_links(context) if link.is_translation]
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


def resolve_links(stream, request):
    """Link blocks with each portal page replaced by its version in the active language, in one query."""
    values = [block["value"] for block in stream.raw_data]
    pages = i18n.localized_pages(value.get("page") for value in values)
    resolved = []
    for value in values:
        if value.get("page"):
            page = pages.get(value["page"])
            if page is None:  # the chosen page is not live
                continue
            resolved.append({"text": value["text"], "url": page.get_url(request)})
        else:
            resolved.append({"text": value["text"], "url": value["url"]})
    return resolved


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    menu = NavigationMenu.objects.for_active_locale()
    return {
        "links": resolve_links(menu.items, context.get("request")) if menu else [],
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    footer = Footer.objects.for_active_locale()
    return {"footer": footer, "links": resolve_links(footer.links, context.get("request")) if footer else []}


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a chosen page in the reader's language."""
    localized = i18n.localized_pages([page.pk]).get(page.pk) if page else None
    return localized.get_url(context.get("request")) if localized else ""


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar for signed-in editors only, without touching the session of anonymous readers.

    Reading request.user opens the session and adds "Vary: Cookie", which would keep public pages out of
    shared caches; a reader without a session cookie cannot be signed in, so we skip that work for them.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    if not request.user.is_authenticated:
        return ""
    return wagtailuserbar(context)

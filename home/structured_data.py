"""schema.org descriptions of the public pages, written into each page as JSON-LD: the breadcrumbs of every page,
and what a page type adds (`BasePage.structured_data`)."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

CONTEXT = "https://schema.org"

# JSON inside <script>: nothing that could close the element or open a comment (as Django's json_script escapes).
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def breadcrumb_list(page, request):
    """The page's place in the site, as the breadcrumbs show it: Home, the sections, the page."""
    trail = [*page.breadcrumb_ancestors, page]
    items = []
    for position, crumb in enumerate(trail, start=1):
        name = pgettext("the home page, first link of the breadcrumbs", "Home") if crumb.depth == 2 else crumb.title
        items.append({"@type": "ListItem", "position": position, "name": name, "item": crumb.get_full_url(request)})
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": items}


def iso_duration(minutes):
    """A duration in minutes as ISO 8601 (`PT1H30M`), as schema.org's `timeRequired` wants it."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def json_ld(objects):
    """`<script type="application/ld+json">` elements for the objects: data, not code, so no CSP nonce is needed."""
    scripts = [
        format_html(
            '<script type="application/ld+json">{}</script>',
            mark_safe(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)),  # noqa: S308
        )
        for obj in objects
    ]
    return mark_safe("\n".join(scripts))  # noqa: S308 - each part built by format_html

"""The portal's public address, as Wagtail's Site knows it.

Absolute links (the sitemap, canonical links, the Matrix's JSON download, the admin API's `html_url`) are made by
Wagtail from the default Site's host name and port, not from the request; e-mails from the request's host (allauth)
or from WAGTAILADMIN_BASE_URL (Wagtail's admin). `configure_site` (and the demo) write WAGTAILADMIN_BASE_URL's host
and port into the Site, so that every kind of link names the same address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost, ImproperlyConfigured
from wagtail.models import Site


def public_address(base_url=None):
    """(host name, port) of `base_url` (WAGTAILADMIN_BASE_URL by default). Wagtail writes port 443 as https://host
    and port 80 as http://host."""
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"WAGTAILADMIN_BASE_URL must be an http(s) address, not {base_url!r}")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def configure_default_site(site=None, base_url=None):
    """Give the default Site (or `site`) the portal's public host name and port; returns the Site, saved."""
    site = site or Site.objects.get(is_default_site=True)
    site.hostname, site.port = public_address(base_url)
    site.save()
    return site


def _site_rows(request):
    """The field values of the Site Wagtail finds for this request and of its root page, or None."""
    site = Site._find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return (
        [(field.attname, getattr(site, field.attname)) for field in Site._meta.concrete_fields],
        [field.attname for field in type(root)._meta.concrete_fields],
        [getattr(root, field.attname) for field in type(root)._meta.concrete_fields],
    )


class CurrentSiteMiddleware:
    """Wagtail's Site of a request for a page, found once per content generation and host (`home.memos`) instead of
    one query a request, and the sites' root paths instead of a cache read. Each request gets its own Site and root
    page instances, built from the remembered values, in the attributes Wagtail's `Site.find_for_request` and
    `Page._get_site_root_paths` keep them in. Other views (the API, the learners' space) are left to Wagtail:
    reading the generation would cost them more than the query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        from home import memos

        if view_func is not serve or hasattr(request, "_wagtail_site") or memos.current(request) is None:
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        rows = memos.remembered(("site", host, request.get_port()), lambda: _site_rows(request), request)
        request._wagtail_site = _site_from(rows) if rows else None
        # The sites' root paths, which every page address is made from (Wagtail reads them from the cache once a
        # request, `Page._get_site_root_paths`): a tuple of named tuples, shared safely.
        request._wagtail_cached_site_root_paths = memos.remembered(
            ("site root paths",), lambda: tuple(Site.get_site_root_paths()), request
        )
        return None


def _site_from(rows):
    from wagtail.models import Page

    site_values, root_fields, root_values = rows
    site = Site(**dict(site_values))
    site._state.adding = False
    site.root_page = Page.from_db("default", root_fields, root_values)
    return site

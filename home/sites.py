"""The portal's public address, as Wagtail's Site knows it.

Absolute links (the sitemap, canonical links, the Matrix's JSON download, the admin API's `html_url`) are made by
Wagtail from the default Site's host name and port, not from the request; e-mails from the request's host (allauth)
or from WAGTAILADMIN_BASE_URL (Wagtail's admin). `configure_site` (and the demo) write WAGTAILADMIN_BASE_URL's host
and port into the Site, so that every kind of link names the same address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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

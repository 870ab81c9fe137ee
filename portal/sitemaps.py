"""The sitemap lists every live public page in every language, not only the tree of the request's language, each
with its translations as hreflang alternates (and x-default for the English source).

One query reads what the entries need (address, language, translation group, date) as values, and the XML is
written directly: reading 450 pages as model instances and rendering Django's sitemap template cost 20 times more
than the entries themselves (bench/README.md). A page's address is its url_path under its language's root, after
that language's prefix, as Wagtail's `Page.get_url_parts` makes it; a page type that makes its own addresses or
sitemap entries (`own_entries`) is read as its type and asked.
"""

from functools import reduce
from operator import or_
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from wagtail.models import Page, Site

from home.restrictions import private_q

LIMIT = 50_000  # entries per sitemap file, the protocol's maximum (?p=2 for the next)
# What Django's reverse() leaves unescaped in an address (django.urls.resolvers), so that slugs come out as there.
SAFE = "!$&'()*+,;=/~:@"
FIELDS = ["pk", "url_path", "translation_key", "content_type", "last_published_at", "latest_revision_created_at"]


def own_entries(model):
    """Whether a page type makes its address or its sitemap entries otherwise than Wagtail's Page (a routable page
    with sub-addresses would): none does today."""
    return model.get_sitemap_urls is not Page.get_sitemap_urls or model.get_url_parts is not Page.get_url_parts


def default_site(request):
    return Site.find_for_request(request) or Site.objects.select_related("root_page").get(is_default_site=True)


def roots(site):
    """(root url_path, address prefix with the site's root URL, language) of each language's home, longest first."""
    found = []
    for home in site.root_page.get_translations(inclusive=True).select_related("locale"):
        code = home.locale.language_code
        with translation.override(code):
            prefix = reverse("wagtail_serve", args=[""])
        found.append((home.url_path, site.root_url + prefix, code, home.path))
    return sorted(found, key=lambda root: -len(root[0]))


def entries(request):
    """[(location, lastmod, language, translation key)] of every live public page under a language's home."""
    homes = roots(default_site(request))
    in_a_language_tree = reduce(or_, (Q(path__startswith=path) for *_rest, path in homes))
    rows = (
        Page.objects.filter(in_a_language_tree)
        .live()
        .exclude(private_q())
        .order_by("path")
        .values_list(*FIELDS, "locale__language_code")
    )
    models = {}
    found = []
    for pk, url_path, key, content_type, published, revised, code in rows:
        model = models.get(content_type)
        if model is None:
            from django.contrib.contenttypes.models import ContentType

            model = models[content_type] = ContentType.objects.get_for_id(content_type).model_class() or Page
        if own_entries(model):
            page = model.objects.get(pk=pk)
            found += [(url["location"], url.get("lastmod"), code, key) for url in page.get_sitemap_urls(request)]
            continue
        root_path, prefix, _code, _path = next(root for root in homes if url_path.startswith(root[0]))
        found.append((prefix + quote(url_path[len(root_path) :], safe=SAFE), published or revised, code, key))
    return found


def sitemap(request):
    """/sitemap.xml (and ?p=2 beyond 50,000 entries)."""
    try:
        chunk = Paginator(entries(request), LIMIT).page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(f"No sitemap page {request.GET.get('p')!r}") from error
    urls = chunk.object_list
    groups = {}
    for location, _lastmod, code, key in urls:
        groups.setdefault(key, []).append((code, location))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for location, lastmod, _code, key in urls:
        lines.append(f"<url><loc>{escape(location)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{timezone.localtime(lastmod).date().isoformat()}</lastmod>")
        group = groups[key]
        if len(group) > 1:
            alternates = group + [("x-default", href) for code, href in group if code == settings.LANGUAGE_CODE]
            lines += [
                f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>' for code, href in alternates
            ]
        lines.append("</url>")
    lines.append("</urlset>\n")
    response = HttpResponse("".join(lines), content_type="application/xml")
    dates = [lastmod for _location, lastmod, _code, _key in urls]
    if dates and None not in dates:
        response["Last-Modified"] = http_date(max(dates).timestamp())
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response

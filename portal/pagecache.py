"""The page cache: anonymous readers' GET and HEAD of public Wagtail pages (a filtered list with its query), answered
from the default cache (Redis, or the database's cache table) without running the rest of the stack.

An entry is keyed by the content generation (`home.freshness`: any publish, move, deletion, snippet or setting
change makes every older entry unreachable), the scheme, the host and the full path with its query. It holds the
status, the headers and the body, and the values of the request headers the response varies on: a request whose
values differ is a miss (and its answer replaces the entry).

Never cached: a request with a session cookie (anyone signed in, or who was) or a one-time message waiting; with an
`Authorization` header; anything but GET (stored) and HEAD (served); the admin; any view but Wagtail's page view
and the sitemap (`PAGE_CACHE_VIEWS`: not the learners' space, accounts, search, the API); an answer other than 200,
streamed, setting a cookie (a CSRF token, a session), marked private, no-cache or no-store, or varying on `Cookie`.
While the cache cannot be reached the generation is None and nothing is read or stored.

The answers it stores and serves carry `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE,
s-maxage=PAGE_CACHE_S_MAXAGE`, which a CDN in front may use: publishing purges the page's addresses there through
`wagtail.contrib.frontend_cache` (`WAGTAILFRONTENDCACHE`, set by environment, docs/deployment.md); a snippet's
change reaches the CDN within `s-maxage`.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from home.freshness import generation

# The request headers an answer may vary on and still be stored (their values are kept with the entry).
STORABLE_VARY = frozenset({"accept-language", "accept-encoding"})
REFUSED_CACHE_CONTROL = frozenset({"private", "no-store", "no-cache"})
HIT_HEADER = "X-Page-Cache"


def eligible(request):
    """Whether this request may be answered from the cache (or its answer stored)."""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_ENABLED:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > settings.PAGE_CACHE_MAX_QUERY:
        return False
    return not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def page_key(request, value):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{value}:{request.scheme}:{request.get_host()}:{path}"


def vary_values(request, names):
    return tuple(request.headers.get(name, "") for name in names)


def vary_of(response):
    if not response.has_header("Vary"):
        return ()
    return tuple(sorted({name.strip().lower() for name in cc_delim_re.split(response["Vary"]) if name.strip()}))


def storable(request, response):
    match = getattr(request, "resolver_match", None)
    if request.method != "GET" or match is None or match.view_name not in settings.PAGE_CACHE_VIEWS:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control"):
        directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response["Cache-Control"])}
        if directives & REFUSED_CACHE_CONTROL:
            return False
    return set(vary_of(response)) <= STORABLE_VARY


def public(response):
    patch_cache_control(
        response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE, s_maxage=settings.PAGE_CACHE_S_MAXAGE
    )


class PageCacheMiddleware:
    """Answers anonymous readers' requests for public pages from the cache, and stores what the page view answered.

    It sits outside the sessions, the language, CSRF and the security headers' middleware: a hit runs none of them,
    and the stored headers are the ones they wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request) or (value := generation(request)) is None:
            return self.get_response(request)
        key = page_key(request, value)
        entry = cache.get(key)
        if entry is not None:
            status, headers, content, vary, values = entry
            if vary_values(request, vary) == values:
                response = HttpResponse(b"" if request.method == "HEAD" else content, status=status, headers=headers)
                if request.method == "HEAD":
                    response["Content-Length"] = str(len(content))
                response[HIT_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if storable(request, response):
            public(response)
            vary = vary_of(response)
            headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
            entry = (response.status_code, headers, response.content, vary, vary_values(request, vary))
            cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            response[HIT_HEADER] = "miss"
        return response

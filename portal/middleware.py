"""Headers Django does not send itself (the Content-Security-Policy of public pages, no shared caching of any page
a signed-in person sees), and the language switcher's arrival marker taken out of the query."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import add_never_cache_headers

from home.i18n import ARRIVAL_PARAMETER
from home.readers import signed_in


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.CONTENT_SECURITY_POLICY_EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class PrivateWhenSignedInMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in person, and on every page that shows a
    one-time message (the request carries the messages cookie: "You have signed out" is for one reader).

    A reader without a session cookie cannot be signed in: for them the session is never read, so public pages stay
    free of `Vary: Cookie` and cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if signed_in(request) or CookieStorage.cookie_name in request.COOKIES:
            add_never_cache_headers(response)
        return response


class ArrivalMarkerMiddleware:
    """Moves the language switcher's arrival marker (`?from=<page id>`, see `home.i18n.ARRIVAL_PARAMETER`) from
    `request.GET` to `request.arrived_from`, so that the page can say where the reader came from while no link built
    from the query (pages of results, filters, downloads) carries the marker on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.arrived_from = request.GET.get(ARRIVAL_PARAMETER)
        if request.arrived_from is not None:
            query = request.GET.copy()
            del query[ARRIVAL_PARAMETER]
            query._mutable = False
            request.GET = query
        return self.get_response(request)

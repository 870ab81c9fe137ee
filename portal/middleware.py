"""Headers Django does not send itself: the Content-Security-Policy of public pages, and no shared caching of any
page a signed-in person sees."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import add_never_cache_headers

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

"""Headers Django does not send itself: the Content-Security-Policy (django-csp, one policy for public pages and
one for the admin), Cross-Origin-Resource-Policy and Permissions-Policy, and no shared caching of any page a
signed-in person sees; the lifetime of a signed-in session; the language switcher's arrival marker taken out
of the query; and a 503 while the database cannot answer."""

import time

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from home.i18n import ARRIVAL_PARAMETER
from home.readers import signed_in
from portal import outages
from portal.views import service_unavailable


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy (`ADMIN_CONTENT_SECURITY_POLICY`) under the admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class SecurityHeadersMiddleware:
    """`Cross-Origin-Resource-Policy` and `Permissions-Policy` on every response (Django has no setting for them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
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


class SessionLifetimeMiddleware:
    """Signs out a session left idle, and a staff session that has lasted a working day.

    - A session without "remember me" ends after `SESSION_IDLE_TIMEOUT` seconds without a request, whatever its
      cookie says (a browser left open on a shared computer). "Remember me" keeps a learner's session for
      `SESSION_COOKIE_AGE`.
    - A session of an account that can use the admin ends after `STAFF_SESSION_IDLE_TIMEOUT` without a request and
      `STAFF_SESSION_MAX_AGE` after it began, "remember me" or not.

    The times live in the session (`portal.session`: the account, when it began, when it was last seen); "last seen"
    is written at most once a minute, so that reading pages does not write the session on every request. Anonymous
    readers' sessions are never opened (see `home.readers.signed_in`).
    """

    KEY = "portal.session"
    SEEN_RESOLUTION = 60  # seconds

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if signed_in(request):
            self.check(request, int(time.time()))
        return self.get_response(request)

    def check(self, request, now):
        session, user = request.session, request.user
        times = session.get(self.KEY)
        if not times or times.get("user") != user.pk:
            staff = user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
            session[self.KEY] = {"user": user.pk, "staff": staff, "since": now, "seen": now}
            return
        if times["staff"]:
            expired = (
                now - times["seen"] > settings.STAFF_SESSION_IDLE_TIMEOUT
                or now - times["since"] > settings.STAFF_SESSION_MAX_AGE
            )
        else:
            expired = session.get_expire_at_browser_close() and now - times["seen"] > settings.SESSION_IDLE_TIMEOUT
        if expired:
            logout(request)
            messages.info(request, gettext("You were signed out because your session had ended. Please sign in again."))
        elif now - times["seen"] >= self.SEEN_RESOLUTION:
            session[self.KEY] = {**times, "seen": now}


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


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a "not found" answered by a view (the open data API's, a document's) stays a 404.

    Django redirects a 404 of an address without a language prefix to `/en/…` when that address would match, and
    Wagtail's catch-all route matches any; that is right only for addresses no view matched."""

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class DatabaseOutageMiddleware:
    """While the database cannot answer, every request gets the 503 page (`503.html`, which needs no database) with
    `Retry-After`, in seconds, instead of a 500 and its traceback; the outage is logged once (`portal.outages`).

    It sits outside the session middleware: its 503 replaces whatever the inner layers answered, so that a reader's
    session cookie is never deleted because the session could not be read. A database error raised by a view comes
    here through `process_exception`; one raised by an inner middleware through the 500 handler
    (`portal.views.server_error`), which marks its answer for this middleware to replace.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with outages.database.request_scope():
            response = self.get_response(request)
            failed_here = outages.database.failed_in_this_request() is not None
        if not getattr(response, "database_outage", False):
            if outages.database.down and not failed_here and connection_is_open():
                outages.database.recovered()
            return response
        response = service_unavailable(request)
        response._has_been_logged = True  # logged once for the outage, not once per request
        return response

    def process_exception(self, request, exception):
        if not outages.is_database_outage(exception):
            return None
        outages.database.failed(exception)
        return service_unavailable(request)


def connection_is_open():
    return connection.connection is not None

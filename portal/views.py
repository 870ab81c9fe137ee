"""Project-level views that sit outside the page tree, and the answers to failures: the 500, the 503 of an outage,
the 429 of the accounts' rate limits."""

import logging
import smtplib
import sys

from allauth.core import ratelimit
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from wagtail.admin.views.account import PasswordResetView
from wagtail.models import Site

from portal import outages

logger = logging.getLogger(__name__)


def service_unavailable(request):
    """The 503 page of an outage, in the request's language: a template that reads nothing from the database (no
    navigation, footer or site settings), rendered without the request's context processors (no session, no user),
    never cached, with `Retry-After`."""
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("503.html", {"language_code": translation.get_language()})
    response = HttpResponse(html, status=503)
    response.headers["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
    add_never_cache_headers(response)
    response.database_outage = True
    return response


def server_error(request):
    """The 500 handler. A database outage raised outside a view (in a middleware) becomes the 503 page here; it is
    not logged again with its traceback (`portal.outages` has logged the outage)."""
    exc = sys.exc_info()[1]
    if outages.is_database_outage(exc):
        outages.database.failed(exc)
        response = service_unavailable(request)
        response._has_been_logged = True
        return response
    return defaults.server_error(request)


def handler429(request):
    """allauth's answer to a rate limit (it looks for `handler429` in the URL module). While the cache where the limits
    count cannot be reached, the limited action is refused (the limits fail closed): a 503 that says so, not a
    "too many attempts" that would blame the reader."""
    if outages.cache.down:
        response = render(request, "account/limits_unavailable.html", status=503)
        response.headers["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        add_never_cache_headers(response)
        return response
    return render(request, "429.html", status=429)


@never_cache
@require_safe
def healthz(request):
    """Answer 200 when the database answers a query, 503 (with Retry-After) when it does not, within the database's
    connection timeout."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        if outages.is_database_outage(exc):
            outages.database.failed(exc)
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response.headers["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        response._has_been_logged = True
        return response
    outages.database.recovered()
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def robots_txt(request):
    """Search engines may read every public page; not the admin, the accounts or a learner's own space. The sitemap's
    address uses the site's host, as the sitemap itself does."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/accounts/", f"Disallow: /{code}/my/"]
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines.append(f"Sitemap: {root}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class AdminPasswordResetView(PasswordResetView):
    """The admin's "forgotten password" with the public reset's limits on mails (allauth's
    `ACCOUNT_RATE_LIMITS["reset_password"]`: per client address and per e-mail address); past them, a 429."""

    def form_valid(self, form):
        limited = ratelimit.consume_or_429(
            self.request, action="reset_password", key=form.cleaned_data["email"].lower()
        )
        if limited:
            return limited
        if settings.EMAIL_CONFIGURED:
            try:
                return super().form_valid(form)
            except (smtplib.SMTPException, OSError) as exc:
                logger.error("e-mail not sent (admin password reset): %s: %s", type(exc).__name__, exc)
        # Without e-mail, saying "we have sent you an e-mail" would be untrue: the form says so instead.
        form.add_error(None, gettext("The portal cannot send e-mails at the moment, so no reset link was sent."))
        response = self.form_invalid(form)
        response.status_code = 503
        return response


# Wagtail's own front-end login (pages restricted to signed-in readers) would be a second public login without the
# accounts' limits and two-factor step: it leads to allauth's, keeping the page to return to.
frontend_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

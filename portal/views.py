"""Project-level views that sit outside the page tree."""

from allauth.core import ratelimit
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from wagtail.admin.views.account import PasswordResetView
from wagtail.models import Site


@never_cache
@require_safe
def healthz(request):
    """Answer 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
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
        return limited or super().form_valid(form)


# Wagtail's own front-end login (pages restricted to signed-in readers) would be a second public login without the
# accounts' limits and two-factor step: it leads to allauth's, keeping the page to return to.
frontend_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

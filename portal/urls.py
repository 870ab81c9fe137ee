"""URL map: the admin, documents, sitemap and health check unprefixed; every public page under /<lang>/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from opendata.api import api as open_data_api
from portal.sitemaps import sitemap
from portal.views import AdminPasswordResetView, frontend_login, healthz, robots_txt

# The 500 page, or the 503 of a database outage raised outside a view; allauth's rate limits, or their outage.
handler500 = "portal.views.server_error"
handler429 = "portal.views.handler429"

urlpatterns = [
    path("admin/password_reset/", AdminPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v1/", open_data_api.urls),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("my/groups/", include("groups.urls")),
    path("my/portfolio/", include("portfolio.urls")),
    path("my/", include("learners.urls")),
    path("shared/", include("portfolio.shared_urls")),
    path("search/", include("sitesearch.urls")),
    path("_util/login/", frontend_login, name="frontend_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

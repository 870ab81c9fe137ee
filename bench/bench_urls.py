"""The portal's addresses plus the benchmark's baseline: a minimal Django view behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *portal_urlpatterns]

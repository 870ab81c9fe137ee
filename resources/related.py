"""What the Matrix shows on the framework app's pages: the resources of an area, an outcome, a pilot action."""

from urllib.parse import urlencode

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from home.related import shows_on
from home.searchable import search_kind
from resources.models import ResourceIndexPage, ResourcePage

search_kind("resources.ResourcePage", "resource", _("Resources"))


def _live_resources(page):
    return (
        ResourcePage.objects.live().public().filter(locale_id=page.locale_id).distinct().order_by("category", "title")
    )


@shows_on("cms_framework.FrameworkAreaPage", "resources")
def resources_of_area(area, request):
    # By code: a resource's areas may be the source language's pages (wagtail-localize keeps the source's choices).
    return _live_resources(area).filter(areas__code=area.code)


@shows_on("cms_framework.LearningOutcomePage", "resources")
def resources_for_outcome(outcome, request):
    return _live_resources(outcome).filter(learning_outcomes__translation_key=outcome.translation_key)


@shows_on("cms_framework.PilotActionPage", "resources")
def resources_used_by_pilot(pilot, request):
    return _live_resources(pilot).filter(pilot_actions__translation_key=pilot.translation_key)


@shows_on("cms_framework.FrameworkAreaPage", "matrix_url")
def matrix_of_area(area, request):
    """The Matrix of the area's language, filtered by the area (looked up only if the template shows it)."""

    def url():
        matrix = ResourceIndexPage.objects.live().public().filter(locale_id=area.locale_id).first()
        if matrix is None:
            return ""
        return f"{matrix.get_url(request)}?{urlencode({'area': area.code})}#results"

    return SimpleLazyObject(url)

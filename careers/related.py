"""What the careers show on lower apps' pages (an area's careers, a resource's careers) and their kind in the search."""

from django.utils.translation import gettext_lazy as _

from careers.models import CareerPage
from home.folding import collated
from home.related import shows_on
from home.searchable import search_kind

search_kind("careers.CareerPage", "career", _("Careers"))


def _live_careers(page):
    return (
        CareerPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .distinct()
        .order_by(collated("title", page.locale.language_code), "pk")
    )


@shows_on("cms_framework.FrameworkAreaPage", "careers")
def careers_of_area(area, request):
    # By code: a career's areas may be the source language's pages (wagtail-localize keeps the source's choices).
    return _live_careers(area).filter(areas__code=area.code)


@shows_on("resources.ResourcePage", "careers")
def careers_of_resource(resource, request):
    return _live_careers(resource).filter(related_resources__translation_key=resource.translation_key)

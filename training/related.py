"""What the catalogue shows on the framework's pages (the training that develops an area), and its search kind."""

from django.utils.translation import gettext_lazy as _

from home.folding import collated
from home.related import shows_on
from home.searchable import search_kind
from training.models import TrainingPage

search_kind("training.TrainingPage", "training", _("Training opportunities"))


@shows_on("cms_framework.FrameworkAreaPage", "training")
def training_of_area(area, request):
    # By code: an opportunity's areas may be the source language's pages (wagtail-localize keeps the source's choices).
    return (
        TrainingPage.objects.live()
        .public()
        .filter(locale_id=area.locale_id, pk__in=TrainingPage.objects.filter(areas__code=area.code).values("pk"))
        .order_by(collated("title", area.locale.language_code), "pk")
    )

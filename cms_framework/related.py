"""What the framework app shows on the pages of the home app: the learning outcomes of the section holding them."""

from django.utils.translation import gettext_lazy as _

from cms_framework.models import LearningOutcomePage
from home.related import shows_on
from home.searchable import search_kind

search_kind("cms_framework.PilotActionPage", "pilot-action", _("Pilot actions"))


@shows_on("home.ContentPage", "learning_outcomes")
def learning_outcomes(page, request):
    """Evaluated only where the template asks: the learning outcomes of section II, in their order."""
    return LearningOutcomePage.objects.child_of(page).live().public().order_by("number")

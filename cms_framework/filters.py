"""The pilot actions' filters: validated like any form, so that a bad value gets a message and not a 500."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES, SETTINGS
from home.filters import PortalFilterSet


class PilotActionFilterSet(PortalFilterSet):
    country = django_filters.ChoiceFilter(label=_("Country"))
    setting = django_filters.ChoiceFilter(label=_("Setting"))
    area = django_filters.ChoiceFilter(label=_("Framework area"), field_name="areas__code", distinct=True)

    def __init__(self, data=None, *, queryset, areas):
        super().__init__(data, queryset=queryset)
        self.set_choices("country", COUNTRIES)
        self.set_choices("setting", SETTINGS)
        self.set_choices("area", [(area.code, f"{area.code} {area.title}") for area in areas.only("code", "title")])

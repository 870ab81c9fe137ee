"""The careers index's filters: validated like any form, so that a bad value gets a message beside its field."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from careers.choices import ISCO_MAJOR_GROUPS
from home.filters import PortalFilterSet
from home.folding import folded_contains


class CareerFilterForm(forms.Form):
    """The field of the index's URL that is not a filter: the page of results."""

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)


class CareerFilterSet(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    group = django_filters.ChoiceFilter(label=_("Occupation group (ISCO-08)"), method="in_major_group")
    area = django_filters.ChoiceFilter(label=_("Framework area"), method="linked_to", field_name="areas__code")

    class Meta:
        form = CareerFilterForm

    def __init__(self, data=None, *, queryset, areas, language):
        super().__init__(data, queryset=queryset)
        self.language = language
        self.set_choices("group", [(code, f"{code} {name}") for code, name in ISCO_MAJOR_GROUPS])
        self.set_choices("area", [(area.code, f"{area.code} {area.title}") for area in areas.only("code", "title")])

    def search(self, queryset, name, text):
        """Folded on both sides, in the editors' text and in ESCO's labels of the index's language."""
        from careers.models import EscoOccupation  # the models import this module

        in_esco = EscoOccupation.objects.filter(
            folded_contains(text, "preferred_label", "alt_labels"), language=self.language
        ).values("uri")
        return queryset.filter(
            folded_contains(text, "title", "summary", "work", "requirements") | Q(esco_uri__in=in_esco)
        )

    def in_major_group(self, queryset, name, code):
        return queryset.filter(isco_code__startswith=code)

    def linked_to(self, queryset, name, code):
        # A subquery rather than a join, so that a career linked to several matching areas is listed once.
        return queryset.filter(pk__in=queryset.model.objects.filter(**{name: code}).values("pk"))

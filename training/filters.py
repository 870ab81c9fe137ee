"""The training catalogue's filters: validated like any form, so that a bad value gets a message beside its field."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES
from home.filters import LanguageSelect, PortalFilterSet
from home.folding import folded_contains
from resources.choices import RESOURCE_LANGUAGES
from resources.fields import language_lookup
from training.choices import COSTS, KINDS, MODES, eqf_levels


class TrainingFilterForm(forms.Form):
    """The fields of the catalogue's URL that are not filters: the page of results and the data download."""

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)
    format = forms.ChoiceField(
        label=_("Download format"), required=False, choices=[("", ""), ("csv", "CSV")], widget=forms.HiddenInput
    )


class TrainingFilterSet(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    country = django_filters.ChoiceFilter(label=_("Country"))
    kind = django_filters.ChoiceFilter(label=_("Kind of opportunity"))
    level = django_filters.ChoiceFilter(label=_("EQF level"), field_name="eqf_level")
    language = django_filters.ChoiceFilter(
        label=_("Language of the training"), method="in_language", widget=LanguageSelect
    )
    online = django_filters.ChoiceFilter(label=_("Online or on site"), method="by_mode")
    cost = django_filters.ChoiceFilter(label=_("Cost"))
    area = django_filters.ChoiceFilter(label=_("Framework area"), method="linked_to", field_name="areas__code")

    class Meta:
        form = TrainingFilterForm

    def __init__(self, data=None, *, queryset, areas):
        super().__init__(data, queryset=queryset)
        self.areas = areas
        self.set_choices("country", COUNTRIES)
        self.set_choices("kind", KINDS)
        self.set_choices("level", [(str(level), name) for level, name in eqf_levels()])
        self.set_choices("language", RESOURCE_LANGUAGES)
        self.set_choices("online", MODES)
        self.set_choices("cost", COSTS)
        self.set_choices("area", [(area.code, f"{area.code} {area.title}") for area in areas])

    def search(self, queryset, name, text):
        return queryset.filter(folded_contains(text, "title", "summary", "description", "provider", "city"))

    def in_language(self, queryset, name, code):
        return queryset.filter(language_lookup(code))

    def by_mode(self, queryset, name, value):
        return queryset.filter(online=value == "yes")

    def linked_to(self, queryset, name, code):
        # A subquery rather than a join, so that an opportunity linked to several matching areas is listed once.
        return queryset.filter(pk__in=queryset.model.objects.filter(**{name: code}).values("pk"))

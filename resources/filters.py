"""The Matrix's filters: validated like any form, so that a bad value gets a message beside its field, not a 500."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES
from home.filters import LanguageSelect, PortalFilterSet
from resources.choices import CATEGORIES, RESOURCE_LANGUAGES, TARGET_GROUPS
from resources.fields import language_lookup


class ResourceFilterForm(forms.Form):
    """The fields of the Matrix's URL that are not filters: the page of results and the download format."""

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)
    format = forms.ChoiceField(
        label=_("Download format"),
        required=False,
        choices=[("", ""), ("csv", "CSV"), ("json", "JSON")],
        widget=forms.HiddenInput,
    )


class ResourceFilterSet(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    area = django_filters.ChoiceFilter(label=_("Framework area"), method="linked_to", field_name="areas__code")
    competence = django_filters.ChoiceFilter(label=_("Competence"), method="linked_to", field_name="competences__code")
    category = django_filters.ChoiceFilter(label=_("Category"))
    country = django_filters.ChoiceFilter(label=_("Country of origin"))
    language = django_filters.ChoiceFilter(
        label=_("Language of the resource"), method="in_language", widget=LanguageSelect
    )
    target_group = django_filters.ChoiceFilter(label=_("Target group"))

    class Meta:
        form = ResourceFilterForm

    def __init__(self, data=None, *, queryset, areas, competences):
        super().__init__(data, queryset=queryset)
        self.areas = areas
        self.set_choices("area", [(area.code, f"{area.code} {area.title}") for area in areas])
        self.set_choices("competence", [(code, f"{code} {title}") for code, title in competences])
        self.set_choices("category", CATEGORIES)
        self.set_choices("country", COUNTRIES)
        self.set_choices("language", RESOURCE_LANGUAGES)
        self.set_choices("target_group", TARGET_GROUPS)

    def search(self, queryset, name, text):
        return queryset.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(description__icontains=text)
            | Q(provider__icontains=text)
        )

    def linked_to(self, queryset, name, code):
        # A subquery rather than a join, so that a resource linked to several matching objects is listed once.
        return queryset.filter(pk__in=queryset.model.objects.filter(**{name: code}).values("pk"))

    def in_language(self, queryset, name, code):
        return queryset.filter(language_lookup(code))

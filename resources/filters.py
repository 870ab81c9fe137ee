"""The Matrix's filters: validated like any form, so that a bad value gets a message beside its field, not a 500."""

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES
from home.filters import LanguageSelect, PortalFilterSet
from home.folding import folded_contains
from resources.choices import CATEGORIES, RESOURCE_LANGUAGES, TARGET_GROUPS
from resources.fields import language_lookup


class ResourceFilterForm(forms.Form):
    """The fields of the Matrix's URL that are not filters: the page of results and the download format."""

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)
    format = forms.ChoiceField(
        label=_("Download format"),
        required=False,
        choices=[("", ""), ("csv", "CSV"), ("json", "JSON"), ("xlsx", "XLSX"), ("spreadsheet-csv", "CSV")],
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

    # The longest Matrix state a resource page's "back to the Matrix" link reads (see `from_state`).
    MAX_STATE_LENGTH = 1000

    def __init__(self, data=None, *, queryset, areas, competences):
        super().__init__(data, queryset=queryset)
        self.areas = areas
        self.competences = list(competences)
        self.set_choices("area", [(area.code, f"{area.code} {area.title}") for area in areas])
        self.set_choices("competence", [(code, f"{code} {title}") for code, title in self.competences])
        self.set_choices("category", CATEGORIES)
        self.set_choices("country", COUNTRIES)
        self.set_choices("language", RESOURCE_LANGUAGES)
        self.set_choices("target_group", TARGET_GROUPS)

    def state(self):
        """The list's place as a query string (the filters, then the page), for links back to it; "" for none.

        Call after `is_valid()`; only validated values of the FilterSet's own fields are written.
        """
        data = self.form.cleaned_data
        state = QueryDict(mutable=True)
        for name in self.filters:
            if data.get(name):
                state[name] = data[name]
        if data.get("page") and data["page"] > 1:
            state["page"] = data["page"]
        return state.urlencode()

    @classmethod
    def state_data(cls, text):
        """The filters and page a "back" parameter names, as data for the FilterSet: only its own keys, one value
        each; None when the text is too long or names anything else (the link then leads to the whole Matrix)."""
        if not text or len(text) > cls.MAX_STATE_LENGTH:
            return None
        data = QueryDict(text)
        known = {*cls.base_filters, "page"}
        if any(key not in known or len(data.getlist(key)) != 1 for key in data):
            return None
        return data

    def search(self, queryset, name, text):
        # Folded on both sides: "κάρτες", "ΚΑΡΤΕΣ" and "καρτες" find "Κάρτες", "ilgi" finds "İlgi envanteri".
        return queryset.filter(folded_contains(text, "title", "summary", "description", "provider"))

    def linked_to(self, queryset, name, code):
        # A subquery rather than a join, so that a resource linked to several matching objects is listed once.
        return queryset.filter(pk__in=queryset.model.objects.filter(**{name: code}).values("pk"))

    def in_language(self, queryset, name, code):
        return queryset.filter(language_lookup(code))

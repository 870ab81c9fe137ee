"""Filtered index pages: a django-filter FilterSet read from the URL (the URL is the state), without JavaScript.

A bad filter value answers 400 with its message beside the field; a page of results past the end answers 404.
"""

import django_filters
from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext_lazy as _

EVERYTHING = _("All")


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet whose form may also carry fields that are not filters (the page number, a download format)."""

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def set_choices(self, name, choices):
        """The choices of one filter, with "All" first (call before the form is first used)."""
        self.filters[name].extra.update(choices=list(choices), empty_label=EVERYTHING)

    def active_filters(self):
        data = self.form.cleaned_data
        return {name: data[name] for name in self.filters if data.get(name)}


class FilteredIndexMixin:
    """A page whose template lists other pages through a FilterSet: `get_filterset` says what is listed.

    The context gets `filter_form`, `invalid` (bad values: nothing is listed), `filters` (the active ones), and
    `results`: a paginator page when `paginate_by` is set (None past the last page), the filtered list otherwise.
    """

    filterset_class = None
    paginate_by = None

    def get_filterset(self, request):
        raise NotImplementedError

    def get_results(self, filterset):
        return filterset.qs

    def filterset_for(self, request):
        """The request's FilterSet, made once per request even when `serve` looks at it before `get_context`."""
        cache = request.__dict__.setdefault("_filtersets", {})
        if self.pk not in cache:
            cache[self.pk] = self.get_filterset(request)
        return cache[self.pk]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = self.filterset_for(request)
        context.update(filterset=filterset, filter_form=filterset.form, status=200)
        if not filterset.is_valid():
            context.update(invalid=True, results=None, status=400)
            return context
        context.update(invalid=False, filters=filterset.active_filters())
        results = self.get_results(filterset)
        if self.paginate_by:
            paginator = Paginator(results, self.paginate_by)
            try:
                results = paginator.page(filterset.form.cleaned_data.get("page") or 1)
            except EmptyPage:
                results = None
                context["status"] = 404
            context["paginator"] = paginator
        context["results"] = results
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.status_code = response.context_data["status"]
        return response


class LanguageSelect(forms.Select):
    """A select of languages named in their own language ("Italiano", "Ελληνικά"): each option carries the `lang`
    of the language it names, whatever the page's language; "All" carries none."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = str(value)
        return option

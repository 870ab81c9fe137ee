"""The matrix page's request handling: validate the filters, count the grid, paginate the list, export it."""

import io
import json

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES, RESOURCE_LANGUAGES, TARGET_GROUPS
from cms_framework.models import Competence, FrameworkAreaPage, FrameworkPage
from resources.models import CATEGORIES, ResourcePage, language_lookup
from resources.spreadsheet import resource_row, with_relations, write_csv

PAGE_SIZE = 20
EXPORT_FORMATS = {"csv", "json"}


class ResourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    area = forms.ChoiceField(label=_("Framework area"), required=False)
    competence = forms.ChoiceField(label=_("Competence"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    country = forms.ChoiceField(label=_("Country of origin"), required=False)
    language = forms.ChoiceField(label=_("Language of the resource"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)
    format = forms.ChoiceField(
        label=_("Download format"),
        required=False,
        choices=[("", ""), ("csv", "CSV"), ("json", "JSON")],
        widget=forms.HiddenInput,
    )

    FILTERS = ["q", "area", "competence", "category", "country", "language", "target_group"]

    def __init__(self, data, *, areas, competences):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["area"].choices = everything + [(area.code, f"{area.code} {area.title}") for area in areas]
        self.fields["competence"].choices = everything + [(code, f"{code} {title}") for code, title in competences]
        self.fields["category"].choices = everything + list(CATEGORIES)
        self.fields["country"].choices = everything + list(COUNTRIES)
        self.fields["language"].choices = everything + list(RESOURCE_LANGUAGES)
        self.fields["target_group"].choices = everything + list(TARGET_GROUPS)

    def active_filters(self):
        data = self.cleaned_data
        return {name: data[name] for name in self.FILTERS if data.get(name)}

    def filter(self, queryset):
        data = self.active_filters()
        if "q" in data:
            text = data["q"]
            queryset = queryset.filter(
                Q(title__icontains=text)
                | Q(summary__icontains=text)
                | Q(description__icontains=text)
                | Q(provider__icontains=text)
            )
        if "area" in data:
            queryset = queryset.filter(pk__in=ResourcePage.objects.filter(areas__code=data["area"]).values("pk"))
        if "competence" in data:
            queryset = queryset.filter(
                pk__in=ResourcePage.objects.filter(competences__code=data["competence"]).values("pk")
            )
        for name in ("category", "country", "target_group"):
            if name in data:
                queryset = queryset.filter(**{name: data[name]})
        if "language" in data:
            queryset = queryset.filter(language_lookup(data["language"]))
        return queryset


def frameworks_with_areas(locale):
    """The live frameworks of a language, each with its live areas in tree order (two queries)."""
    frameworks = list(FrameworkPage.objects.live().public().filter(locale=locale).order_by("path"))
    areas = list(FrameworkAreaPage.objects.live().public().filter(locale=locale).order_by("path"))
    for framework in frameworks:
        framework.area_list = [area for area in areas if area.path.startswith(framework.path)]
    return frameworks, areas


def serve_matrix(page, request, serve, *args, **kwargs):
    locale = page.locale
    frameworks, areas = frameworks_with_areas(locale)
    competences = (
        Competence.objects.filter(locale=locale, area__live=True).order_by("area__path", "sort_order")
    ).values_list("code", "title")
    form = ResourceFilterForm(request.GET, areas=areas, competences=competences)
    resources = ResourcePage.objects.live().public().filter(locale=locale)

    if not form.is_valid():
        if request.GET.get("format") in EXPORT_FORMATS:
            errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        response = serve(request, *args, **kwargs)
        response.context_data.update(matrix_context(page, frameworks, resources, request))
        response.context_data.update(filter_form=form, invalid=True)
        response.status_code = 400
        return response

    filtered = form.filter(resources).order_by("title", "pk")
    export = form.cleaned_data.get("format")
    if export:
        return export_response(request, page, form, with_relations(filtered), export)

    paginator = Paginator(filtered.only(*LIST_FIELDS), PAGE_SIZE)
    try:
        results = paginator.page(form.cleaned_data.get("page") or 1)
    except EmptyPage:
        results = None
    response = serve(request, *args, **kwargs)
    context = response.context_data
    context.update(matrix_context(page, frameworks, resources, request))
    context.update(filter_form=form, filters=form.active_filters(), paginator=paginator, results=results)
    if results is not None:
        results.object_list = list(results.object_list.prefetch_related("areas"))
    else:
        response.status_code = 404
    return response


LIST_FIELDS = [
    "id",
    "path",
    "url_path",
    "depth",
    "title",
    "slug",
    "locale",
    "summary",
    "description",
    "category",
    "country",
    "languages",
    "provider",
    "target_group",
    "duration",
]


def matrix_context(page, frameworks, resources, request):
    """The grid: for each area of each framework, the number of resources in each category (one query)."""
    counts = {
        (row["areas__code"], row["category"]): row["total"]
        for row in resources.filter(areas__isnull=False)
        .values("areas__code", "category")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    }
    grid = []
    for framework in frameworks:
        rows = [
            {"area": area, "cells": [(code, label, counts.get((area.code, code), 0)) for code, label in CATEGORIES]}
            for area in framework.area_list
        ]
        grid.append({"framework": framework, "rows": rows})
    return {"grid": grid, "categories": CATEGORIES}


def export_response(request, page, form, queryset, export):
    resources = list(queryset)
    rows = [resource_row(resource) for resource in resources]
    filename = f"resources-{page.locale.language_code}.{export}"
    if export == "csv":
        stream = io.StringIO()
        write_csv(rows, stream)
        response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        urls = [resource.get_full_url(request) for resource in resources]
        payload = {
            "language": page.locale.language_code,
            "filters": form.active_filters(),
            "count": len(rows),
            "resources": [{**row, "page_url": url} for row, url in zip(rows, urls, strict=True)],
        }
        response = HttpResponse(
            json.dumps(payload, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

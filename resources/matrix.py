"""The Matrix page's grid (resources by framework area and category) and its downloads.

Two kinds of download of the filtered list: data (`csv`, `json`: the import format, English keys and codes) and
spreadsheets for people (`xlsx`, `spreadsheet-csv`: headers and values in the reader's language).
"""

import io
import json
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.freshness import generation
from resources.choices import CATEGORIES
from resources.spreadsheet import reader_row, resource_row, write_csv, write_reader_csv, write_reader_xlsx

DATA_FORMATS = {"csv", "json"}
SPREADSHEET_FORMATS = {"xlsx", "spreadsheet-csv"}
DOWNLOAD_FORMATS = DATA_FORMATS | SPREADSHEET_FORMATS
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A download is the page's list at one moment: shared caches may keep it a short while (a signed-in reader's
# responses are made private by the portal's middleware).
DOWNLOAD_MAX_AGE = 300
# Letters that Unicode does not decompose into an ASCII letter and a mark, for the ASCII form of a file name.
ASCII_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"})
# What the list of results shows of each resource.
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


def grid_counts(resources):
    """The number of resources of each (area code, category): one grouped query."""
    return {
        (row["areas__code"], row["category"]): row["total"]
        for row in resources.filter(areas__isnull=False)
        .values("areas__code", "category")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    }


def cached(request, name, build, timeout=None):
    """`build()`, kept in the default cache under this content generation (home/freshness.py) and `name`, which
    must say everything the value depends on (the language, the filters); built every time while the cache cannot
    be reached, or when the content caches are turned off (`PAGE_CACHE_ENABLED`)."""
    value = generation(request) if settings.PAGE_CACHE_ENABLED else None
    if value is None:
        return build()
    key = f"matrix:{value}:{name}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, timeout=settings.PAGE_CACHE_TIMEOUT if timeout is None else timeout)
    return found


class CountedResults:
    """A queryset whose number of rows is already known: the paginator reads `count()`, a page slices the queryset."""

    def __init__(self, queryset, total):
        self.queryset, self.total, self.ordered = queryset, total, True

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.queryset[index]


def grid(frameworks, areas, counts):
    """For each area of each framework, the number of resources in each category (`counts`: `grid_counts`)."""
    return [
        {
            "framework": framework,
            "rows": [
                {"area": area, "cells": [(code, label, counts.get((area.code, code), 0)) for code, label in CATEGORIES]}
                for area in areas
                if area.path.startswith(framework.path)
            ],
        }
        for framework in frameworks
    ]


def filter_errors_response(form):
    errors = {name: [str(error) for error in field_errors] for name, field_errors in form.errors.items()}
    return JsonResponse({"errors": errors}, status=400)


def download_response(request, language_code, filterset, resources, download):
    """The filtered resources as data (CSV, JSON) or as a spreadsheet for people (XLSX, CSV for the language).

    The file is the same for every reader (its links name the site's configured host), so it is kept per content
    generation, language, format and filters: a second download of 5,000 resources is one cache read, for signed-in
    readers too (whose answer the portal's middleware still marks private)."""

    def build():
        if download in SPREADSHEET_FORMATS:
            response = spreadsheet_response(request, language_code, filterset, resources, download)
        else:
            response = data_response(request, language_code, filterset, resources, download)
        return response.content, response["Content-Type"], response["Content-Disposition"]

    content, content_type, disposition = cached(
        request, f"download:{language_code}:{download}:{filterset.state()}", build
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = disposition
    return cacheable(response, language_code)


def data_response(request, language_code, filterset, resources, download):
    """The filtered resources in the import's columns: CSV, or JSON with each resource's page address."""
    resources = list(resources)
    rows = [resource_row(resource) for resource in resources]
    if download == "csv":
        stream = io.StringIO()
        write_csv(rows, stream)
        response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        payload = {
            "language": language_code,
            "filters": filterset.active_filters(),
            "count": len(rows),
            "resources": [
                {**row, "page_url": resource.get_full_url(request)}
                for row, resource in zip(rows, resources, strict=True)
            ],
        }
        response = HttpResponse(
            json.dumps(payload, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="resources-{language_code}.{download}"'
    return cacheable(response, language_code)


def spreadsheet_response(request, language_code, filterset, resources, download):
    """The filtered resources for people, in the active (the page's) language: an XLSX workbook, or a CSV with a
    BOM, the language's list separator and CRLF line ends."""
    area_titles = {area.code: area.title for area in filterset.areas}
    competence_titles = dict(filterset.competences)
    rows = [
        reader_row(
            resource,
            area_titles=area_titles,
            competence_titles=competence_titles,
            page_url=resource.get_full_url(request),
        )
        for resource in resources
    ]
    name = pgettext("file name of the spreadsheet of resources", "matrix-resources")
    if download == "xlsx":
        stream = io.BytesIO()
        write_reader_xlsx(
            rows,
            stream,
            language_code=language_code,
            title=_("The Matrix of Career Management Skills Resources"),
            sheet=_("Resources"),
            description=filter_summary(filterset),
        )
        response = HttpResponse(stream.getvalue(), content_type=XLSX_TYPE)
        extension = "xlsx"
    else:
        stream = io.StringIO()
        write_reader_csv(rows, stream, language_code)
        response = HttpResponse(stream.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
        extension = "csv"
    response["Content-Disposition"] = attachment(
        f"{slugify(name, allow_unicode=True)}-{language_code}.{extension}",
        fallback=f"resources-{language_code}.{extension}",
    )
    return cacheable(response, language_code)


def filter_summary(filterset):
    """The filters applied, as a reader reads them ("Category: Videos; Country of origin: Italy")."""
    form = filterset.form
    parts = []
    for name, value in filterset.active_filters().items():
        field = form.fields[name]
        label = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
        parts.append(f"{field.label}: {label}")
    return "; ".join(parts)


def ascii_file_name(name):
    """The ASCII form of a file name (accents dropped), or "" when letters would be lost (Greek)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
    stripped = "".join(character for character in decomposed if not unicodedata.combining(character))
    return stripped if stripped.isascii() else ""


def attachment(name, fallback):
    """A Content-Disposition naming the file in the reader's language (RFC 6266: `filename*` in UTF-8), with an
    ASCII `filename` for clients that do not read it. `name` is a slug (no quotes, no line breaks)."""
    return f"attachment; filename=\"{ascii_file_name(name) or fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def cacheable(response, language_code):
    response["Content-Language"] = language_code
    patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
    return response

"""The Matrix page's grid (resources by framework area and category) and its CSV and JSON downloads."""

import io
import json

from django.db.models import Count
from django.http import HttpResponse, JsonResponse

from resources.choices import CATEGORIES
from resources.spreadsheet import resource_row, write_csv

DOWNLOAD_FORMATS = {"csv", "json"}
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


def grid(frameworks, areas, resources):
    """For each area of each framework, the number of resources in each category (one query for the counts)."""
    counts = {
        (row["areas__code"], row["category"]): row["total"]
        for row in resources.filter(areas__isnull=False)
        .values("areas__code", "category")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    }
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
    """The filtered resources in the spreadsheet columns: CSV, or JSON with each resource's page address."""
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
    return response

"""Benchmark the Matrix page: SQL queries and median render time at 500 and 5,000 resources in six languages,
and the CPU time of its downloads (the data CSV, the XLSX and the readers' CSV of the whole Italian list).

Usage (from the project folder):

    .venv/bin/python bench/bench_matrix.py                      # 500 then 5,000 resources, 15 renders each
    .venv/bin/python bench/bench_matrix.py --sizes 40 500 --repeat 25   # 40: as many resources as the demo
    .venv/bin/python bench/bench_matrix.py --database-url postgres://user:pass@127.0.0.1/leader_bench

The database is a fresh SQLite file in a temporary folder unless --database-url names another (which is then
migrated and filled: never point it at a database you care about). Each resource exists in all six languages, as a
translation of its English page, so 5,000 resources are 30,000 resource pages. Resources are written with bulk SQL
inserts (pages, resource rows and their links to areas, competences and outcomes), which is fast and leaves the
tree valid; the pages the matrix page itself needs (homes, framework, areas, matrix) are made through Wagtail.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGUAGES = ["en", "it", "ro", "es", "el", "tr"]
CATEGORIES = ["presentations", "websites", "videos", "tools"]
AREAS = ["A1", "A2", "A3", "A4"]
FILTERED = "?area=A2&category=videos&country=ES&language=en&q=resource"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of resources, ascending")
    parser.add_argument("--repeat", type=int, default=15, help="renders per measurement (the median is reported)")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.LOGGING_CONFIG = None
    settings.PAGE_CACHE_ENABLED = False  # what a page costs to build; bench_pagecache.py measures the cache


def build_tree():
    """English home, sample framework (four areas, two competences each), outcome section and matrix, translated."""
    from wagtail.models import Locale, Page, Site

    from cms_framework.factories import (
        CompetenceFactory,
        FrameworkAreaPageFactory,
        FrameworkPageFactory,
        LearningOutcomePageFactory,
    )
    from home.factories import ContentPageFactory, HomePageFactory
    from resources.factories import ResourceIndexPageFactory

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Bench home", slug="bench", locale=locales["en"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
    site.root_page = home
    site.save()
    framework = FrameworkPageFactory(parent=home, slug="framework", locale=locales["en"])
    areas = [FrameworkAreaPageFactory(parent=framework, code=code, slug=code.lower()) for code in AREAS]
    for area in areas:
        for number in (1, 2):
            CompetenceFactory(area=area, code=f"{area.code}.{number}", locale=area.locale)
        area.save_revision().publish()
    section = ContentPageFactory(parent=home, slug="cms-emerging-needs")
    outcome = LearningOutcomePageFactory(parent=section, number=1, slug="outcome-1")
    matrix = ResourceIndexPageFactory(parent=home)
    english = [home, framework, *areas, section, outcome, matrix]
    for code in LANGUAGES[1:]:
        for page in english:
            page = Page.objects.get(pk=page.pk).specific
            copy = page.copy_for_translation(locales[code])
            copy.save_revision().publish()
    return locales


def add_resources(locales, start, stop):
    """Resources number start..stop-1, each in the six languages, with bulk inserts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from cms_framework.models import Competence, FrameworkAreaPage, LearningOutcomePage
    from home.partners import PARTNER_COUNTRY_CODES
    from resources.models import ResourceIndexPage, ResourcePage

    content_type = ContentType.objects.get_for_model(ResourcePage)
    own_fields = list(ResourcePage._meta.local_concrete_fields)
    with transaction.atomic():
        for code, locale in locales.items():
            matrix = ResourceIndexPage.objects.get(locale=locale)
            area_ids = dict(FrameworkAreaPage.objects.filter(locale=locale).values_list("code", "pk"))
            competence_ids = dict(Competence.objects.filter(locale=locale).values_list("code", "pk"))
            outcome_id = LearningOutcomePage.objects.get(locale=locale).pk
            pages = []
            for number in range(start, stop):
                pages.append(
                    Page(
                        title=f"Bench resource {number} ({code})",
                        draft_title=f"Bench resource {number} ({code})",
                        slug=f"resource-{number}",
                        path=matrix.path + Page._int2str(number + 1).rjust(Page.steplen, "0"),
                        depth=matrix.depth + 1,
                        numchild=0,
                        url_path=f"{matrix.url_path}resource-{number}/",
                        content_type=content_type,
                        locale=locale,
                        live=True,
                        has_unpublished_changes=False,
                        translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"bench-resource-{number}"),
                    )
                )
            Page.objects.bulk_create(pages, batch_size=500)
            created = dict(
                Page.objects.filter(path__startswith=matrix.path, depth=matrix.depth + 1)
                .filter(slug__in=[page.slug for page in pages])
                .values_list("slug", "pk")
            )
            rows, area_links, competence_links, outcome_links = [], [], [], []
            for number in range(start, stop):
                pk = created[f"resource-{number}"]
                resource = ResourcePage(
                    page_ptr_id=pk,
                    key=f"BENCH-{number:05d}",
                    category=CATEGORIES[number % 4],
                    description=f"A bench resource number {number} for practitioners.",
                    instructions="Use it in a group session.",
                    languages=[LANGUAGES[number % 6], "en"] if number % 6 else ["en"],
                    country=PARTNER_COUNTRY_CODES[number % 6],
                    provider="Bench provider",
                    target_group="adults",
                    setting="school",
                    duration=30,
                    licence="CC BY 4.0",
                    url=f"https://example.org/bench/{number}",
                )
                rows.append(
                    [field.get_db_prep_save(field.pre_save(resource, True), connection) for field in own_fields]
                )
                area = AREAS[number % 4]
                area_links.append((pk, area_ids[area]))
                competence_links.append((pk, competence_ids[f"{area}.{number % 2 + 1}"]))
                outcome_links.append((pk, outcome_id))
            table = ResourcePage._meta.db_table
            columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
            marks = ", ".join(["%s"] * len(own_fields))
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
            for relation, links in (
                (ResourcePage.areas.through, area_links),
                (ResourcePage.competences.through, competence_links),
                (ResourcePage.learning_outcomes.through, outcome_links),
            ):
                fields = [f.attname for f in relation._meta.concrete_fields if f.attname != "id"]
                relation.objects.bulk_create(
                    [relation(**dict(zip(fields, link, strict=True))) for link in links], batch_size=1000
                )
            Page.objects.filter(pk=matrix.pk).update(numchild=stop)


def measure(path, repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    response = client.get(path)  # warm caches, as a running server has them
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    queries = len(context.captured_queries)  # read now: the next request empties the log
    timings = []
    for _ in range(repeat):
        begin = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - begin) * 1000)
    return queries, statistics.median(timings), len(response.content)


DOWNLOADS = [("data CSV", "csv"), ("JSON", "json"), ("XLSX", "xlsx"), ("readers' CSV", "spreadsheet-csv")]


def measure_cpu(path, repeat):
    """Median CPU time of the process (ms) for one request, the SQL queries of one, and the response's size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    queries = len(context.captured_queries)
    timings = []
    for _ in range(repeat):
        begin = time.process_time()
        response = client.get(path)
        timings.append((time.process_time() - begin) * 1000)
    return queries, statistics.median(timings), len(response.content)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.core.management import call_command
        from django.db import connection

        print(f"database: {connection.vendor}; migrating…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)  # the development settings' shared cache (make migrate's)
        locales = build_tree()
        results, downloads, done = [], [], 0
        for size in sorted(args.sizes):
            begin = time.perf_counter()
            add_resources(locales, done, size)
            done = size
            print(f"{size} resources × 6 languages written in {time.perf_counter() - begin:.1f} s", flush=True)
            last_page = min(3, -(-size // 20))  # the third page of 20, or the last one of a smaller list
            for label, path in [
                ("matrix, no filter (en)", "/en/teaching-resources/"),
                ("matrix, no filter (el)", "/el/teaching-resources/"),
                ("matrix, 5 filters (en)", "/en/teaching-resources/" + FILTERED),
                (f"matrix, page {last_page} (it)", f"/it/teaching-resources/?page={last_page}"),
            ]:
                queries, median, size_bytes = measure(path, args.repeat)
                results.append((size, label, queries, median, size_bytes))
                print(f"  {label:26} {queries:3d} queries  median {median:7.1f} ms  ({size_bytes // 1024} KiB)")
            cpu = {}
            for label, download in DOWNLOADS:
                queries, median, size_bytes = measure_cpu(f"/it/teaching-resources/?format={download}", args.repeat)
                cpu[download] = median
                downloads.append((size, label, queries, median, median / cpu["csv"], size_bytes))
                print(f"  download {label:17} {queries:3d} queries  CPU {median:7.1f} ms  ({size_bytes // 1024} KiB)")
        print()
        print("| resources (× 6 languages) | page | SQL queries | median render (ms) |")
        print("| --- | --- | --- | --- |")
        for size, label, queries, median, _bytes in results:
            print(f"| {size:,} | {label} | {queries} | {median:.1f} |")
        print()
        print("| resources | download (it, whole list) | SQL queries | median CPU (ms) | × data CSV | size (KiB) |")
        print("| --- | --- | --- | ---: | ---: | ---: |")
        for size, label, queries, median, ratio, size_bytes in downloads:
            print(f"| {size:,} | {label} | {queries} | {median:.1f} | {ratio:.2f} | {size_bytes / 1024:.0f} |")


if __name__ == "__main__":
    main()

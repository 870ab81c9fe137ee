"""Benchmark the training catalogue: SQL queries, median time and CPU per request of its index page and of its open
data list, at 500 and 5,000 opportunities in six languages, as a multiple of a minimal Django view behind the same
middleware measured in the same run (`bench/bench_urls.py`).

Usage (from the project folder):

    .venv/bin/python bench/bench_training.py                          # 500 then 5,000, 15 requests each
    .venv/bin/python bench/bench_training.py --sizes 18 500 --repeat 25
    .venv/bin/python bench/bench_training.py --database-url postgres://postgres@127.0.0.1/leader_bench

The database is a fresh SQLite file in a temporary folder unless --database-url names another (which is then
migrated and filled: never point it at a database you care about). Each opportunity exists in all six languages,
written with bulk SQL inserts (pages, rows, their links to areas); the pages the catalogue needs are made through
Wagtail.
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_search import measure  # noqa: E402

LANGUAGES = ["en", "it", "ro", "es", "el", "tr"]
KINDS = ["course", "apprenticeship", "higher-education", "adult-education", "volunteering", "mobility"]
AREAS = ["A1", "A2", "A3", "A4"]
FILTERED = "?country=ES&kind=course&level=4&language=en&online=no&q=training"
REQUESTS = [
    ("index, no filter (en)", "/en/training/"),
    ("index, no filter (tr)", "/tr/training/"),
    ("index, 6 filters (en)", "/en/training/" + FILTERED),
    ("index, page 3 (el)", "/el/training/?page=3"),
    ("index, no result (es): the chrome and the form", "/es/training/?q=zzzz"),
    ("open data, no filter (it)", "/api/v1/training/?locale=it"),
    ("open data, 6 filters (en)", "/api/v1/training/" + FILTERED),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of opportunities")
    parser.add_argument("--repeat", type=int, default=15, help="requests per measurement (the median is reported)")
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
    settings.OPEN_DATA_RATE = "100000/m"  # the benchmark is one client asking many times


def build_tree():
    """English home, a framework with four areas and the catalogue, copied into the five other languages."""
    from wagtail.models import Locale, Page, Site

    from cms_framework.factories import FrameworkAreaPageFactory, FrameworkPageFactory
    from home.factories import HomePageFactory
    from training.factories import TrainingIndexPageFactory

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Bench home", slug="bench", locale=locales["en"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
    site.root_page = home
    site.save()
    framework = FrameworkPageFactory(parent=home, slug="framework", locale=locales["en"])
    areas = [FrameworkAreaPageFactory(parent=framework, code=code, slug=code.lower()) for code in AREAS]
    catalogue = TrainingIndexPageFactory(parent=home)
    for code in LANGUAGES[1:]:
        for page in [home, framework, *areas, catalogue]:
            page = Page.objects.get(pk=page.pk).specific
            page.copy_for_translation(locales[code]).save_revision().publish()
    return locales


def add_training(locales, start, stop):
    """Opportunities number start..stop-1, each in the six languages, with bulk inserts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from cms_framework.models import FrameworkAreaPage
    from home.partners import PARTNER_COUNTRY_CODES
    from training.models import TrainingIndexPage, TrainingPage

    content_type = ContentType.objects.get_for_model(TrainingPage)
    own_fields = list(TrainingPage._meta.local_concrete_fields)
    with transaction.atomic():
        for code, locale in locales.items():
            catalogue = TrainingIndexPage.objects.get(locale=locale)
            area_ids = dict(FrameworkAreaPage.objects.filter(locale=locale).values_list("code", "pk"))
            pages = [
                Page(
                    title=f"Bench training {number} ({code})",
                    draft_title=f"Bench training {number} ({code})",
                    slug=f"training-{number}",
                    path=catalogue.path + Page._int2str(number + 1).rjust(Page.steplen, "0"),
                    depth=catalogue.depth + 1,
                    numchild=0,
                    url_path=f"{catalogue.url_path}training-{number}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"bench-training-{number}"),
                )
                for number in range(start, stop)
            ]
            Page.objects.bulk_create(pages, batch_size=500)
            created = dict(
                Page.objects.filter(path__startswith=catalogue.path, depth=catalogue.depth + 1)
                .filter(slug__in=[page.slug for page in pages])
                .values_list("slug", "pk")
            )
            rows, links = [], []
            for number in range(start, stop):
                pk = created[f"training-{number}"]
                training = TrainingPage(
                    page_ptr_id=pk,
                    key=f"BENCH-{number:05d}",
                    kind=KINDS[number % 6],
                    summary="A bench training opportunity for adults.",
                    description=f"Bench training opportunity number {number}.",
                    provider="Bench provider",
                    country=PARTNER_COUNTRY_CODES[number % 6],
                    city="Bench city" if number % 3 else "",
                    online=not number % 3,
                    eqf_level=number % 8 + 1 if number % 5 else None,
                    languages=[LANGUAGES[number % 6], "en"] if number % 6 else ["en"],
                    duration=number % 12 + 1,
                    duration_unit="weeks",
                    cost="free" if number % 2 else "paid",
                    url=f"https://example.org/bench/{number}",
                )
                rows.append(
                    [field.get_db_prep_save(field.pre_save(training, True), connection) for field in own_fields]
                )
                links.append((pk, area_ids[AREAS[number % 4]]))
            table = TrainingPage._meta.db_table
            columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
            marks = ", ".join(["%s"] * len(own_fields))
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
            relation = TrainingPage.areas.through
            fields = [f.attname for f in relation._meta.concrete_fields if f.attname != "id"]
            relation.objects.bulk_create(
                [relation(**dict(zip(fields, link, strict=True))) for link in links], batch_size=1000
            )
            Page.objects.filter(pk=catalogue.pk).update(numchild=stop)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        settings.ROOT_URLCONF = "bench.bench_urls"
        print(f"database: {connection.vendor}; migrating…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        locales = build_tree()
        client, rows, done = Client(), [], 0
        for size in sorted(args.sizes):
            begin = time.perf_counter()
            add_training(locales, done, size)
            done = size
            print(f"{size} opportunities × 6 languages written in {time.perf_counter() - begin:.1f} s", flush=True)
            _q, wall, baseline = measure(client, "/bench/minimal/", args.repeat)
            rows.append((size, "minimal Django view (baseline)", 0, wall, baseline, 1.0))
            for label, path in REQUESTS:
                queries, wall, cpu = measure(client, path, args.repeat)
                ratio = cpu / baseline
                print(f"  {label:48} {queries:2d} queries  median {wall:7.1f} ms  CPU {cpu:6.1f} ms = {ratio:5.1f}×")
                rows.append((size, label, queries, wall, cpu, ratio))
        print()
        print(
            "| opportunities (× 6 languages) | request | SQL queries | median time (ms) | CPU (ms) | × minimal view |"
        )
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        for size, label, queries, wall, cpu, ratio in rows:
            print(f"| {size:,} | {label} | {queries} | {wall:.1f} | {cpu:.1f} | {ratio:.1f} |")


if __name__ == "__main__":
    main()

"""Benchmark the catalogue indexes (the careers; the training opportunities can join): SQL queries, median time and
CPU per request, as a multiple of a minimal Django view measured in the same run, at two sizes in six languages.

Usage (from the project folder):

    .venv/bin/python bench/bench_catalogues.py                       # 12 (the demo's) then 1,000 careers
    .venv/bin/python bench/bench_catalogues.py --sizes 12 1000 --repeat 30
    .venv/bin/python bench/bench_catalogues.py --database-url postgres://postgres@127.0.0.1:5432/leader_bench_cat

The tree is bench_matrix.py's (home, framework, areas, Matrix, each in six languages) plus each catalogue's index;
each catalogue fills itself with bulk SQL inserts (every item in the six languages). To add a catalogue, give
`CATALOGUES` an entry: its name, a function that builds its index pages, one that adds items start..stop-1, and the
addresses to measure.
"""

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matrix import LANGUAGES, build_tree, setup_django  # noqa: E402
from bench.bench_search import measure  # noqa: E402

GOAL = 25  # the bound: at most 25 times the minimal view's CPU time
AREAS = ["A1", "A2", "A3", "A4"]


def build_career_indexes(locales):
    from wagtail.models import Page

    from careers.factories import CareerIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(locale=locales["en"])
    index = CareerIndexPageFactory(parent=home, locale=locales["en"])
    for code in LANGUAGES[1:]:
        copy = Page.objects.get(pk=index.pk).specific.copy_for_translation(locales[code])
        copy.save_revision().publish()


def add_careers(locales, start, stop):
    """Careers number start..stop-1, each in the six languages, with bulk inserts; ISCO major groups go round."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from careers.models import CareerIndexPage, CareerPage
    from cms_framework.models import FrameworkAreaPage

    content_type = ContentType.objects.get_for_model(CareerPage)
    own_fields = list(CareerPage._meta.local_concrete_fields)
    with transaction.atomic():
        for code, locale in locales.items():
            index = CareerIndexPage.objects.get(locale=locale)
            area_ids = dict(FrameworkAreaPage.objects.filter(locale=locale).values_list("code", "pk"))
            Page.objects.bulk_create(
                [
                    Page(
                        title=f"Bench career {number} ({code})",
                        draft_title=f"Bench career {number} ({code})",
                        slug=f"career-{number}",
                        path=index.path + Page._int2str(number + 1).rjust(Page.steplen, "0"),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}career-{number}/",
                        content_type=content_type,
                        locale=locale,
                        live=True,
                        has_unpublished_changes=False,
                        translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"bench-career-{number}"),
                    )
                    for number in range(start, stop)
                ],
                batch_size=500,
            )
            created = dict(
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).values_list("slug", "pk")
            )
            rows, area_links = [], []
            for number in range(start, stop):
                pk = created[f"career-{number}"]
                career = CareerPage(
                    page_ptr_id=pk,
                    key=f"BENCH-{number:05d}",
                    summary=f"A bench career number {number}.",
                    esco_uri=f"http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-{number:012d}",
                    isco_code=f"{number % 9 + 1}{number % 1000:03d}",
                    work="The work of a bench career, for people who like it.",
                    requirements="Training and practice.",
                    country_links=[],
                )
                rows.append([field.get_db_prep_save(field.pre_save(career, True), connection) for field in own_fields])
                area_links.append((pk, area_ids[AREAS[number % 4]]))
            table = CareerPage._meta.db_table
            columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
            marks = ", ".join(["%s"] * len(own_fields))
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
            relation = CareerPage.areas.through
            fields = [f.attname for f in relation._meta.concrete_fields if f.attname != "id"]
            relation.objects.bulk_create(
                [relation(**dict(zip(fields, link, strict=True))) for link in area_links], batch_size=1000
            )
            Page.objects.filter(pk=index.pk).update(numchild=stop)


# (name, build the index pages, add items start..stop-1, [(label, address)])
CATALOGUES = [
    (
        "careers",
        build_career_indexes,
        add_careers,
        [
            ("careers, no filter (en)", "/en/careers/"),
            ("careers, group (el)", "/el/careers/?group=2"),
            ("careers, area and text (tr)", "/tr/careers/?area=A2&q=bench+career"),
            ("careers, page 2 (it)", "/it/careers/?page=2"),
        ],
    ),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 1000], help="items per catalogue, ascending")
    parser.add_argument("--repeat", type=int, default=30, help="requests per measurement (the median is reported)")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


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
        for _name, build, _add, _addresses in CATALOGUES:
            build(locales)
        client, rows, done = Client(), [], 0
        for size in sorted(args.sizes):
            for _name, _build, add, _addresses in CATALOGUES:
                add(locales, done, size)
            done = size
            _q, wall, baseline = measure(client, "/bench/minimal/", args.repeat)
            rows.append((size, "minimal Django view (baseline)", 0, wall, baseline))
            for _name, _build, _add, addresses in CATALOGUES:
                for label, address in addresses:
                    if "page=2" in address and size <= 20:
                        continue  # one page only
                    queries, wall, cpu = measure(client, address, args.repeat)
                    rows.append((size, label, queries, wall, cpu))
                    print(f"  {size:6} {label:30} {queries:3d} queries  {wall:7.1f} ms  CPU {cpu:6.1f} ms", flush=True)
        baselines = {size: cpu for size, label, _q, _w, cpu in rows if label.startswith("minimal")}
        print()
        print(
            "| items (× 6 languages) | page | SQL queries | median time (ms) | CPU (ms) "
            f"| × minimal view (goal ≤ {GOAL}×) |"
        )
        print("| ---: | --- | ---: | ---: | ---: | ---: |")
        for size, label, queries, wall, cpu in rows:
            ratio = cpu / baselines[size]
            print(f"| {size:,} | {label} | {queries} | {wall:.1f} | {cpu:.2f} | {ratio:.1f} |")


if __name__ == "__main__":
    main()

"""Benchmark the site search: SQL queries, median time and CPU per request (as a multiple of a minimal Django view
in the same run) at 500 and 5,000 resources in six languages.

Usage (from the project folder):

    .venv/bin/python bench/bench_search.py                       # SQLite in a temporary folder
    .venv/bin/python bench/bench_search.py --database-url postgres://postgres@127.0.0.1:5432/leader_bench_search

The tree and the resources are bench_matrix.py's (bulk inserts; each resource in the six languages, so 5,000
resources are 30,000 pages); the search's index is then rebuilt with `rebuild_search_index`, timed. Searches: a word
every resource has ("practitioners": every resource of the language matches and is ranked), a rare one (one
resource), two words, and a word that matches nothing (counted in the misses).
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matrix import add_resources, build_tree, setup_django  # noqa: E402

SEARCHES = [
    ("every resource (en)", "/en/search/?q=practitioners"),
    ("every resource (el)", "/el/search/?q=practitioners"),
    ("one resource (it)", "/it/search/?q=number+{rare}"),
    ("two words, kind (tr)", "/tr/search/?q=group+session&kind=resource"),
    ("no result (es)", "/es/search/?q=zzzunknown"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of resources, ascending")
    parser.add_argument("--repeat", type=int, default=30, help="requests per measurement (the median is reported)")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


def measure(client, path, repeat):
    """(SQL queries of one request, median wall time ms, median CPU time ms)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    queries = len(context.captured_queries)
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return queries, statistics.median(walls), statistics.median(cpus)


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
            add_resources(locales, done, size)
            done = size
            begin = time.perf_counter()
            call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
            print(f"{size} resources × 6 languages; index rebuilt in {time.perf_counter() - begin:.1f} s", flush=True)
            _q, _wall, baseline = measure(client, "/bench/minimal/", args.repeat)
            rows.append((size, "minimal Django view (baseline)", 0, _wall, baseline, 1.0))
            for label, path in SEARCHES:
                queries, wall, cpu = measure(client, path.format(rare=size // 2), args.repeat)
                ratio = cpu / baseline
                print(f"  {label:22} {queries:2d} queries  median {wall:7.1f} ms  CPU {cpu:6.1f} ms = {ratio:5.1f}×")
                rows.append((size, label, queries, wall, cpu, ratio))
        print()
        print("| resources (× 6 languages) | search | SQL queries | median time (ms) | CPU (ms) | × minimal view |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        for size, label, queries, wall, cpu, ratio in rows:
            print(f"| {size:,} | {label} | {queries} | {wall:.1f} | {cpu:.1f} | {ratio:.1f} |")


if __name__ == "__main__":
    main()

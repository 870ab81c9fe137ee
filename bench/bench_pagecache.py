"""Benchmark the page cache: CPU per request of cached and uncached pages, the Matrix at 500 and 5,000 resources
(with the database's CPU on PostgreSQL) and its CSV download, first and second, as multiples of a minimal Django
view measured in the same run.

Usage (from the project folder):

    .venv/bin/python bench/bench_pagecache.py                   # SQLite in a temporary folder, the database cache
    .venv/bin/python bench/bench_pagecache.py --database-url postgres://postgres@127.0.0.1:5432/leader_bench_cache \\
        --redis-url redis://127.0.0.1:6379/1

The tree and the resources are bench_matrix.py's (bulk inserts, each resource in six languages: 5,000 resources are
30,000 pages); the bulk inserts bypass Wagtail's signals, so the script bumps the content generation itself, as any
bulk write must. For each figure: a few warm-up requests, then `--repeat` requests through Django's test client
(the whole middleware stack); "CPU" is this process's CPU time per request (`time.process_time`), "DB CPU" the
PostgreSQL backend's (from /proc, in 10 ms ticks, so averaged over all the requests), and the ratio is (CPU + DB
CPU) over the minimal view's. "cached" pages are answered by the page cache (an anonymous reader's second request);
"uncached" ones with the page cache off (`PAGE_CACHE_ENABLED = False`, which also turns off the Matrix's own
caches) or, for the Matrix "(grid cached)", as a signed-in reader sees it: the page rendered, its grid counts read
from the cache.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matrix import add_resources, build_tree, setup_django  # noqa: E402

PAGES = [
    ("home", "/en/"),
    ("framework area", "/en/framework/a1/"),
    ("Matrix", "/en/teaching-resources/"),
    ("Matrix, 2 filters", "/en/teaching-resources/?category=videos&area=A2"),
    ("Greek Matrix", "/el/teaching-resources/"),
]
DOWNLOAD = "/it/teaching-resources/?format=csv"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of resources, ascending")
    parser.add_argument("--repeat", type=int, default=40, help="requests per measurement")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    parser.add_argument("--redis-url", default="", help="the default cache in Redis (default: the database's table)")
    return parser.parse_args()


class BackendCPU:
    """The CPU time of this connection's PostgreSQL backend process (0 on SQLite, which runs in this process)."""

    def __init__(self):
        from django.db import connection

        self.pid = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pid = cursor.fetchone()[0]
        self.tick = os.sysconf("SC_CLK_TCK")

    def seconds(self):
        if self.pid is None:
            return 0.0
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.tick


def cpu_per_request(client, path, repeat, backend, warm=3):
    """(ms of this process's CPU, ms of the database backend's CPU) per request, averaged over `repeat`."""
    for _ in range(warm):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    db_before, cpu_before = backend.seconds(), time.process_time()
    for _ in range(repeat):
        client.get(path)
    cpu = (time.process_time() - cpu_before) * 1000 / repeat
    return cpu, (backend.seconds() - db_before) * 1000 / repeat


def beside_baseline(client, path, repeat, backend, rounds=3, warm=3):
    """(CPU, DB CPU, the minimal view's CPU) per request: the page and the minimal view measured in turns, `rounds`
    times, each figure the median of its rounds, so that other work on the machine weighs on both alike."""
    pages, baselines = [], []
    for _ in range(rounds):
        baselines.append(sum(cpu_per_request(client, "/bench/minimal/", repeat, backend, warm=1)))
        pages.append(cpu_per_request(client, path, repeat, backend, warm=warm))
        warm = 0
    cpu = statistics.median(page[0] for page in pages)
    db = statistics.median(page[1] for page in pages)
    return cpu, db, statistics.median(baselines)


def first_request(client, path, backend):
    """The CPU of one request made right after a bump (nothing of it cached)."""
    from home.freshness import _increment

    _increment()
    db_before, cpu_before = backend.seconds(), time.process_time()
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return (time.process_time() - cpu_before) * 1000, (backend.seconds() - db_before) * 1000


def main():
    args = parse_args()
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.conf import settings
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from home.freshness import _increment

        settings.ROOT_URLCONF = "bench.bench_urls"
        print(f"database: {connection.vendor}; cache: {settings.CACHES['default']['BACKEND']}; migrating…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        cache.clear()
        locales = build_tree()
        backend = BackendCPU()
        client, rows, done = Client(), [], 0
        signed_in = Client()
        signed_in.cookies[settings.SESSION_COOKIE_NAME] = "none"  # never answered by the page cache

        def row(size, label, cpu, db, baseline):
            ratio = (cpu + db) / baseline
            print(f"  {label:40} CPU {cpu:7.2f} ms  DB {db:6.2f}  base {baseline:5.2f} = {ratio:6.1f}×", flush=True)
            rows.append((size, label, cpu, db, baseline, ratio))

        for size in sorted(args.sizes):
            add_resources(locales, done, size)
            done = size
            _increment()  # the bulk inserts bypass Wagtail's signals
            print(f"{size} resources × 6 languages", flush=True)
            settings.PAGE_CACHE_ENABLED = True
            for label, path in PAGES:
                row(
                    size,
                    f"{label}, cached",
                    *beside_baseline(client, path, args.repeat, backend),
                )
            matrix, few = PAGES[2][1], max(args.repeat // 8, 3)
            row(size, "Matrix (grid cached)", *beside_baseline(signed_in, matrix, few, backend))
            baseline = beside_baseline(client, "/bench/minimal/", args.repeat, backend, rounds=1)[2]
            row(size, "CSV of the Italian list, 1st request", *first_request(signed_in, DOWNLOAD, backend), baseline)
            second = beside_baseline(signed_in, DOWNLOAD, few, backend, warm=1)
            row(size, "CSV of the Italian list, 2nd request", *second)
            settings.PAGE_CACHE_ENABLED = False
            for label, path in PAGES[:3]:
                row(size, f"{label}, uncached", *beside_baseline(client, path, few, backend))
        print()
        print("| resources (× 6 languages) | request | CPU (ms) | DB CPU (ms) | minimal view (ms) | × minimal view |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        for size, label, cpu, db, baseline, ratio in rows:
            print(f"| {size:,} | {label} | {cpu:.2f} | {db:.2f} | {baseline:.2f} | {ratio:.1f} |")


if __name__ == "__main__":
    main()

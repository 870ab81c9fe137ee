"""Benchmark the uncached public pages: SQL queries, median wall time and median CPU time per request of each page
type, the Matrix's CSV and the sitemap, as multiples of a minimal Django view measured in the same run.

Usage (from the project folder):

    .venv/bin/python bench/bench_pages.py                        # the demo in a fresh SQLite file (about 2 minutes)
    .venv/bin/python bench/bench_pages.py --demo-file /tmp/demo.sqlite3   # a copy of a SQLite file holding the demo
    .venv/bin/python bench/bench_pages.py --database-url postgres://postgres@127.0.0.1:5432/leader_bench_pages
    .venv/bin/python bench/bench_pages.py --callgrind            # also instructions per request (valgrind)

The content is the demo's (`load_demo`: six languages, the framework, the pilot actions, 40 resources, the menus and
footers), loaded into a fresh SQLite file in a temporary folder, or into the empty database named by
--database-url (migrated and filled: never a database you care about). The cache is Redis when REDIS_URL is set
(as in production; the bench empties that database number first), the database's cache table otherwise.

Each request is a WSGI call to Django's handler (the whole middleware stack, as a server makes it), anonymous, with
a cold page cache: what a signed-in reader, an editor's preview or the first reader after a publish gets. For each
address: 5 warm-up requests (a running worker has warm caches), the SQL queries of one request, then the median wall
time and the median CPU time of the process (`time.process_time`) over --requests requests. The minimal view
(`bench/bench_urls.py`: a view returning "ok" behind the same middleware) is measured in the same run, first and
last (ten times as many requests), and every CPU figure is divided by the mean of both medians. The goal (issue
12): pages at most 25×, the CSV and the sitemap at most 50×.

With --callgrind, a second process runs the same requests under valgrind's callgrind, which counts the
instructions executed: the same on a loaded machine as on an idle one. Only what runs inside the requests is counted
(they are made from a callback of libc's `lfind`, called through ctypes: callgrind collects only inside libffi's
`ffi_call`, one dump per address), per request, after warm-up.
"""

import argparse
import ctypes
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {"page": 25, "download": 50}
WARMUP = 5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="measured requests per address (median reported)")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    parser.add_argument("--demo-file", default="", help="a SQLite file holding the demo, copied (skips loading)")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions per request (valgrind)")
    parser.add_argument("--callgrind-requests", type=int, default=3, help="requests per address under callgrind")
    parser.add_argument("--only", nargs="*", default=[], help="measure only the addresses whose label has this")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)  # the callgrind process's address list
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.LOGGING_CONFIG = None
    settings.ROOT_URLCONF = "bench.bench_urls"


def load_content(database_url):
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from home.models import HomePage

    if not HomePage.objects.exists():
        begin = time.perf_counter()
        call_command("load_demo", "--no-superuser", stdout=io.StringIO())
        print(f"demo loaded in {time.perf_counter() - begin:.0f} s", flush=True)
    cache.clear()


def addresses():
    """(label, kind, path) of each address measured: one page of each type, in English, and a few in Greek."""
    from wagtail.models import Page

    from cms_framework.models import (
        FrameworkAreaPage,
        FrameworkPage,
        LearningOutcomePage,
        PilotActionIndexPage,
        PilotActionPage,
    )
    from home.models import ContentPage, HomePage
    from resources.models import ResourceIndexPage, ResourcePage

    def path_of(model, language="en", **filters):
        page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
        return Page.objects.get(pk=page.pk).get_url()

    matrix = path_of(ResourceIndexPage)
    return [
        ("minimal Django view", "baseline", "/bench/minimal/"),
        ("home (en)", "page", path_of(HomePage)),
        ("home (el)", "page", path_of(HomePage, "el")),
        ("section: content page (en)", "page", path_of(ContentPage, slug="cms-emerging-needs")),
        ("content page (el)", "page", path_of(ContentPage, "el", slug="introduction")),
        ("framework (en)", "page", path_of(FrameworkPage)),
        ("area (en)", "page", path_of(FrameworkAreaPage)),
        ("area (tr)", "page", path_of(FrameworkAreaPage, "tr")),
        ("learning outcome (en)", "page", path_of(LearningOutcomePage)),
        ("pilot index (en)", "page", path_of(PilotActionIndexPage)),
        ("pilot action (en)", "page", path_of(PilotActionPage)),
        ("Matrix (en)", "page", matrix),
        ("Matrix, 2 filters (es)", "page", path_of(ResourceIndexPage, "es") + "?category=videos&area=A1"),
        ("resource page (en)", "page", path_of(ResourcePage)),
        ("Matrix CSV (en)", "download", matrix + "?format=csv"),
        ("sitemap", "download", "/sitemap.xml"),
    ]


class Wsgi:
    """Requests straight to Django's WSGI handler, as a server makes them."""

    def __init__(self):
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = WSGIHandler()

    def get(self, address):
        path, _, query = address.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "localhost",
            "HTTP_ACCEPT": "text/html",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        statuses = []
        body = self.handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
        try:
            size = sum(len(chunk) for chunk in body)
        finally:
            if hasattr(body, "close"):
                body.close()
        return int(statuses[0].split()[0]), size


def measure(wsgi, address, requests):
    """(SQL queries of one request, median wall ms, median CPU ms, response size in bytes)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        status, size = wsgi.get(address)
        if status != 200:
            raise SystemExit(f"{address} answered {status}")
    with CaptureQueriesContext(connection) as context:
        wsgi.get(address)
    queries = len(context.captured_queries)
    walls, cpus = [], []
    for _ in range(requests):
        wall, cpu = time.perf_counter(), time.process_time()
        wsgi.get(address)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return queries, statistics.median(walls), statistics.median(cpus), size


def callgrind_child(spec):
    """Run under callgrind: for each address, warm up, then its requests inside one `lfind` callback."""
    spec = json.loads(Path(spec).read_text())
    setup_django(spec["database_url"])
    libc = ctypes.CDLL(None)
    compare_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    libc.lfind.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_size_t),
        ctypes.c_size_t,
        compare_type,
    ]
    libc.lfind.restype = ctypes.c_void_p
    wsgi = Wsgi()
    key, base, count = ctypes.c_int(0), ctypes.c_int(0), ctypes.c_size_t(1)
    for address in spec["addresses"]:
        for _ in range(WARMUP):
            wsgi.get(address)

        def run(_a, _b, address=address):
            for _ in range(spec["requests"]):
                wsgi.get(address)
            return 0

        callback = compare_type(run)
        libc.lfind(ctypes.byref(key), ctypes.byref(base), ctypes.byref(count), ctypes.sizeof(key), callback)


def callgrind_counts(database_url, rows, requests, folder):
    """Instructions per request of each address, from callgrind's dumps (one per address, in order)."""
    if not shutil.which("valgrind"):
        print("valgrind is not installed: no instruction counts", flush=True)
        return {}
    spec = Path(folder) / "callgrind.json"
    spec.write_text(json.dumps({"database_url": database_url, "requests": requests, "addresses": [r[2] for r in rows]}))
    out = Path(folder) / "callgrind"
    out.mkdir()
    command = [
        "valgrind",
        "--tool=callgrind",
        "--collect-atstart=no",
        # libc's lfind is called through libffi's ffi_call, which no request uses: collect only inside it
        "--toggle-collect=ffi_call",
        "--dump-after=ffi_call",
        f"--callgrind-out-file={out}/callgrind.out",
        sys.executable,
        __file__,
        "--child",
        str(spec),
    ]
    print(f"callgrind: {len(rows)} addresses × {requests} requests (slow)…", flush=True)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    dumps = sorted(
        (p for p in out.iterdir() if p.name.startswith("callgrind.out.")), key=lambda p: int(p.name.rsplit(".", 1)[1])
    )
    counts = {}
    for (label, _kind, _path), dump in zip(rows, dumps, strict=False):
        for line in dump.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                counts[label] = int(line.split()[1]) / requests
                break
    return counts


def main():
    args = parse_args()
    if args.child:
        callgrind_child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url
        if not database_url:
            target = Path(folder) / "bench.sqlite3"
            if args.demo_file:
                shutil.copyfile(args.demo_file, target)
            database_url = f"sqlite:///{target}"
        if redis_url := os.environ.get("REDIS_URL"):
            print(f"cache: Redis ({redis_url})", flush=True)
        setup_django(database_url)
        from django.db import connection

        print(f"database: {connection.vendor}; migrating and loading the demo…", flush=True)
        load_content(database_url)
        rows = addresses()
        if args.only:
            rows = [row for row in rows if row[1] == "baseline" or any(word in row[0] for word in args.only)]
        wsgi, results = Wsgi(), {}
        baseline_runs = []
        for label, kind, path in [*rows, rows[0]]:
            # The minimal view is so short that its median needs more requests to settle.
            queries, wall, cpu, size = measure(wsgi, path, args.requests * (10 if kind == "baseline" else 1))
            if kind == "baseline":
                baseline_runs.append(cpu)
            results[label] = (kind, path, queries, wall, cpu, size)
            print(f"  {label:28} {queries:3d} queries  median {wall:7.2f} ms  CPU {cpu:7.2f} ms", flush=True)
        baseline = statistics.mean(baseline_runs)
        instructions = {}
        if args.callgrind:
            connection.close()
            instructions = callgrind_counts(database_url, rows, args.callgrind_requests, folder)
        minimal_instructions = instructions.get(rows[0][0])
        print()
        print(f"minimal view CPU: {' and '.join(f'{c:.3f}' for c in baseline_runs)} ms (first and last)")
        head = "| address | SQL queries | median wall (ms) | median CPU (ms) | × minimal view | goal |"
        rule = "| --- | ---: | ---: | ---: | ---: | ---: |"
        if instructions:
            head += " instructions (M) | × minimal view |"
            rule += " ---: | ---: |"
        print(head)
        print(rule)
        figures = []
        for label, _kind, _path in rows:
            kind, path, queries, wall, cpu, size = results[label]
            goal = GOALS.get(kind)
            line = f"| {label} | {queries} | {wall:.2f} | {cpu:.2f} | {cpu / baseline:.1f} | {goal or ''} |"
            count = instructions.get(label)
            if instructions:
                ratio = f"{count / minimal_instructions:.1f}" if count and minimal_instructions else ""
                line += f" {count / 1e6:.1f} | {ratio} |" if count else " | |"
            print(line)
            figures.append(
                {
                    "label": label,
                    "path": path,
                    "queries": queries,
                    "wall_ms": wall,
                    "cpu_ms": cpu,
                    "ratio": cpu / baseline,
                    "instructions": count,
                    "bytes": size,
                }
            )
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

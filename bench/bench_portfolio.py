"""Benchmark the e-portfolio: CPU time per request of a showcase page of 40 items (opened by its secret link, and the
owner's compose page) and of the evidence list, as a multiple of a minimal Django view measured in the same run,
through the same middleware.

Usage (from the project folder):

    .venv/bin/python bench/bench_portfolio.py                   # 200 requests per address, after 20 warm-up ones
    .venv/bin/python bench/bench_portfolio.py --items 40 --database-url postgres://…/leader_bench_portfolio

The database is a fresh SQLite file in a temporary folder unless --database-url names another (which is then
migrated and filled: never point it at a database you care about). The world is bench_learners.py's (a framework of
four areas × three competences, a six-step path, a Matrix of 60 resources, a learner with a long history), plus the
learner's portfolio: 40 pieces of evidence (texts, links and PDF files, two competences each, tied to steps) and a
showcase of `--items` items in this mix, repeated: evidence, evidence, reflection, goal, evidence, free text, evidence,
profile of a self-assessment. Files go to a temporary folder.

The shared page is requested anonymously (the secret link) and its baseline is the minimal view requested
anonymously; the learner's pages and their baseline are requested signed in.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_learners import build_world, setup_django  # noqa: E402

GOAL = 25  # the bound: each address at most 25 times the minimal view's CPU time
MIX = ["evidence", "evidence", "reflection", "goal", "evidence", "text", "evidence", "profile"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40, help="items on the showcase")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per address (median reported)")
    parser.add_argument("--warmup", type=int, default=20, help="requests before measuring each address")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


def build_portfolio(learner, items):
    """The learner's evidence and a showcase of `items` items; returns (showcase, share link)."""
    from learners.models import Assessment, Goal, Reflection, StepProgress
    from portfolio.factories import (
        EvidenceCompetenceFactory,
        EvidenceFactory,
        FileEvidenceFactory,
        LinkEvidenceFactory,
        ShareLinkFactory,
        ShowcaseFactory,
        ShowcaseItemFactory,
    )

    step_keys = list(StepProgress.objects.filter(user=learner).values_list("step_key", flat=True))
    evidence = []
    for number in range(40):
        factory = (EvidenceFactory, LinkEvidenceFactory, FileEvidenceFactory)[number % 3]
        piece = factory(user=learner, step_key=step_keys[number % len(step_keys)])
        for code in (f"A{1 + number % 4}.1", f"A{1 + number % 4}.2"):
            EvidenceCompetenceFactory(evidence=piece, competence_code=code)
        evidence.append(piece)
    reflections = list(Reflection.objects.filter(user=learner))
    goals = list(Goal.objects.filter(user=learner))
    assessments = list(Assessment.objects.filter(user=learner, completed_at__isnull=False))
    showcase = ShowcaseFactory(user=learner, title="My year in the path")
    counters = dict.fromkeys(MIX, 0)
    for position in range(items):
        kind = MIX[position % len(MIX)]
        number = counters[kind]
        counters[kind] += 1
        targets = {
            "evidence": {"evidence": evidence[number % len(evidence)]},
            "reflection": {"reflection": reflections[number % len(reflections)]},
            "goal": {"goal": goals[number % len(goals)]},
            "profile": {"assessment": assessments[number % len(assessments)]},
            "text": {},
        }[kind]
        ShowcaseItemFactory(showcase=showcase, position=position, kind=kind, text="Why this matters.", **targets)
    return showcase, ShareLinkFactory(showcase=showcase)


def cpu_per_request(client, url, requests, warmup):
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(requests):
        start = time.process_time()
        client.get(url)
        times.append(time.process_time() - start)
    return statistics.median(times)


def queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        from django.core.files.storage import FileSystemStorage
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        from portfolio.models import Evidence

        Evidence._meta.get_field("file").storage = FileSystemStorage(location=Path(tmp) / "private")
        setup_test_environment()
        call_command("migrate", verbosity=0)
        learner, _in_progress = build_world()
        showcase, link = build_portfolio(learner, args.items)
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(learner)
        addresses = [
            ("minimal Django view, anonymous (baseline)", anonymous, "/bench/minimal/"),
            (f"shared showcase page, {args.items} items (anonymous)", anonymous, f"/en/shared/{link.token}/"),
            ("minimal Django view, signed in (baseline)", signed_in, "/bench/minimal/"),
            (f"showcase preview, {args.items} items", signed_in, f"/en/my/portfolio/showcases/{showcase.pk}/preview/"),
            (f"showcase compose page, {args.items} items", signed_in, f"/en/my/portfolio/showcases/{showcase.pk}/"),
            ("evidence list, 40 pieces", signed_in, "/en/my/portfolio/"),
        ]
        results = [
            (name, queries_of(client, url), cpu_per_request(client, url, args.requests, args.warmup))
            for name, client, url in addresses
        ]
    print(f"{args.requests} requests per address, median CPU time per request, same process\n")
    print(f"| address | SQL queries | CPU ms per request | × minimal view | goal ≤ {GOAL}× |")
    print("| --- | ---: | ---: | ---: | --- |")
    baseline = None
    for name, queries, seconds in results:
        if name.startswith("minimal"):
            baseline, verdict = seconds, ""
        else:
            verdict = "met" if seconds / baseline <= GOAL else "MISSED"
        print(f"| {name} | {queries} | {seconds * 1000:.2f} | {seconds / baseline:.1f} | {verdict} |")


if __name__ == "__main__":
    main()

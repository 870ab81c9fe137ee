"""Benchmark the practitioner's group view and the group's feed: CPU time per request with 30 members and 300 shared
items (and two comments on each), as a multiple of a minimal Django view measured in the same run.

Usage (from the project folder):

    .venv/bin/python bench/bench_groups.py                  # 200 requests per address, after 20 warm-up ones
    .venv/bin/python bench/bench_groups.py --database-url postgres://…/leader_bench_groups

The tree is bench_learners.py's (a framework of four areas and twelve competences, a six-step path, a Matrix of 60
resources). The group follows the path; each of its 30 members has done some of the steps and shares ten items:
a completed self-assessment of every competence, four pieces of evidence and five showcase pages, half with the
practitioner only and half with the whole group, each tied to a step. Every share has a comment by the practitioner
and an answer. The database is a fresh SQLite file unless --database-url names one (which is then filled).
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_learners import GOAL, build_world, cpu_per_request, setup_django  # noqa: E402

MEMBERS = 30
ITEMS_PER_MEMBER = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="measured requests per address (median reported)")
    parser.add_argument("--warmup", type=int, default=20, help="requests before measuring each address")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


def build_group():
    """The group with its members, shares and comments; returns (practitioner, member, group)."""
    from django.utils import timezone

    from cms_framework.models import Competence, FrameworkPage
    from groups.factories import LearningGroupFactory, MembershipFactory, PractitionerFactory
    from groups.models import Comment, Share
    from learners.factories import AssessmentFactory
    from learners.models import AssessmentAnswer, PathPage, StepPage, StepProgress
    from portfolio.models import Evidence, Showcase

    framework = FrameworkPage.objects.get()
    competences = list(Competence.objects.select_related("area").order_by("area__path", "sort_order"))
    path = PathPage.objects.get()
    steps = list(StepPage.objects.child_of(path).order_by("path"))
    practitioner = PractitionerFactory()
    group = LearningGroupFactory(practitioner=practitioner, path_key=path.translation_key)
    shares, members = [], []
    for number in range(MEMBERS):
        member = MembershipFactory(group=group).user
        members.append(member)
        StepProgress.objects.bulk_create(
            StepProgress(user=member, path_key=path.translation_key, step_key=step.translation_key)
            for step in steps[: number % (len(steps) + 1)]
        )
        assessment = AssessmentFactory(
            user=member, framework_key=framework.translation_key, completed_at=timezone.now()
        )
        AssessmentAnswer.objects.bulk_create(
            AssessmentAnswer(
                assessment=assessment,
                area_code=competence.area.code,
                area_title=competence.area.title,
                competence_code=competence.code,
                competence_title=competence.title,
                position=position,
                level=1 + (position + number) % 3,
                level_count=3,
            )
            for position, competence in enumerate(competences)
        )
        evidence = Evidence.objects.bulk_create(Evidence(user=member, title=f"Evidence {n}") for n in range(4))
        showcases = Showcase.objects.bulk_create(Showcase(user=member, title=f"Showcase {n}") for n in range(5))
        items = [("assessment", assessment), *(("evidence", e) for e in evidence)]
        items += [("showcase", showcase) for showcase in showcases]
        for index, (kind, item) in enumerate(items):
            audience = Share.GROUP if index % 2 else Share.PRACTITIONER
            step_key = steps[index % len(steps)].translation_key
            shares.append(
                Share(group=group, user=member, kind=kind, audience=audience, step_key=step_key, **{kind: item})
            )
    shares = Share.objects.bulk_create(shares)
    Comment.objects.bulk_create(
        comment
        for share in shares
        for comment in (
            Comment(share=share, author=practitioner, text="What would you try next?"),
            Comment(share=share, author_id=share.user_id, text="Thank you."),
        )
    )
    if len(shares) != MEMBERS * ITEMS_PER_MEMBER:
        raise SystemExit(f"{len(shares)} shares built")
    return practitioner, members[0], group


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0)
        build_world()
        practitioner, member, group = build_group()
        addresses = [
            ("minimal Django view (baseline)", "/bench/minimal/", practitioner),
            ("group view (practitioner: progress, shares, profile)", f"/en/my/groups/{group.pk}/", practitioner),
            ("group feed (practitioner)", f"/en/my/groups/{group.pk}/feed/", practitioner),
            ("group feed (member)", f"/en/my/groups/{group.pk}/feed/", member),
        ]
        results = []
        for name, url, account in addresses:
            client = Client()
            client.force_login(account)
            seconds = cpu_per_request(client, url, args.requests, args.warmup)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            results.append((name, seconds, len(queries)))
        vendor = connection.vendor
    baseline = results[0][1]
    print(f"{vendor}; {MEMBERS} members, {MEMBERS * ITEMS_PER_MEMBER} shared items, two comments on each;")
    print(f"{args.requests} requests per address, median CPU time per request\n")
    print(f"| address | SQL queries | CPU ms per request | × minimal view | goal ≤ {GOAL}× |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, seconds, queries in results:
        ratio = seconds / baseline
        verdict = "" if name.startswith("minimal") else ("met" if ratio <= GOAL else "MISSED")
        print(f"| {name} | {queries} | {seconds * 1000:.2f} | {ratio:.1f} | {verdict} |")


if __name__ == "__main__":
    main()

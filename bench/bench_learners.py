"""Benchmark the learner's space: CPU time per request of the dashboard, an assessment step and the profile, as a
multiple of a minimal Django view measured in the same run, through the same middleware, for the same learner.

Usage (from the project folder):

    .venv/bin/python bench/bench_learners.py                   # 200 requests per address, after 20 warm-up ones
    .venv/bin/python bench/bench_learners.py --requests 500 --database-url postgres://…/leader_bench

The database is a fresh SQLite file in a temporary folder unless --database-url names another (which is then
migrated and filled: never point it at a database you care about). The learner has a long history, so that the
figures show what a learner of some years meets: 12 completed assessments of a framework of four areas with three
competences each, 40 goals of three actions each, 30 reflections, every step of a six-step path done, and a Matrix of
60 resources linked to the competences.

CPU time is the process's (time.process_time), so waiting for the database's disk is not counted; the median of the
requests is reported, and each figure is divided by the median of the minimal view, whose request goes through the
same middleware (sessions, authentication, locale, messages, CSRF, the security headers) and returns a short text.
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

GOAL = 25  # the bound: each address at most 25 times the minimal view's CPU time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="measured requests per address (median reported)")
    parser.add_argument("--warmup", type=int, default=20, help="requests before measuring each address")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temporary folder")
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.LOGGING_CONFIG = None
    settings.ROOT_URLCONF = "bench.bench_urls"


def build_world():
    """The framework, a path, the Matrix and a learner with a long history; returns (learner, in-progress id)."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from cms_framework.factories import CompetenceFactory, FrameworkAreaPageFactory, FrameworkPageFactory
    from home.factories import ContentPageFactory, HomePageFactory
    from learners.factories import (
        AssessmentAnswerFactory,
        AssessmentFactory,
        GoalActionFactory,
        GoalFactory,
        LearnerFactory,
        PathPageFactory,
        ReflectionFactory,
        StepPageFactory,
        StepProgressFactory,
    )
    from resources.factories import ResourceIndexPageFactory, ResourcePageFactory

    get_user_model().objects.all().delete()  # a database given by --database-url may hold an earlier run's learner
    english = Locale.objects.get_or_create(language_code="en")[0]
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Bench home", slug="bench", locale=english)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
    site.root_page = home
    site.save()
    framework = FrameworkPageFactory(parent=home, slug="framework")
    competences = []
    for area_code in ["A1", "A2", "A3", "A4"]:
        area = FrameworkAreaPageFactory(parent=framework, code=area_code, slug=area_code.lower())
        for number in (1, 2, 3):
            statements = [{"type": "statement", "value": f"I can {area_code}.{number} at {n}."} for n in (1, 2, 3)]
            competences.append(
                CompetenceFactory(area=area, code=f"{area_code}.{number}", statements=statements, locale=english)
            )
        area.save_revision().publish()
    matrix = ResourceIndexPageFactory(parent=home)
    for number in range(60):
        competence = competences[number % len(competences)]
        ResourcePageFactory(parent=matrix, areas=[competence.area], competences=[competence])
    section = ContentPageFactory(parent=home, slug="open-platform")
    path = PathPageFactory(parent=section, slug="path")
    steps = [StepPageFactory(parent=path, slug=f"step-{number}") for number in range(6)]

    learner = LearnerFactory()
    for step in steps:
        StepProgressFactory(user=learner, path_key=path.translation_key, step_key=step.translation_key)
    for months in range(12):
        assessment = AssessmentFactory(
            user=learner,
            framework_key=framework.translation_key,
            completed_at=timezone.now() - datetime.timedelta(days=30 * (12 - months)),
        )
        for position, competence in enumerate(competences):
            AssessmentAnswerFactory(
                assessment=assessment,
                area_code=competence.area.code,
                area_title=competence.area.title,
                competence_code=competence.code,
                competence_title=competence.title,
                position=position,
                level=1 + (position + months) % 3,
            )
    in_progress = AssessmentFactory(user=learner, framework_key=framework.translation_key, completed_at=None)
    for number in range(40):
        goal = GoalFactory(user=learner, competence_codes=[competences[number % len(competences)].code])
        for _action in range(3):
            GoalActionFactory(goal=goal)
    for _number in range(30):
        ReflectionFactory(user=learner)
    return learner, in_progress.pk


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


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0)
        learner, in_progress = build_world()
        client = Client()
        client.force_login(learner)
        addresses = [
            ("minimal Django view (baseline)", "/bench/minimal/"),
            ("dashboard", "/en/my/"),
            ("assessment step (area 2 of 4)", f"/en/my/assessment/{in_progress}/area/2/"),
            ("profile", "/en/my/profile/"),
        ]
        results = [(name, cpu_per_request(client, url, args.requests, args.warmup)) for name, url in addresses]
    baseline = results[0][1]
    print(f"{args.requests} requests per address, median CPU time per request, same process and learner\n")
    print(f"| address | CPU ms per request | × minimal view | goal ≤ {GOAL}× |")
    print("| --- | ---: | ---: | --- |")
    for name, seconds in results:
        ratio = seconds / baseline
        verdict = "" if name.startswith("minimal") else ("met" if ratio <= GOAL else "MISSED")
        print(f"| {name} | {seconds * 1000:.2f} | {ratio:.1f} | {verdict} |")


if __name__ == "__main__":
    main()

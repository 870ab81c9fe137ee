"""The learner's space at /<lang>/my/: the path and the next step, the profile, suggestions and goals, in a number
of queries that does not grow with the learner's history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learners.factories import GoalActionFactory, GoalFactory, StepProgressFactory
from learners.frameworks import framework_for
from learners.models import GoalAction
from tests.learners.assessing import soup, take


def dashboard(client, language="en"):
    response = client.get(f"/{language}/my/")
    assert response.status_code == 200
    return soup(response)


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/el/my/")
    assert response.status_code == 302
    assert response["Location"] == "/el/accounts/login/?next=/el/my/"


def test_a_new_learner_is_invited_to_begin(platform, learner_client):
    page = dashboard(learner_client)
    path = page.select_one(".dashboard__path")
    assert "0 of 6 steps done" in path.get_text(" ", strip=True)
    assert path.select_one("a.button")["href"] == platform.steps[0].url
    profile = page.select_one("section[aria-labelledby=profile-heading]")
    assert profile.select_one("a[href='/en/my/assessment/']")
    assert "You have no goals yet" in page.get_text()
    assert page.select_one("a[href='/en/my/goals/new/']")


def test_the_dashboard_shows_where_the_learner_stands(platform, learner, learner_client):
    for step in platform.steps[:2]:
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    framework = framework_for(platform.framework.framework.translation_key, "en")
    take(learner, framework, {"SA.1": 1, "SA.2": 3, "EX.1": 2, "EX.2": 2, "CB.1": 3, "CB.2": 3})
    goal = GoalFactory(user=learner, title="Find an apprenticeship")
    GoalActionFactory(goal=goal, status=GoalAction.DONE)
    GoalActionFactory(goal=goal)

    page = dashboard(learner_client)
    path = page.select_one(".dashboard__path")
    assert "2 of 6 steps done" in path.get_text(" ", strip=True)
    assert path.select_one("a.button")["href"] == platform.steps[2].url
    assert page.select_one("section[aria-labelledby=profile-heading] svg[role=img]")
    goals = page.select_one(".dashboard__goals").get_text(" ", strip=True)
    assert "Find an apprenticeship" in goals and "1 of 2 actions done" in goals
    suggestions = page.select(".suggestion")
    assert 1 <= len(suggestions) <= 3
    assert all(s.select_one(".suggestion__reason").get_text(strip=True) for s in suggestions)


def test_every_step_done_says_so(platform, learner, learner_client):
    for step in platform.steps:
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    assert "You have done every step of this path." in dashboard(learner_client).get_text()


@pytest.mark.parametrize("language", ["en", "el"])
def test_queries_do_not_grow_with_the_learners_history(platform, learner, learner_client, language):
    framework = framework_for(platform.framework.framework.translation_key, "en")

    def add_history(count):
        for number in range(count):
            take(learner, framework, {"SA.1": 1 + number % 3, "EX.1": 2})
            goal = GoalFactory(user=learner)
            GoalActionFactory.create_batch(2, goal=goal)
        for number in range(count):
            platform.framework.add_resource(100 + number)

    add_history(2)  # a profile with a previous assessment to compare with, as every later one has
    learner_client.get(f"/{language}/my/")  # warm the site-root cache, as a running server has
    with CaptureQueriesContext(connection) as before:
        learner_client.get(f"/{language}/my/")
    add_history(4)
    with CaptureQueriesContext(connection) as after:
        learner_client.get(f"/{language}/my/")
    assert len(after) == len(before), [q["sql"] for q in after.captured_queries]

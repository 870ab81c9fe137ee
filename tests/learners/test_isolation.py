"""A learner's space is theirs alone: a second learner walks every address the first learner's pages link to.

The first learner has one of everything (progress, an assessment in progress and a completed one, a reflection, a goal
with an action). Every address under /<lang>/my/ that their pages link to or post to is collected by following the
links from the dashboard; the second learner then gets a 404 for each one that names an object of the first (and the
object is unchanged after a POST), and sees none of the first learner's texts on the addresses that are their own
(the dashboard, the lists, the new-object forms). An anonymous visitor is sent to log in from every one of them.
"""

import io
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from learners.factories import (
    AssessmentAnswerFactory,
    AssessmentFactory,
    GoalActionFactory,
    GoalFactory,
    LearnerFactory,
    ReflectionFactory,
    StepProgressFactory,
)
from learners.models import Assessment, Goal, GoalAction, Reflection, StepProgress

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SECRET_TEXTS = ["Owner's private reflection", "Owner's private goal", "Owner's private action", "Owner's note"]


def one_of_everything(platform, owner):
    framework = platform.framework
    completed = AssessmentFactory(user=owner, framework_key=framework.framework.translation_key)
    for position, competence in enumerate(framework.competences):
        AssessmentAnswerFactory(
            assessment=completed,
            area_code=competence.area.code,
            area_title=competence.area.title,
            competence_code=competence.code,
            competence_title=competence.title,
            position=position,
            level=1 + position % 3,
            note="Owner's note",
        )
    AssessmentFactory(user=owner, framework_key=framework.framework.translation_key, completed_at=None)
    step = platform.steps[0]
    StepProgressFactory(user=owner, path_key=platform.path.translation_key, step_key=step.translation_key)
    ReflectionFactory(user=owner, step_key=step.translation_key, text="Owner's private reflection")
    goal = GoalFactory(user=owner, title="Owner's private goal")
    GoalActionFactory(goal=goal, text="Owner's private action")
    return completed


def crawl(client, start):
    """Every /<lang>/my/ address reachable from `start` by links (GET) and every form action (POST) on the way."""
    prefix = urlsplit(start).path
    seen, posts, queue = set(), set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if "html" not in response.get("Content-Type", ""):
            continue
        html = BeautifulSoup(response.content, "html.parser")
        for link in html.select("a[href]"):
            href = urlsplit(link["href"])
            if href.path.startswith(prefix) and not href.netloc:
                queue.append(href.path + (f"?{href.query}" if href.query else ""))
        for form in html.select("form[method=post i]"):
            action = urlsplit(form.get("action") or url).path
            if action.startswith(prefix):
                posts.add(action)
    return seen, posts


@pytest.fixture
def walked(platform, client):
    owner = LearnerFactory()
    one_of_everything(platform, owner)
    client.force_login(owner)
    gets, posts = crawl(client, "/en/my/")
    client.logout()
    return owner, gets, posts


def test_the_walk_covers_every_kind_of_page(walked):
    _owner, gets, posts = walked
    for expected in [
        "/assessment/",
        "/profile/",
        "/suggestions/",
        "/reflections/",
        "/goals/",
        "/goals/plan/",
        "/data/",
    ]:
        assert f"/en/my{expected}" in gets
    named = [url for url in gets | posts if UUID.search(url)]
    kinds = {url.split("/")[3] for url in named}
    assert {"assessment", "reflections", "goals"} <= kinds, sorted(named)
    assert "/en/my/data/delete/" in posts


def test_a_second_learner_gets_404_for_every_address_naming_the_first_learners_objects(walked, client):
    owner, gets, posts = walked
    before = snapshot(owner)
    intruder = LearnerFactory()
    client.force_login(intruder)
    owner_keys = owned_ids(owner)
    for url in sorted(gets):
        response = client.get(url)
        if any(key in url for key in owner_keys):
            assert response.status_code == 404, url
        else:
            assert response.status_code == 200, url
            text = readable_text(response)
            assert not any(secret in text for secret in SECRET_TEXTS), url
    for url in sorted(posts):
        if any(key in url for key in owner_keys):
            assert client.post(url, {"text": "x", "title": "x", "done": "1"}).status_code == 404, url
    assert snapshot(owner) == before


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_address(walked, client):
    _owner, gets, posts = walked
    for url in sorted(gets | posts):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/login/?next="), url


def test_every_address_of_the_space_is_private(walked, client):
    owner, gets, _posts = walked
    client.force_login(owner)
    for url in sorted(gets):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


def readable_text(response):
    """A page's text, or for a download (the export) the text of every file in it."""
    if response["Content-Type"] == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            return "".join(archive.read(name).decode() for name in archive.namelist())
    return response.content.decode()


def owned_ids(owner):
    """The ids that appear in addresses of the owner's objects (assessments, reflections, goals)."""
    ids = [
        str(pk)
        for model in (Assessment, Reflection, Goal)
        for pk in model.objects.filter(user=owner).values_list("pk", flat=True)
    ]
    return ids


def snapshot(owner):
    return {
        "assessments": list(Assessment.objects.filter(user=owner).values("pk", "completed_at")),
        "reflections": list(Reflection.objects.filter(user=owner).values("pk", "text")),
        "goals": list(Goal.objects.filter(user=owner).values("pk", "title")),
        "actions": list(GoalAction.objects.filter(goal__user=owner).values("pk", "text", "status")),
        "progress": list(StepProgress.objects.filter(user=owner).values("step_key")),
    }

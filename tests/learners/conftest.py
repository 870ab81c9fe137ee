"""The open platform's test world: the framework tree, the open-platform section with a path of six steps (one of
each activity), a privacy notice, and learner statements on every competence; learners come from the factories."""

from dataclasses import dataclass

import pytest

from home.factories import ContentPageFactory
from learners.factories import LearnerFactory, PathPageFactory, PrivacyNoticePageFactory, StepPageFactory
from learners.models import StepPage
from tests.trees import FrameworkTree, copy_of, framework_tree, shared

STEP_ACTIVITIES = [
    ("reflect", StepPage.REFLECT),
    ("assess", StepPage.ASSESS),
    ("suggestions", StepPage.SUGGESTIONS),
    ("explore", StepPage.EXPLORE),
    ("goals", StepPage.GOALS),
    ("review", StepPage.REVIEW),
]


@dataclass
class PlatformTree:
    framework: FrameworkTree
    section: object
    path: object
    steps: list
    privacy: object


def learner_statements(code, count=3):
    return [{"type": "statement", "value": f"I can do {code} at level {level}."} for level in range(1, count + 1)]


def platform_tree(resources=3):
    tree = framework_tree(resources=resources)
    for competence in tree.competences:
        competence.statements = learner_statements(competence.code)
        competence.save()
    section = ContentPageFactory(parent=tree.home, title="Open platform", slug="open-platform")
    path = PathPageFactory(parent=section, slug="improving-my-cms")
    steps = [
        StepPageFactory(parent=path, title=f"Step {number}: {slug}", slug=slug, activity=activity)
        for number, (slug, activity) in enumerate(STEP_ACTIVITIES, start=1)
    ]
    steps[2].resources.set(tree.resources[:1])
    steps[2].pilot_actions.set(tree.pilots[:1])
    steps[2].save_revision().publish()
    privacy = PrivacyNoticePageFactory(parent=tree.home)
    return PlatformTree(tree, section, path, steps, privacy)


shared_platform = shared(platform_tree)


@pytest.fixture
def platform(shared_platform, db):
    return copy_of(shared_platform)


@pytest.fixture
def learner(db):
    return LearnerFactory()


@pytest.fixture
def other_learner(db):
    return LearnerFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client

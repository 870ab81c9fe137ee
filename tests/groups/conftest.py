"""The groups' test world: the open platform's tree (a path of six steps), a practitioner's group following it, and
learners from the factories."""

import pytest

from groups.factories import LearningGroupFactory, PractitionerFactory
from tests.learners.conftest import platform, shared_platform  # noqa: F401 - the same tree as the learners' tests


@pytest.fixture
def practitioner(db):
    return PractitionerFactory()


@pytest.fixture
def group(platform, practitioner):  # noqa: F811
    return LearningGroupFactory(practitioner=practitioner, path_key=platform.path.translation_key, name="Tuesday group")

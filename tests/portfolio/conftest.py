"""The e-portfolio's tests: a private storage of their own (a temporary folder, checked for leftovers), the open
platform's test world (tests/learners), and a signed-in learner."""

import pytest
from django.core.files.storage import FileSystemStorage

from learners.factories import LearnerFactory
from portfolio.models import Evidence
from tests.learners.conftest import platform, shared_platform  # noqa: F401 - the open platform's test world


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):
    """The evidence files' storage, in a fresh folder for each test."""
    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", storage)
    return storage


def stored_files(storage):
    """Every file in the storage, walked from its root."""
    found = []

    def walk(folder):
        folders, files = storage.listdir(folder)
        found.extend(f"{folder}/{name}".lstrip("/") for name in files)
        for name in folders:
            walk(f"{folder}/{name}".lstrip("/"))

    if storage.exists(""):
        walk("")
    return found


@pytest.fixture
def learner(db):
    return LearnerFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client

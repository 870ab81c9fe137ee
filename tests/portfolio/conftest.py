"""The e-portfolio's tests: a private storage of their own (a temporary folder, checked for leftovers)."""

import pytest
from django.core.files.storage import FileSystemStorage

from portfolio.models import Evidence


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

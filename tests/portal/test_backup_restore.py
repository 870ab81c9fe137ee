"""The backup drill: a site with pages, an image and a document is backed up with scripts/backup.sh, restored with
scripts/restore.sh into a new database and a new media folder, and the restored copy serves the same pages, the same
document and the same files. PostgreSQL only (pg_dump and pg_restore): on SQLite the drill is skipped."""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the backup drill needs PostgreSQL (pg_dump, pg_restore); DATABASE_URL"
)
# One per test process: two xdist workers running the drill at once must not drop each other's copy.
RESTORE_DATABASE = f"leader_ops_restore_{os.getpid()}"
SCRIPTS = Path(settings.BASE_DIR) / "scripts"


def database_url(name):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def psql(command):
    subprocess.run(
        ["psql", "--dbname", database_url("postgres"), "--no-psqlrc", "--quiet", "--command", command],
        check=True,
        capture_output=True,
    )


def png(colour):
    data = io.BytesIO()
    PILImage.new("RGB", (1200, 600), colour).save(data, "PNG")
    return data.getvalue()


def build_site():
    english = LocaleFactory(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    image = wagtail_factories.ImageFactory(title="Guidance session", file=ImageFile(io.BytesIO(png("teal")), "s.png"))
    document = get_document_model().objects.create(title="Toolkit")
    document.file.save("toolkit.txt", io.BytesIO("Career Management Skills toolkit – ü, ğ, ά.\n".encode()))
    ContentPageFactory(
        parent=home,
        title="Introduction",
        slug="introduction",
        body=[
            ("heading", {"text": "Lifelong guidance", "level": "h2"}),
            ("image", {"image": image, "alt_text": "Two people talking", "caption": "A session"}),
            ("document", {"document": document, "title": "", "description": "The partners' toolkit."}),
        ],
    )
    ContentPageFactory(parent=home, title="Documents", slug="documents")
    return document


def serve(url, media_root, paths):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "-m", "tests.portal.serve_copy", str(media_root), *paths],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def files_of(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def run(script, *args, **env):
    return subprocess.run(
        ["bash", str(SCRIPTS / script), *map(str, args)],
        env={**os.environ, **{name: str(value) for name, value in env.items()}},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def restore_database():
    psql(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE}")
    psql(f"CREATE DATABASE {RESTORE_DATABASE}")
    yield database_url(RESTORE_DATABASE)
    psql(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE} WITH (FORCE)")


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_new_database_and_media_folder_that_serve_the_same_site(tmp_path, restore_database):
    media, restored_media, backups = tmp_path / "media", tmp_path / "restored-media", tmp_path / "backups"
    media.mkdir()
    with override_settings(MEDIA_ROOT=media):
        document = build_site()
    paths = ["/en/", "/en/introduction/", "/en/documents/", "/sitemap.xml", document.url]
    original_url = database_url(connection.settings_dict["NAME"])
    original = serve(original_url, media, paths)  # renders the image's rendition into the media folder
    assert [answer["status"] for answer in original.values()] == [200] * len(paths)
    assert "Two people talking" in original["/en/introduction/"]["body"]
    assert "/media/images/" in original["/en/introduction/"]["body"]
    assert "toolkit – ü, ğ, ά" in original[document.url]["body"]

    private, restored_private = tmp_path / "private", tmp_path / "restored-private"
    (private / "learners").mkdir(parents=True)
    (private / "learners" / "notes.txt").write_text("A learner's own file.")

    backup = run("backup.sh", backups, DATABASE_URL=original_url, MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private)
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip())
    assert sorted(path.name for path in folder.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private-media.tar.gz",
    ]
    without_private_folder = run("restore.sh", folder, DATABASE_URL=restore_database, MEDIA_ROOT=restored_media)
    assert without_private_folder.returncode == 2 and "PRIVATE_MEDIA_ROOT" in without_private_folder.stderr

    restore = run(
        "restore.sh",
        folder,
        DATABASE_URL=restore_database,
        MEDIA_ROOT=restored_media,
        PRIVATE_MEDIA_ROOT=restored_private,
    )
    assert restore.returncode == 0, restore.stderr
    assert files_of(restored_media) == files_of(media)
    assert files_of(restored_private) == {"learners/notes.txt": hashlib.sha256(b"A learner's own file.").hexdigest()}
    assert any(name.startswith("images/") for name in files_of(restored_media))  # the rendition came along

    restored = serve(restore_database, restored_media, paths)
    assert restored == original

    # Restoring twice into the same database or media folder is refused: a restore never mixes into live data.
    again = run("restore.sh", folder, DATABASE_URL=restore_database, MEDIA_ROOT=tmp_path / "elsewhere")
    assert again.returncode == 2 and "already has" in again.stderr
    elsewhere = run("restore.sh", folder, DATABASE_URL=original_url, MEDIA_ROOT=restored_media)
    assert elsewhere.returncode == 2


def test_a_damaged_backup_is_refused_before_anything_is_written(tmp_path, restore_database):
    folder = tmp_path / "leader-broken"
    folder.mkdir()
    (folder / "database.dump").write_bytes(b"not a dump")
    (folder / "media.tar.gz").write_bytes(b"not a tar")
    (folder / "SHA256SUMS").write_text(f"{'0' * 64}  database.dump\n{'0' * 64}  media.tar.gz\n")
    result = run("restore.sh", folder, DATABASE_URL=restore_database, MEDIA_ROOT=tmp_path / "media")
    assert result.returncode == 2 and "checksums do not match" in result.stderr
    assert not (tmp_path / "media").exists()

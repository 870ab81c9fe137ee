"""The interface catalogues: complete in six languages, compiled cleanly, in step with the code."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.utils import LANGUAGE_CODES

LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_is_complete(code):
    import polib

    catalogue = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    if code != "en":
        # A message of placeholders and signs only ("%(field)s ×%(count)s") has no words to translate.
        same = [
            entry.msgid
            for entry in catalogue
            if entry.msgstr == entry.msgid
            and len(entry.msgid) > 12
            and re.search(r"[^\W\d_]", PLACEHOLDER.sub("", entry.msgid))
        ]
        assert same == [], f"left in English: {same}"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_compiles_with_format_checks(code, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "--statistics",
            "-o",
            str(tmp_path / "django.mo"),
            str(LOCALE / code / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_makemessages_would_not_change_a_catalogue():
    call_command("makecatalogues", check=True)


def test_the_admins_catalogues_are_complete_and_agree_with_ours():
    from home.management.commands.makecatalogues import admin_catalogue_paths, admin_catalogue_problems

    base = Path(settings.BASE_DIR)
    assert settings.LOCALE_PATHS[0] == base / "locale-admin"  # read before every other catalogue
    assert {path.parts[-3] for path in admin_catalogue_paths(base)} == set(LANGUAGE_CODES) - {"en"}
    assert admin_catalogue_problems(base) == []


def test_an_admin_catalogue_left_fuzzy_or_clashing_with_ours_is_reported(tmp_path):
    import polib

    from home.management.commands.makecatalogues import admin_catalogue_problems

    base = Path(settings.BASE_DIR)
    for folder in ("locale", "locale-admin"):
        shutil.copytree(base / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.mo"))
    greek = tmp_path / "locale-admin" / "el" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(greek))
    catalogue[0].flags.append("fuzzy")
    ours = polib.pofile(str(tmp_path / "locale" / "el" / "LC_MESSAGES" / "django.po"))[0]
    catalogue.append(polib.POEntry(msgid=ours.msgid, msgstr=ours.msgstr + " (admin)"))
    catalogue.save()
    (tmp_path / "locale-admin" / "ro" / "LC_MESSAGES" / "django.po").unlink()

    problems = admin_catalogue_problems(tmp_path)
    assert f"locale-admin/el/LC_MESSAGES/django.po: fuzzy {catalogue[0].msgid!r}" in problems
    assert f"locale-admin/el/LC_MESSAGES/django.po: {ours.msgid!r} is translated differently in locale/" in problems
    assert "locale-admin/ro/LC_MESSAGES/django.po: missing" in problems

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

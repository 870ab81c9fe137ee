"""Update the interface catalogues under locale/ for the six languages, or check that they are up to date."""

import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORED = [".venv", ".git", "media", "test-media", "staticfiles", "node_modules", "tests", "bench", "home/demo"]


def catalogue_paths(base):
    return {code: Path(base) / "locale" / code / "LC_MESSAGES" / "django.po" for code, _name in settings.LANGUAGES}


def comparable(path):
    """A catalogue's text without the creation date, which makemessages rewrites on every run."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith('"POT-Creation-Date')]


class Command(BaseCommand):
    help = "Run makemessages for every language with the project's options; --check only reports what would change."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if makemessages would change a catalogue.")

    def handle(self, *args, check=False, **options):
        base = Path(settings.BASE_DIR)
        if check:
            return self.check_catalogues(base)
        call_command(
            "makemessages",
            locale=[code for code, _name in settings.LANGUAGES],
            no_location=True,
            no_obsolete=True,
            ignore_patterns=[f"{pattern}/*" for pattern in IGNORED],
            verbosity=0,
        )
        # English is the source language: its catalogue repeats each message, so it is complete like the others.
        english = polib.pofile(str(catalogue_paths(base)[settings.LANGUAGE_CODE]), wrapwidth=79)
        for entry in english:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        english.save()
        self.stdout.write("Catalogues updated under locale/.")

    def check_catalogues(self, base):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "project"
            shutil.copytree(base, copy, ignore=shutil.ignore_patterns(*IGNORED, "*.pyc", "__pycache__"))
            subprocess.run(  # noqa: S603 - our own interpreter and manage.py, no user input
                [sys.executable, "manage.py", "makecatalogues"], cwd=copy, check=True, capture_output=True
            )
            changed = []
            for code, path in catalogue_paths(base).items():
                before, after = comparable(path), comparable(catalogue_paths(copy)[code])
                if before != after:
                    diff = difflib.unified_diff(
                        before, after, f"locale/{code} (committed)", "(makemessages)", lineterm=""
                    )
                    changed.append("\n".join(list(diff)[:40]))
        if changed:
            raise CommandError("Catalogues are out of date; run `make messages`:\n" + "\n\n".join(changed))
        self.stdout.write("Catalogues are up to date.")

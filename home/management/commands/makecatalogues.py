"""Update the interface catalogues under locale/ for the six languages, or check that they are up to date.

locale-admin/ (first in LOCALE_PATHS) holds our translations of the libraries' admin messages; it is written by
hand, never from our sources: makemessages runs with locale/ as the only locale path, and --check also fails on an
admin catalogue that is incomplete, fuzzy or does not compile, or that translates one of our own messages
differently from locale/.
"""

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

IGNORED = [".venv", ".git", "media", "test-media", "staticfiles", "node_modules", "tests", "bench", "home/demo"]


def catalogue_paths(base):
    return {code: Path(base) / "locale" / code / "LC_MESSAGES" / "django.po" for code, _name in settings.LANGUAGES}


def admin_catalogue_paths(base):
    """locale-admin/'s catalogues: django.po for every language but English (the libraries' source language), and
    djangojs.po (the admin's JavaScript) for the languages whose libraries' JavaScript catalogues need completing."""
    paths = []
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            folder = Path(base) / "locale-admin" / code / "LC_MESSAGES"
            paths += [folder / "django.po", *sorted(folder.glob("djangojs.po"))]
    return paths


def admin_catalogue_problems(base):
    """What is wrong with locale-admin/: a missing, incomplete, fuzzy or uncompilable catalogue, or a clash."""
    problems = []
    for path in admin_catalogue_paths(base):
        name = path.relative_to(base)
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        catalogue = polib.pofile(str(path))
        for entry in catalogue.untranslated_entries():
            problems.append(f"{name}: untranslated {entry.msgid!r}")
        for entry in catalogue.fuzzy_entries():
            problems.append(f"{name}: fuzzy {entry.msgid!r}")
        for entry in catalogue.obsolete_entries():
            problems.append(f"{name}: obsolete {entry.msgid!r}")
        if msgfmt := shutil.which("msgfmt"):
            result = subprocess.run(  # noqa: S603 - GNU gettext on our own file
                [msgfmt, "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
            )
            if result.returncode:
                problems.append(f"{name}: {result.stderr.strip()}")
        if path.stem == "django":
            # The admin's catalogue is read first, so a message of ours that it also holds would read its way.
            ours = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(catalogue_paths(base)[path.parts[-3]]))}
            for entry in catalogue:
                own = ours.get((entry.msgctxt, entry.msgid))
                if own and (own.msgstr, own.msgstr_plural) != (entry.msgstr, entry.msgstr_plural):
                    problems.append(f"{name}: {entry.msgid!r} is translated differently in locale/")
    return problems


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
        # makemessages writes into the first of LOCALE_PATHS: here that is locale/, never locale-admin/.
        with override_settings(LOCALE_PATHS=[base / "locale"]):
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
            for path in admin_catalogue_paths(base):
                copied = copy / path.relative_to(base)
                if path.exists() and comparable(path) != comparable(copied):
                    changed.append(f"{path.relative_to(base)} was rewritten by makemessages")
        if problems := admin_catalogue_problems(base):
            changed.append("The admin's catalogues (locale-admin/):\n" + "\n".join(problems))
        if changed:
            raise CommandError(
                "Catalogues need attention (`make messages` updates locale/; locale-admin/ is written by hand):\n"
                + "\n\n".join(changed)
            )
        self.stdout.write("Catalogues are up to date.")

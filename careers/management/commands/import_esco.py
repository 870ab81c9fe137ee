"""`manage.py import_esco FILE --language xx [--dry-run]`: ESCO's occupations CSV of one language into the portal."""

from pathlib import Path

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from careers.esco import EscoImporter, EscoLanguageError, read_occupations
from resources.spreadsheet import SpreadsheetError


class Command(BaseCommand):
    help = (
        "Import ESCO's occupations file of one language (occupations_xx.csv from the ESCO portal's download): "
        "labels and descriptions, matched by conceptUri. Every row is checked first; one bad row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="ESCO's occupations CSV, e.g. occupations_it.csv")
        parser.add_argument("--language", required=True, help="The file's language: en, it, ro, es or el")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, without writing")

    def handle(self, *args, file, language, dry_run=False, **options):
        try:
            importer = EscoImporter(language)
        except EscoLanguageError as error:
            raise CommandError(str(error)) from error
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            rows = read_occupations(data, path.name)
        except SpreadsheetError as error:
            raise CommandError(f"{path.name}: {error}") from error
        report = importer.run(rows, dry_run=dry_run)
        if not report.ok:
            for row, column, message in report.errors:
                place = f"row {row}" if row else "file"
                self.stderr.write(f"{place}{', ' + column if column else ''}: {message}")
            raise CommandError(f"{len(report.errors)} problem(s) found: nothing was imported.")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"ESCO occupations ({language}): {len(report.created)} {verb} added, {len(report.updated)} {verb} "
            f"updated, {len(report.unchanged)} unchanged."
        )
        if not dry_run and (report.created or report.updated) and "rebuild_search_index" in get_commands():
            # The careers' search text includes ESCO's labels: the site search reads them again.
            call_command("rebuild_search_index", stdout=self.stdout)

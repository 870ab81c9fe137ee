"""Import the Matrix from a CSV or XLSX file into one language; nothing is written unless every row is valid."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from resources.importer import Importer
from resources.spreadsheet import SpreadsheetError, read_table


class Command(BaseCommand):
    help = "Import resources from a CSV or XLSX file (columns: see README); a second import updates, never duplicates."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file whose first row names the columns")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="language code, e.g. it (default: en)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change without writing")

    def handle(self, *args, file, language, dry_run=False, **options):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"Unknown language: {language}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        with translation.override("en"):
            try:
                _header, rows = read_table(path.read_bytes(), path.name)
            except SpreadsheetError as error:
                raise CommandError(str(error)) from error
            report = Importer(locale).run(rows, dry_run=dry_run)
        if not report.ok:
            lines = [
                f"row {number}, column {column}: {message}" if column else f"row {number}: {message}"
                for number, column, message in report.errors
            ]
            raise CommandError(f"{len(report.errors)} problems, nothing was imported:\n" + "\n".join(lines))
        prefix = "Dry run, nothing written: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}created {len(report.created)}, updated {len(report.updated)}, "
            f"left {len(report.unchanged)} unchanged ({language})."
        )
        for label, keys in (("created", report.created), ("updated", report.updated)):
            for key in keys:
                self.stdout.write(f"  {label}: {key}")

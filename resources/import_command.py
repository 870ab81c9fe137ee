"""The management command that imports a spreadsheet of pages into one language, for any `PageImporter`: the
resources' `import_resources` and the training catalogue's `import_training` are this command with their importer
and their reader."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from resources.spreadsheet import SpreadsheetError


class SpreadsheetImportCommand(BaseCommand):
    importer_class = None  # a resources.importer.PageImporter
    read = None  # (data, file name) -> (header, rows), raising SpreadsheetError

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
                _header, rows = self.read(path.read_bytes(), path.name)
            except SpreadsheetError as error:
                raise CommandError(str(error)) from error
            report = self.importer_class(locale).run(rows, dry_run=dry_run)
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

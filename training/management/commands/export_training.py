"""Export one language's training opportunities to CSV or XLSX in the import format (a round trip changes
nothing)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from training.models import TrainingPage
from training.spreadsheet import training_row, with_relations, write_training_csv, write_training_xlsx


class Command(BaseCommand):
    help = "Export training opportunities to a .csv or .xlsx file in the import format."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to write; its extension (.csv or .xlsx) chooses the format")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="language code, e.g. it (default: en)")

    def handle(self, *args, file, language, **options):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"Unknown language: {language}")
        path = Path(file)
        rows = [
            training_row(page) for page in with_relations(TrainingPage.objects.filter(locale=locale).order_by("key"))
        ]
        if path.suffix.lower() == ".csv":
            with path.open("w", encoding="utf-8", newline="") as stream:
                write_training_csv(rows, stream)
        elif path.suffix.lower() == ".xlsx":
            with path.open("wb") as stream:
                write_training_xlsx(rows, stream)
        else:
            raise CommandError("The file must end in .csv or .xlsx")
        self.stdout.write(f"{len(rows)} training opportunities written to {path} ({language}).")

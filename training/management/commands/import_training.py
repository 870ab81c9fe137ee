"""Import training opportunities from a CSV or XLSX file into one language; nothing is written unless every row is
valid."""

from resources.import_command import SpreadsheetImportCommand
from training.importer import TrainingImporter
from training.spreadsheet import read_training_table


class Command(SpreadsheetImportCommand):
    help = "Import training opportunities from a CSV or XLSX file (columns: see README); matched by key."
    importer_class = TrainingImporter
    read = staticmethod(read_training_table)

"""Import the Matrix from a CSV or XLSX file into one language; nothing is written unless every row is valid."""

from resources.import_command import SpreadsheetImportCommand
from resources.importer import Importer
from resources.spreadsheet import read_table


class Command(SpreadsheetImportCommand):
    help = "Import resources from a CSV or XLSX file (columns: see README); a second import updates, never duplicates."
    importer_class = Importer
    read = staticmethod(read_table)

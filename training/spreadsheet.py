"""Training opportunities as spreadsheet rows: the one data format of the import, the export and the downloads.

English column keys, codes as values, UTF-8 CSV with commas or an XLSX of text cells: read and written with the
Matrix's functions (`resources.spreadsheet`: limits, formula escaping, text cells), given these columns.
"""

from resources.spreadsheet import SEPARATOR, read_table, write_csv, write_xlsx

COLUMNS = [
    "key",
    "title",
    "kind",
    "summary",
    "description",
    "provider",
    "country",
    "city",
    "online",
    "eqf_level",
    "languages",
    "duration",
    "duration_unit",
    "cost",
    "url",
    "areas",
]
REQUIRED_COLUMNS = ["key", "title", "kind", "provider", "country"]
YES, NO = "yes", "no"


def training_row(training):
    """One opportunity as a row of strings; expects its areas prefetched."""
    return {
        "key": training.key,
        "title": training.title,
        "kind": training.kind,
        "summary": training.summary,
        "description": training.description,
        "provider": training.provider,
        "country": training.country,
        "city": training.city,
        "online": YES if training.online else NO,
        "eqf_level": "" if training.eqf_level is None else str(training.eqf_level),
        "languages": SEPARATOR.join(training.languages),
        "duration": "" if training.duration is None else str(training.duration),
        "duration_unit": training.duration_unit,
        "cost": training.cost,
        "url": training.url,
        "areas": SEPARATOR.join(sorted({area.code for area in training.areas.all()})),
    }


def with_relations(queryset):
    return queryset.prefetch_related("areas")


def read_training_table(data, filename):
    return read_table(data, filename, columns=COLUMNS, required=REQUIRED_COLUMNS)


def write_training_csv(rows, stream):
    write_csv(rows, stream, columns=COLUMNS)


def write_training_xlsx(rows, stream):
    write_xlsx(rows, stream, columns=COLUMNS, sheet_name="training")

"""Resources as spreadsheet rows: the one column format of the import, the export and the matrix downloads."""

import csv
import datetime
import io

from django.utils.translation import gettext as _

COLUMNS = [
    "key",
    "title",
    "category",
    "summary",
    "description",
    "instructions",
    "languages",
    "country",
    "provider",
    "target_group",
    "setting",
    "duration",
    "licence",
    "url",
    "video_url",
    "link_checked",
    "areas",
    "competences",
    "learning_outcomes",
    "pilot_actions",
]
REQUIRED_COLUMNS = ["key", "title", "category", "country"]
SEPARATOR = ";"
MAX_ROWS = 5000


class SpreadsheetError(Exception):
    """The file as a whole cannot be read (wrong type, no header, unknown columns)."""


def resource_row(resource):
    """One resource as a row of strings; expects areas, competences, outcomes and pilot actions prefetched."""
    return {
        "key": resource.key,
        "title": resource.title,
        "category": resource.category,
        "summary": resource.summary,
        "description": resource.description,
        "instructions": resource.instructions,
        "languages": SEPARATOR.join(resource.languages),
        "country": resource.country,
        "provider": resource.provider,
        "target_group": resource.target_group,
        "setting": resource.setting,
        "duration": "" if resource.duration is None else str(resource.duration),
        "licence": resource.licence,
        "url": resource.url,
        "video_url": resource.video_url,
        "link_checked": resource.link_checked.isoformat() if resource.link_checked else "",
        "areas": SEPARATOR.join(sorted({area.code for area in resource.areas.all()})),
        "competences": SEPARATOR.join(sorted({competence.code for competence in resource.competences.all()})),
        "learning_outcomes": SEPARATOR.join(
            str(number) for number in sorted({outcome.number for outcome in resource.learning_outcomes.all()})
        ),
        "pilot_actions": SEPARATOR.join(sorted({pilot.slug for pilot in resource.pilot_actions.all()})),
    }


def with_relations(queryset):
    return queryset.prefetch_related("areas", "competences", "learning_outcomes", "pilot_actions")


def write_csv(rows, stream):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def write_xlsx(rows, stream):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "resources"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    workbook.save(stream)


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data, filename):
    """The header and data rows of a CSV or XLSX file, every cell as text."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds of errors for a file that is not a workbook
            raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
        table = [[cell_text(value) for value in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    elif name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(_("The CSV file is not encoded in UTF-8.")) from error
        table = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise SpreadsheetError(_("Upload a .csv or .xlsx file."))
    if not table or not any(table[0]):
        raise SpreadsheetError(_("The file is empty: the first row must name the columns."))
    header = [cell.strip().lower() for cell in table[0]]
    while header and not header[-1]:
        header.pop()
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        raise SpreadsheetError(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise SpreadsheetError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        rows.append((number, {column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)}))
    if len(rows) > MAX_ROWS:
        raise SpreadsheetError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    return header, rows

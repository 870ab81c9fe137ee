"""Resources as spreadsheet rows.

Two formats. The data format (`COLUMNS`, `resource_row`) is the one column format of the import, the export and the
Matrix's data downloads: English column keys, codes as values, UTF-8 CSV with commas. The readers' format
(`READER_COLUMNS`, `reader_row`) is for people: headers and values in the reader's language, written as an XLSX
workbook or as a CSV that opens in the spreadsheet programs of the reader's country.
"""

import csv
import datetime
import io
import re
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import get_format
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from cms_framework.choices import country_name
from resources.choices import RESOURCE_LANGUAGE_NAMES

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

# What an import may read; `settings.RESOURCE_IMPORT` overrides any of them. Reading stops at the first one passed.
DEFAULT_LIMITS = {
    "MAX_UPLOAD_BYTES": 5 * 1024 * 1024,  # the file as uploaded
    "MAX_UNCOMPRESSED_BYTES": 50 * 1024 * 1024,  # an XLSX's members once unzipped, all together
    "MAX_ROWS": 10_000,  # rows under the header, blank ones included
    "MAX_COLUMNS": 40,
    "MAX_CELL_CHARACTERS": 10_000,
    "MAX_CHARACTERS": 20_000_000,  # every cell's text together (an XLSX may repeat one shared text in many cells)
    "BACKGROUND_ROWS": 50,  # an import of more rows runs in the background (resources/tasks.py)
}

# What a spreadsheet program would run as a formula (OWASP's "CSV injection"). A CSV cell that starts with one of them,
# after any apostrophes, gets one more apostrophe in front; the import takes exactly that one away again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
ESCAPED = re.compile(r"'+[=+\-@\t\r\0]")


def import_limit(name):
    return getattr(settings, "RESOURCE_IMPORT", {}).get(name, DEFAULT_LIMITS[name])


def escape_formula(text):
    """A CSV cell's text that no spreadsheet program runs as a formula: "=SUM(A1)" becomes "'=SUM(A1)"."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def unescape_formula(text):
    """The text `escape_formula` was given: one apostrophe less, only before a formula's first character."""
    return text[1:] if ESCAPED.match(text) else text


class SpreadsheetError(Exception):
    """The file as a whole cannot be read (wrong type, no header, unknown columns, a limit passed)."""


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


def write_csv(rows, stream, columns=COLUMNS):
    """The data rows as CSV; a text a spreadsheet program would run as a formula gets an apostrophe in front.

    `columns`: the data format's columns (the resources' by default; the training catalogue passes its own)."""
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([escape_formula(row[column]) for column in columns])


def write_xlsx(rows, stream, columns=COLUMNS, sheet_name="resources"):
    """The data rows as a workbook in which every value is a text cell, never a formula."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(columns)
    for row in rows:
        sheet.append([text_cell(sheet, CONTROL_CHARACTERS.sub("", row[column])) for column in columns])
    workbook.save(stream)


def text_cell(sheet, value):
    """A write-only cell holding `value` as text, even when it starts with "=" (openpyxl would make it a formula)."""
    from openpyxl.cell import WriteOnlyCell

    if not value:
        return None
    cell = WriteOnlyCell(sheet)
    cell.value = value
    cell.data_type = "s"
    return cell


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


def _xlsx_rows(data, columns):
    """An XLSX's first sheet row by row, each row cut to `columns` cells; the declared size is never trusted."""
    from openpyxl import load_workbook

    limit = import_limit("MAX_UNCOMPRESSED_BYTES")
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
    # A workbook is a zip: a few kilobytes may unpack to gigabytes. zipfile never unpacks more than a member declares.
    if sum(member.file_size for member in members) > limit:
        raise SpreadsheetError(
            _("The workbook unpacks to more than %(size)s: save it again, or split it.")
            % {"size": filesizeformat(limit)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds of errors for a file that is not a workbook
        raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
    sheet.reset_dimensions()  # a declared size of 16,384 columns would give every row that many cells
    try:
        for row in sheet.iter_rows(max_col=columns, values_only=True):
            yield [cell_text(value) for value in row]
    except SpreadsheetError:
        raise
    except Exception as error:
        raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
    finally:
        workbook.close()


def _csv_rows(data, columns):
    """A UTF-8 CSV row by row, each cell without the apostrophe `write_csv` put before a formula's first character."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(_("The CSV file is not encoded in UTF-8.")) from error
    reader = csv.reader(io.StringIO(text))
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # among others, a field longer than the csv module reads (128 KiB)
            raise SpreadsheetError(
                _("Line %(line)s of the CSV file cannot be read: a cell is too long or a quote is not closed.")
                % {"line": reader.line_num}
            ) from error
        yield [unescape_formula(cell.strip()) for cell in cells]


def read_table(data, filename, *, columns=COLUMNS, required=REQUIRED_COLUMNS, limits=None):
    """The header and data rows of a CSV or XLSX file, every cell as text, read row by row within the limits.

    By default a file of the Matrix's columns within `RESOURCE_IMPORT`'s limits; another importer names its own
    `columns` (in lower case: headers are read in lower case), the `required` ones and its `limits`.
    """

    def limit(name):
        return (limits or {}).get(name) or import_limit(name)

    name = filename.lower()
    max_upload = limit("MAX_UPLOAD_BYTES")
    if len(data) > max_upload:
        raise SpreadsheetError(_("The file is larger than %(size)s.") % {"size": filesizeformat(max_upload)})
    max_columns, max_rows = limit("MAX_COLUMNS"), limit("MAX_ROWS")
    max_cell, max_characters = limit("MAX_CELL_CHARACTERS"), limit("MAX_CHARACTERS")
    if name.endswith(".xlsx"):
        table = _xlsx_rows(data, max_columns + 1)
    elif name.endswith(".csv"):
        table = _csv_rows(data, max_columns + 1)
    else:
        raise SpreadsheetError(_("Upload a .csv or .xlsx file."))
    try:
        return _read_rows(table, max_columns, max_rows, max_cell, max_characters, columns, required)
    finally:
        table.close()  # the workbook, when reading stopped early


def _read_rows(table, max_columns, max_rows, max_cell, max_characters, columns, required):
    first = next(table, None)
    if first is None or not any(first):
        raise SpreadsheetError(_("The file is empty: the first row must name the columns."))
    header = [cell.strip().lower() for cell in first[: max_columns + 1]]
    while header and not header[-1]:
        header.pop()
    if len(header) > max_columns:
        raise SpreadsheetError(_("The file has more than %(max)s columns.") % {"max": max_columns})
    unknown = [column[:60] for column in header if column not in columns]
    if unknown:
        raise SpreadsheetError(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    missing = [column for column in required if column not in header]
    if missing:
        raise SpreadsheetError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    rows, characters = [], 0
    for number, cells in enumerate(table, start=2):
        if number > max_rows + 1:
            raise SpreadsheetError(_("The file has more than %(max)s rows.") % {"max": max_rows})
        if any(cells[len(header) :]):
            raise SpreadsheetError(
                _("Row %(row)s has a value beyond the last named column (%(column)s).")
                % {"row": number, "column": header[-1]}
            )
        for index, cell in enumerate(cells[: len(header)]):
            if len(cell) > max_cell:
                raise SpreadsheetError(
                    _("Row %(row)s, column %(column)s: more than %(max)s characters.")
                    % {"row": number, "column": header[index], "max": max_cell}
                )
            characters += len(cell)
        if characters > max_characters:
            raise SpreadsheetError(_("The file has more than %(max)s characters of text.") % {"max": max_characters})
        if not any(cells):
            continue
        rows.append((number, {column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)}))
    return header, rows


# The readers' format: the column keys of `reader_row` and their headers, in the order a person reads them.
READER_COLUMNS = [
    ("title", gettext_lazy("Title")),
    ("category", gettext_lazy("Category")),
    ("summary", gettext_lazy("Summary")),
    ("description", gettext_lazy("Description")),
    ("instructions", gettext_lazy("Instructions for use")),
    ("languages", gettext_lazy("Languages of the resource")),
    ("country", gettext_lazy("Country of origin")),
    ("provider", gettext_lazy("Provider")),
    ("target_group", gettext_lazy("Target group")),
    ("setting", gettext_lazy("Setting")),
    ("duration", gettext_lazy("Duration (minutes)")),
    ("licence", gettext_lazy("Licence")),
    ("url", gettext_lazy("Link")),
    ("video_url", gettext_lazy("Video link")),
    ("link_checked", gettext_lazy("Link last checked")),
    ("areas", gettext_lazy("Framework areas")),
    ("competences", gettext_lazy("Competences")),
    ("page_url", gettext_lazy("Page on the portal")),
]
READER_LINK_COLUMNS = {"url", "video_url", "page_url"}
READER_WIDTHS = {"title": 40, "summary": 50, "description": 60, "instructions": 50, "areas": 40, "competences": 40}
READER_WRAPPED = {"summary", "description", "instructions", "areas", "competences"}
# Control characters are not allowed in the XML of a workbook (openpyxl refuses them): they are dropped.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def language_name(code):
    """A language's name in the active language ("inglese" in Italian), for a person's spreadsheet."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return str(RESOURCE_LANGUAGE_NAMES.get(code, code))


def _named(codes, titles):
    return "; ".join(f"{code} {titles[code]}" if titles.get(code) else code for code in sorted(set(codes)))


def reader_row(resource, *, area_titles, competence_titles, page_url):
    """One resource as a person reads it, in the active language: names instead of codes.

    `area_titles` and `competence_titles` map codes to titles in the reader's language (a resource's chosen areas may
    be another language's pages: wagtail-localize keeps the source's choices); expects areas and competences
    prefetched.
    """
    return {
        "title": resource.title,
        "category": str(resource.get_category_display()),
        "summary": resource.summary,
        "description": resource.description,
        "instructions": resource.instructions,
        "languages": ", ".join(language_name(code) for code in resource.languages),
        "country": str(country_name(resource.country)),
        "provider": resource.provider,
        "target_group": str(resource.get_target_group_display()) if resource.target_group else "",
        "setting": str(resource.get_setting_display()) if resource.setting else "",
        "duration": resource.duration,
        "licence": resource.licence,
        "url": resource.url,
        "video_url": resource.video_url,
        "link_checked": resource.link_checked,
        "areas": _named((area.code for area in resource.areas.all()), area_titles),
        "competences": _named((competence.code for competence in resource.competences.all()), competence_titles),
        "page_url": page_url,
    }


def list_separator(language_code):
    """The CSV delimiter spreadsheet programs expect in a language: ';' where the decimal separator is a comma."""
    return ";" if get_format("DECIMAL_SEPARATOR", language_code) == "," else ","


def as_text(value):
    """A cell of a person's spreadsheet as plain text that no spreadsheet program runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return escape_formula(CONTROL_CHARACTERS.sub("", str(value)))


def write_reader_csv(rows, stream, language_code):
    """The readers' rows as the reader's spreadsheet program opens a CSV: headers in their language, the language's
    list separator, CRLF line ends; the caller encodes the text as UTF-8 with a BOM (how Excel recognises UTF-8)."""
    writer = csv.writer(stream, delimiter=list_separator(language_code), lineterminator="\r\n")
    writer.writerow([str(label) for _key, label in READER_COLUMNS])
    for row in rows:
        writer.writerow([as_text(row[key]) for key, _label in READER_COLUMNS])


def sheet_title(text):
    """A worksheet title Excel accepts: at most 31 characters, none of \\ / ? * [ ] :."""
    return re.sub(r"[\\/?*\[\]:]", " ", text).strip()[:31] or "Sheet"


def write_reader_xlsx(rows, stream, *, language_code, title, sheet, description=""):
    """The readers' rows as a workbook: a bold header row frozen at the top with a filter, sensible column widths,
    long texts wrapped, links as hyperlinks, dates and minutes as such; the workbook's title and language set."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)  # streamed: the fastest way openpyxl writes, and the least memory
    workbook.properties.title = title
    workbook.properties.language = language_code
    workbook.properties.creator = "LE.A.DE.R"
    workbook.properties.description = description or None
    worksheet = workbook.create_sheet(sheet_title(sheet))
    worksheet.freeze_panes = "A2"
    keys = [key for key, _label in READER_COLUMNS]
    for index, key in enumerate(keys, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = READER_WIDTHS.get(key, 18)
    last_column = get_column_letter(len(keys))
    worksheet.auto_filter.ref = f"A1:{last_column}{len(rows) + 1}"

    bold, link, wrapped = Font(bold=True), Font(color="0563C1", underline="single"), Alignment(wrap_text=True)

    def header_cell(label):
        cell = WriteOnlyCell(worksheet, value=str(label))
        cell.font = bold
        return cell

    def cell_of(key, value):
        if isinstance(value, str):
            value = CONTROL_CHARACTERS.sub("", value)
            if not value:
                return None
            if key in READER_LINK_COLUMNS:
                cell = WriteOnlyCell(worksheet, value=value)
                cell.hyperlink = value
                cell.font = link
                return cell
            cell = text_cell(worksheet, value)  # every text a text cell, never a formula
            if key in READER_WRAPPED:
                cell.alignment = wrapped
            return cell
        return value

    worksheet.append([header_cell(label) for _key, label in READER_COLUMNS])
    for row in rows:
        worksheet.append([cell_of(key, row[key]) for key in keys])
    workbook.save(stream)

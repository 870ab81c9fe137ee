"""Import ESCO's occupations file of one language (ESCO portal → Download → occupations CSV) into `EscoOccupation`:
every row checked first, then all written or none, as the Matrix's import does (`resources.importer`).

Rows are matched by `conceptUri`; the labels, the description and the ISCO-08 group of a known occupation are
refreshed, an occupation not yet known is added, and one the file does not name is left as it is.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from careers.choices import ESCO_LANGUAGES, ESCO_OCCUPATION_URI, ISCO_CODE
from careers.models import EscoOccupation
from resources.importer import ImportReport
from resources.spreadsheet import SpreadsheetError, read_table

logger = logging.getLogger(__name__)

# ESCO's own columns, in the order of its download (v1.2 adds `naceCode`); our fields come from a few of them.
COLUMNS = [
    "conceptType",
    "conceptUri",
    "iscoGroup",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "regulatedProfessionNote",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
    "code",
    "naceCode",
]
REQUIRED_COLUMNS = ["conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description"]
_BY_LOWER = {column.lower(): column for column in COLUMNS}
# EscoOccupation's fields and the column each comes from, for the messages of the model's own validation.
FIELD_COLUMNS = {
    "uri": "conceptUri",
    "isco_group": "iscoGroup",
    "preferred_label": "preferredLabel",
    "alt_labels": "altLabels",
    "description": "description",
    "modified": "modifiedDate",
}
COMPARED = list(FIELD_COLUMNS)
# ESCO's English file is a few megabytes and about 3,000 rows: room for it and for its growth.
LIMITS = {
    "MAX_UPLOAD_BYTES": 100 * 1024 * 1024,
    "MAX_ROWS": 50_000,
    "MAX_COLUMNS": 40,
    "MAX_CELL_CHARACTERS": 50_000,
    "MAX_CHARACTERS": 200_000_000,
}


class EscoLanguageError(ValueError):
    """A language that ESCO does not publish, or that the portal does not have."""


def check_language(language):
    if language == "tr":
        raise EscoLanguageError(
            _(
                "ESCO is not published in Turkish, so there is nothing to import: Turkish career pages show the "
                "editors' Turkish text and say that an ESCO label is missing."
            )
        )
    if language not in ESCO_LANGUAGES:
        raise EscoLanguageError(
            _("Choose one of the languages ESCO and the portal share: %(codes)s.")
            % {"codes": ", ".join(ESCO_LANGUAGES)}
        )


def read_occupations(data, filename):
    """The rows of an ESCO occupations CSV as (row number, {ESCO column: text}); SpreadsheetError for the file."""
    if not filename.lower().endswith(".csv"):
        raise SpreadsheetError(_("Give ESCO's occupations file in CSV (occupations_xx.csv)."))
    _header, rows = read_table(
        data, filename, columns=list(_BY_LOWER), required=[c.lower() for c in REQUIRED_COLUMNS], limits=LIMITS
    )
    return [(number, {_BY_LOWER[key]: value for key, value in row.items()}) for number, row in rows]


def alt_labels(text):
    """ESCO's alternative labels, one a line (as its file gives them), without blanks or repeats."""
    return "\n".join(dict.fromkeys(label.strip() for label in text.splitlines() if label.strip()))


class EscoImporter:
    def __init__(self, language):
        check_language(language)
        self.language = language

    def clean_row(self, raw):
        """The occupation a row describes (not saved) and the list of (column, problem) found in it."""
        row = {column: raw.get(column, "").strip() for column in COLUMNS}
        problems = []
        for column in COLUMNS:
            if "\x00" in row[column]:  # PostgreSQL's text columns refuse it
                problems.append((column, _("contains a NUL character (U+0000)")))
        if row["conceptType"] and row["conceptType"] != "Occupation":
            problems.append(
                ("conceptType", _("“%(value)s” is not an occupation") % {"value": row["conceptType"][:100]})
            )
        if not ESCO_OCCUPATION_URI.fullmatch(row["conceptUri"]):
            problems.append(
                (
                    "conceptUri",
                    _("“%(value)s” is not an ESCO occupation URI (http://data.europa.eu/esco/occupation/…)")
                    % {"value": row["conceptUri"][:200]},
                )
            )
        if not ISCO_CODE.fullmatch(row["iscoGroup"]):
            problems.append(
                (
                    "iscoGroup",
                    _("“%(value)s” is not an ISCO-08 unit group code (four digits)")
                    % {"value": row["iscoGroup"][:100]},
                )
            )
        if not row["preferredLabel"]:
            problems.append(("preferredLabel", _("the label is missing")))
        occupation = EscoOccupation(
            uri=row["conceptUri"],
            language=self.language,
            preferred_label=row["preferredLabel"],
            alt_labels=alt_labels(row["altLabels"]),
            description=row["description"],
            isco_group=row["iscoGroup"],
            modified=row["modifiedDate"],
        )
        known = {column for column, _message in problems}
        try:
            occupation.full_clean(exclude=["imported_at"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(name, "")
                if column not in known:
                    problems.extend((column, message) for message in messages)
        return occupation, problems

    def run(self, rows, *, dry_run=False):
        report = ImportReport(dry_run=dry_run)
        planned, seen = [], {}
        for number, raw in rows:
            occupation, problems = self.clean_row(raw)
            if occupation.uri in seen:
                problems.append(("conceptUri", _("the URI is already on row %(row)s") % {"row": seen[occupation.uri]}))
            seen.setdefault(occupation.uri, number)
            report.errors.extend((number, column, message) for column, message in problems)
            planned.append((number, occupation))
        if not planned and not report.errors:
            report.errors.append((0, "", _("The file has no occupations.")))
        if report.errors:
            return report
        existing = {
            occupation.uri: occupation
            for occupation in EscoOccupation.objects.filter(language=self.language, uri__in=seen)
        }
        created, updated = [], []
        for _number, occupation in planned:
            current = existing.get(occupation.uri)
            if current is None:
                created.append(occupation)
                report.created.append(occupation.uri)
            elif all(getattr(current, name) == getattr(occupation, name) for name in COMPARED):
                report.unchanged.append(occupation.uri)
            else:
                for name in COMPARED:
                    setattr(current, name, getattr(occupation, name))
                updated.append(current)
                report.updated.append(occupation.uri)
        if dry_run:
            return report
        try:
            with transaction.atomic():
                EscoOccupation.objects.bulk_create(created, batch_size=500)
                for occupation in updated:
                    occupation.save()  # one by one, so that `imported_at` is set (bulk_update skips auto_now)
        except DatabaseError as error:
            # The checks above are what the database enforces; should a write still fail (another import in
            # between), nothing of this one is kept.
            logger.warning("ESCO import rolled back: %r", error)
            report.created, report.updated, report.unchanged = [], [], []
            report.errors.append(
                (
                    0,
                    "",
                    _("the file could not be written, so nothing was imported: %(error)s")
                    % {"error": str(error)[:500]},
                )
            )
        return report

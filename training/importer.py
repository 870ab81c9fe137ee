"""The training catalogue's spreadsheet import: the Matrix's importer (`resources.importer.PageImporter`: every row
checked, then all or nothing, dry runs, matching by key, joining the key's translations) with the catalogue's rows."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from cms_framework.choices import COUNTRY_CODES
from cms_framework.models import FrameworkAreaPage
from home.codes import validate_code
from resources.choices import RESOURCE_LANGUAGE_NAMES
from resources.importer import DIGITS, ImportReport, PageImporter, split
from resources.spreadsheet import SEPARATOR
from training.choices import COST_CODES, DURATION_UNIT_CODES, EQF_LEVEL_CODES, KIND_CODES
from training.models import TrainingIndexPage, TrainingPage
from training.spreadsheet import COLUMNS, NO, YES, training_row, with_relations

__all__ = ["ImportReport", "TrainingImporter"]

FIELD_COLUMNS = {name: name for name in COLUMNS} | {"slug": "key", "draft_title": "title"}
MAX_DURATION = 10_000


class TrainingImporter(PageImporter):
    """Validates every row, then (unless a dry run or any row is bad) creates or updates the opportunities."""

    page_model = TrainingPage
    default_slug = "training"
    field_columns = FIELD_COLUMNS
    emptied_when_wrong = {"duration", "eqf_level"}

    def __init__(self, locale):
        super().__init__(locale)
        self.index = TrainingIndexPage.objects.filter(locale=locale).first()
        self.areas = {area.code: area for area in FrameworkAreaPage.objects.filter(locale=locale)}

    def no_index_message(self):
        return _("This language has no training catalogue page to import into.")

    @staticmethod
    def slug_taken(slug, holder):
        if holder < 0:
            return _("the key gives the page address “%(slug)s”, as row %(row)s does") % {"slug": slug, "row": -holder}
        return _("the key gives the page address “%(slug)s”, which another page of the catalogue has") % {"slug": slug}

    def clean_row(self, raw):
        """The row in the canonical form of `training_row`, and the list of (column, problem) found in it."""
        row = {column: raw.get(column, "").strip() for column in COLUMNS}
        problems = []

        def problem(column, message):
            problems.append((column, message))

        for column in COLUMNS:
            if "\x00" in row[column]:  # PostgreSQL's text columns refuse it
                problem(column, _("contains a NUL character (U+0000)"))
        try:
            validate_code(row["key"])
        except ValidationError:
            problem("key", _("the key is missing or has characters other than letters, digits, dots and dashes"))
        if not row["title"]:
            problem("title", _("the title is missing"))
        if row["kind"] not in KIND_CODES:
            problem("kind", _("unknown kind of opportunity “%(value)s”") % {"value": row["kind"][:100]})
        if not row["provider"]:
            problem("provider", _("the provider is missing"))
        row["country"] = row["country"].upper()
        if row["country"] not in COUNTRY_CODES:
            problem("country", _("unknown country “%(value)s”") % {"value": row["country"][:100]})
        row["online"] = row["online"].lower() or NO
        if row["online"] not in (YES, NO):
            problem("online", _("write “yes” or “no”"))
        if row["eqf_level"]:
            if DIGITS.fullmatch(row["eqf_level"]) and int(row["eqf_level"]) in EQF_LEVEL_CODES:
                row["eqf_level"] = str(int(row["eqf_level"]))
            else:
                problem("eqf_level", _("the EQF level must be a whole number from 1 to 8"))
        languages = list(dict.fromkeys(code.lower() for code in split(row["languages"])))
        for code in languages:
            if code not in RESOURCE_LANGUAGE_NAMES:
                problem("languages", _("unknown language “%(value)s”") % {"value": code[:100]})
        row["languages"] = SEPARATOR.join(languages)
        if row["duration"]:
            if DIGITS.fullmatch(row["duration"]) and 1 <= int(row["duration"]) <= MAX_DURATION:
                row["duration"] = str(int(row["duration"]))
            else:
                problem(
                    "duration",
                    _("the duration must be a whole number from 1 to %(max)s") % {"max": MAX_DURATION},
                )
        row["duration_unit"] = row["duration_unit"].lower()
        if row["duration_unit"] and row["duration_unit"] not in DURATION_UNIT_CODES:
            problem("duration_unit", _("unknown unit “%(value)s”") % {"value": row["duration_unit"][:100]})
        row["cost"] = row["cost"].lower() or "free"
        if row["cost"] not in COST_CODES:
            problem("cost", _("write “free” or “paid”"))
        if row["url"]:
            try:
                URLValidator(schemes=["http", "https"])(row["url"])
            except ValidationError:
                problem("url", _("the address “%(value)s” is not a valid web address") % {"value": row["url"][:200]})
        areas = sorted(set(split(row["areas"])))
        for code in areas:
            if code not in self.areas:
                problem("areas", _("unknown area code “%(value)s”") % {"value": code[:100]})
        row["areas"] = SEPARATOR.join(areas)
        return row, problems

    def row_of(self, page):
        return training_row(page)

    def with_relations(self, queryset):
        return with_relations(queryset)

    def assign_fields(self, page, row):
        page.title = row["title"]
        for name in ("kind", "summary", "description", "provider", "country", "city", "duration_unit", "cost", "url"):
            setattr(page, name, row[name])
        page.online = row["online"] == YES
        page.eqf_level = int(row["eqf_level"]) if row["eqf_level"] else None
        page.languages = split(row["languages"])
        page.duration = int(row["duration"]) if row["duration"] else None

    def assign_relations(self, page, row):
        page.areas.set([self.areas[code] for code in split(row["areas"])])

"""Import the Matrix from spreadsheet rows into one language: every row checked first, then all written or none.

The check is what the database and the models enforce, row by row (each field's length, validators and range, the
key unique in the language, the page address unique under the Matrix, Wagtail's `full_clean`), so that a file that
passes a dry run also imports; should anything still fail while writing, the whole import is rolled back.
"""

import datetime
import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms_framework.choices import COUNTRY_CODES, SETTINGS
from cms_framework.models import Competence, FrameworkAreaPage, LearningOutcomePage, PilotActionPage
from home.codes import validate_code
from home.freshness import bump
from resources.choices import CATEGORY_CODES, RESOURCE_LANGUAGE_NAMES, TARGET_GROUPS
from resources.models import ResourceIndexPage, ResourcePage
from resources.spreadsheet import COLUMNS, SEPARATOR, resource_row, with_relations

logger = logging.getLogger(__name__)

DIGITS = re.compile(r"[0-9]+")  # str.isdigit() is also true of "²" and "٣", which int() refuses or misreads
# The page's fields a row sets, each checked by `full_clean` and reported under the column it came from; the slug is
# made from the key.
FIELD_COLUMNS = {name: name for name in COLUMNS} | {"slug": "key", "draft_title": "title"}
# Fields of the page tree that a page not yet added under the Matrix has no value for.
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number, column or "", message); row 0: the file as a whole
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    def as_dict(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [list(error) for error in self.errors],
            "dry_run": self.dry_run,
        }


def split(value):
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


class PageImporter:
    """Rows of one data format into the pages of one language: every row checked (its `clean_row`, then the page's
    own `full_clean`), then, unless a dry run or any row is bad, every page created or updated in one transaction.

    A subclass names its `page_model` (with a `key` unique in its language) and `index` (the parent page in the
    language), and gives `clean_row`, `row_of`, `with_relations`, `assign_fields` and `assign_relations`; the
    resources' `Importer` below and the training catalogue's (`training/importer.py`) are two.
    """

    page_model = None
    default_slug = "page"
    field_columns = {}  # the page's field -> the column its value came from
    emptied_when_wrong = set()  # columns that cannot even be assigned when wrong (numbers, dates)

    def __init__(self, locale):
        self.locale = locale
        self.index = None

    def clean_row(self, raw):
        raise NotImplementedError

    def row_of(self, page):
        raise NotImplementedError

    def with_relations(self, queryset):
        return queryset

    def assign_fields(self, page, row):
        raise NotImplementedError

    def assign_relations(self, page, row):
        pass

    def create(self, page, row):
        # A page imported in one language joins the translations of the same key in the others (`translations`).
        self.assign_fields(page, row)
        self.assign_relations(page, row)
        self.index.add_child(instance=page)
        page.save_revision().publish()

    def update(self, page, row):
        self.assign_fields(page, row)
        self.assign_relations(page, row)
        page.save_revision().publish()

    def model_problems(self, page, known):
        """What the page's own validation (Django's fields, the key unique in the language, Wagtail's `full_clean`)
        finds in a page set from a row, as (column, problem); columns already known to be wrong are left out."""
        try:
            page.full_clean(exclude=TREE_FIELDS if page.pk is None else None)
        except ValidationError as error:
            problems = []
            for name, messages in error.message_dict.items():
                column = self.field_columns.get(name, "")
                if column not in known:
                    problems.extend((column, message) for message in messages)
            return list(dict.fromkeys(problems))  # the title's is also the draft title's
        return []

    @staticmethod
    def slug_taken(slug, holder):
        if holder < 0:
            return _("the key gives the page address “%(slug)s”, as row %(row)s does") % {"slug": slug, "row": -holder}
        return _("the key gives the page address “%(slug)s”, which another page of the Matrix has") % {"slug": slug}

    def no_index_message(self):
        return _("This language has no resource matrix page to import into.")

    def translations(self, keys):
        """For each key that has a page in another language: that page's slug and translation key, which a new
        resource with the key takes, so that it joins that page's translations."""
        pages = self.page_model.objects.filter(key__in=keys).exclude(locale=self.locale).order_by("pk")
        found = {}
        for key, slug, translation_key in pages.values_list("key", "slug", "translation_key"):
            found.setdefault(key, (slug, translation_key))
        return found

    def run(self, rows, *, dry_run=False):
        report = ImportReport(dry_run=dry_run)
        if self.index is None:
            report.errors.append((0, "", self.no_index_message()))
            return report
        cleaned, seen = [], {}
        for number, raw in rows:
            row, problems = self.clean_row(raw)
            if row["key"] in seen:
                problems.append(("key", _("the key is already used on row %(row)s") % {"row": seen[row["key"]]}))
            seen.setdefault(row["key"], number)
            report.errors.extend((number, column, message) for column, message in problems)
            cleaned.append((number, row, {column for column, _message in problems}))
        existing = {
            page.key: page
            for page in self.with_relations(self.page_model.objects.filter(locale=self.locale, key__in=seen))
        }
        # Page addresses under the Matrix: Wagtail refuses a second page with the same slug under one parent.
        # A slug maps to the page's id, or to minus the row that will create it.
        taken = dict(self.index.get_children().values_list("slug", "pk"))
        translations = self.translations(set(seen) - set(existing))
        planned = []
        for number, row, known in cleaned:
            page = existing.get(row["key"])
            if page is None:
                page = self.page_model(key=row["key"], locale=self.locale)
                if row["key"] in translations:
                    page.slug, page.translation_key = translations[row["key"]]
                else:
                    page.slug = slugify(row["key"]) or self.default_slug
                if "key" not in known:
                    if page.slug in taken:
                        known.add("key")
                        report.errors.append((number, "key", self.slug_taken(page.slug, taken[page.slug])))
                    else:
                        taken[page.slug] = -number
                unchanged = False
            else:
                unchanged = self.row_of(page) == row
            if not unchanged:
                self.assign_fields(page, {**row, **dict.fromkeys(known & self.emptied_when_wrong, "")})
                report.errors.extend((number, column, message) for column, message in self.model_problems(page, known))
            planned.append((number, row, page, unchanged))
        if report.errors:
            report.errors.sort(key=lambda error: error[0])
            return report
        current = 0
        try:
            with transaction.atomic():
                for number, row, page, unchanged in planned:
                    current = number
                    if unchanged:
                        report.unchanged.append(row["key"])
                    elif page.pk is None:
                        report.created.append(row["key"])
                        if not dry_run:
                            self.create(page, row)
                    else:
                        report.updated.append(row["key"])
                        if not dry_run:
                            self.update(page, row)
                if not dry_run:
                    bump()  # every page is published, which bumps too; said here so that no future bulk write forgets
        except (ValidationError, DatabaseError) as error:
            # Validation above checks what the models and the database enforce; should a row still fail (another
            # editor's change in between), nothing of the import is kept.
            logger.warning("%s import rolled back at row %s: %r", self.page_model.__name__, current, error)
            report.created, report.updated, report.unchanged = [], [], []
            report.errors.append(
                (
                    current,
                    "",
                    _("the row could not be written, so nothing was imported: %(error)s")
                    % {"error": "; ".join(getattr(error, "messages", [str(error)]))[:500]},
                )
            )
        return report


class Importer(PageImporter):
    """Validates every row, then (unless a dry run or any row is bad) creates or updates the resources."""

    page_model = ResourcePage
    default_slug = "resource"
    field_columns = FIELD_COLUMNS
    emptied_when_wrong = {"duration", "link_checked"}

    def __init__(self, locale):
        super().__init__(locale)
        self.index = ResourceIndexPage.objects.filter(locale=locale).first()
        self.categories = set(CATEGORY_CODES)
        self.areas = {area.code: area for area in FrameworkAreaPage.objects.filter(locale=locale)}
        self.competences = {c.code: c for c in Competence.objects.filter(locale=locale)}
        self.outcomes = {str(o.number): o for o in LearningOutcomePage.objects.filter(locale=locale)}
        self.pilots = {p.slug: p for p in PilotActionPage.objects.filter(locale=locale)}

    def clean_row(self, raw):
        """The row in the canonical form of `resource_row`, and the list of (column, problem) found in it."""
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
        if row["category"] not in self.categories:
            problem("category", _("unknown category “%(value)s”") % {"value": row["category"][:100]})
        row["country"] = row["country"].upper()
        if row["country"] not in COUNTRY_CODES:
            problem("country", _("unknown country “%(value)s”") % {"value": row["country"][:100]})
        languages = list(dict.fromkeys(code.lower() for code in split(row["languages"])))
        for code in languages:
            if code not in RESOURCE_LANGUAGE_NAMES:
                problem("languages", _("unknown language “%(value)s”") % {"value": code[:100]})
        row["languages"] = SEPARATOR.join(languages)
        if row["target_group"] and row["target_group"] not in dict(TARGET_GROUPS):
            problem("target_group", _("unknown target group “%(value)s”") % {"value": row["target_group"][:100]})
        if row["setting"] and row["setting"] not in dict(SETTINGS):
            problem("setting", _("unknown setting “%(value)s”") % {"value": row["setting"][:100]})
        if row["duration"]:
            if DIGITS.fullmatch(row["duration"]):
                row["duration"] = str(int(row["duration"]))
            else:
                problem("duration", _("the duration must be a whole number of minutes"))
        for column in ("url", "video_url"):
            if row[column]:
                try:
                    URLValidator(schemes=["http", "https"])(row[column])
                except ValidationError:
                    problem(
                        column,
                        _("the address “%(value)s” is not a valid web address") % {"value": row[column][:200]},
                    )
        if row["link_checked"]:
            try:
                datetime.date.fromisoformat(row["link_checked"])
            except ValueError:
                problem(
                    "link_checked",
                    _("the date “%(value)s” is not a date like 2017-05-31") % {"value": row["link_checked"][:100]},
                )
        for column, known, message in (
            ("areas", self.areas, _("unknown area code “%(value)s”")),
            ("competences", self.competences, _("unknown competence code “%(value)s”")),
            ("learning_outcomes", self.outcomes, _("unknown learning outcome “%(value)s”")),
            ("pilot_actions", self.pilots, _("unknown pilot action “%(value)s”")),
        ):
            values = sorted(set(split(row[column])), key=lambda v: (len(v), v) if column == "learning_outcomes" else v)
            for value in values:
                if value not in known:
                    problem(column, message % {"value": value[:100]})
            row[column] = SEPARATOR.join(values)
        return row, problems

    def row_of(self, page):
        return resource_row(page)

    def with_relations(self, queryset):
        return with_relations(queryset)

    def assign_fields(self, page, row):
        """The row's values on the page's own fields (not its relations), as the page will be saved."""
        page.title = row["title"]
        for name in ("category", "summary", "description", "instructions", "country", "provider", "licence"):
            setattr(page, name, row[name])
        for name in ("target_group", "setting", "url", "video_url"):
            setattr(page, name, row[name])
        page.languages = split(row["languages"])
        page.duration = int(row["duration"]) if row["duration"] else None
        page.link_checked = datetime.date.fromisoformat(row["link_checked"]) if row["link_checked"] else None

    def assign_relations(self, page, row):
        page.areas.set([self.areas[code] for code in split(row["areas"])])
        page.competences.set([self.competences[code] for code in split(row["competences"])])
        page.learning_outcomes.set([self.outcomes[number] for number in split(row["learning_outcomes"])])
        page.pilot_actions.set([self.pilots[slug] for slug in split(row["pilot_actions"])])

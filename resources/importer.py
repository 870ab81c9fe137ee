"""Import the Matrix from spreadsheet rows into one language: every row checked first, then all written or none."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms_framework.choices import COUNTRY_CODES, SETTINGS
from cms_framework.models import Competence, FrameworkAreaPage, LearningOutcomePage, PilotActionPage
from home.codes import validate_code
from resources.choices import CATEGORY_CODES, RESOURCE_LANGUAGE_NAMES, TARGET_GROUPS
from resources.models import ResourceIndexPage, ResourcePage
from resources.spreadsheet import COLUMNS, SEPARATOR, resource_row, with_relations


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number, message)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors


def split(value):
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


class Importer:
    """Validates every row, then (unless a dry run or any row is bad) creates or updates the resources."""

    def __init__(self, locale):
        self.locale = locale
        self.index = ResourceIndexPage.objects.filter(locale=locale).first()
        self.categories = set(CATEGORY_CODES)
        self.areas = {area.code: area for area in FrameworkAreaPage.objects.filter(locale=locale)}
        self.competences = {c.code: c for c in Competence.objects.filter(locale=locale)}
        self.outcomes = {str(o.number): o for o in LearningOutcomePage.objects.filter(locale=locale)}
        self.pilots = {p.slug: p for p in PilotActionPage.objects.filter(locale=locale)}

    def clean_row(self, raw):
        """The row in the canonical form of `resource_row`, and the list of what is wrong with it."""
        row = {column: raw.get(column, "").strip() for column in COLUMNS}
        problems = []
        try:
            validate_code(row["key"])
        except ValidationError:
            problems.append(_("the key is missing or has characters other than letters, digits, dots and dashes"))
        if not row["title"]:
            problems.append(_("the title is missing"))
        if row["category"] not in self.categories:
            problems.append(_("unknown category “%(value)s”") % {"value": row["category"]})
        row["country"] = row["country"].upper()
        if row["country"] not in COUNTRY_CODES:
            problems.append(_("unknown country “%(value)s”") % {"value": row["country"]})
        languages = list(dict.fromkeys(code.lower() for code in split(row["languages"])))
        for code in languages:
            if code not in RESOURCE_LANGUAGE_NAMES:
                problems.append(_("unknown language “%(value)s”") % {"value": code})
        row["languages"] = SEPARATOR.join(languages)
        if row["target_group"] and row["target_group"] not in dict(TARGET_GROUPS):
            problems.append(_("unknown target group “%(value)s”") % {"value": row["target_group"]})
        if row["setting"] and row["setting"] not in dict(SETTINGS):
            problems.append(_("unknown setting “%(value)s”") % {"value": row["setting"]})
        if row["duration"] and not row["duration"].isdigit():
            problems.append(_("the duration must be a whole number of minutes"))
        for column in ("url", "video_url"):
            if row[column]:
                try:
                    URLValidator(schemes=["http", "https"])(row[column])
                except ValidationError:
                    problems.append(_("the address “%(value)s” is not a valid web address") % {"value": row[column]})
        if row["link_checked"]:
            try:
                datetime.date.fromisoformat(row["link_checked"])
            except ValueError:
                problems.append(
                    _("the date “%(value)s” is not a date like 2017-05-31") % {"value": row["link_checked"]}
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
                    problems.append(message % {"value": value})
            row[column] = SEPARATOR.join(values)
        return row, problems

    def run(self, rows, *, dry_run=False):
        report = ImportReport(dry_run=dry_run)
        if self.index is None:
            report.errors.append((0, _("This language has no resource matrix page to import into.")))
            return report
        cleaned, seen = [], {}
        for number, raw in rows:
            row, problems = self.clean_row(raw)
            if row["key"] in seen:
                problems.append(_("the key is already used on row %(row)s") % {"row": seen[row["key"]]})
            seen.setdefault(row["key"], number)
            report.errors.extend((number, problem) for problem in problems)
            cleaned.append((number, row))
        if report.errors:
            return report
        existing = {
            page.key: page for page in with_relations(ResourcePage.objects.filter(locale=self.locale, key__in=seen))
        }
        with transaction.atomic():
            for _number, row in cleaned:
                page = existing.get(row["key"])
                if page is None:
                    report.created.append(row["key"])
                    if not dry_run:
                        self.create(row)
                elif resource_row(page) == row:
                    report.unchanged.append(row["key"])
                else:
                    report.updated.append(row["key"])
                    if not dry_run:
                        self.update(page, row)
        return report

    def assign(self, page, row):
        page.title = row["title"]
        for name in ("category", "summary", "description", "instructions", "country", "provider", "licence"):
            setattr(page, name, row[name])
        for name in ("target_group", "setting", "url", "video_url"):
            setattr(page, name, row[name])
        page.languages = split(row["languages"])
        page.duration = int(row["duration"]) if row["duration"] else None
        page.link_checked = datetime.date.fromisoformat(row["link_checked"]) if row["link_checked"] else None
        page.areas.set([self.areas[code] for code in split(row["areas"])])
        page.competences.set([self.competences[code] for code in split(row["competences"])])
        page.learning_outcomes.set([self.outcomes[number] for number in split(row["learning_outcomes"])])
        page.pilot_actions.set([self.pilots[slug] for slug in split(row["pilot_actions"])])

    def create(self, row):
        page = ResourcePage(key=row["key"], locale=self.locale)
        # A resource imported in one language joins the translations of the same key in the others.
        other = ResourcePage.objects.filter(key=row["key"]).exclude(locale=self.locale).first()
        if other is not None:
            page.translation_key = other.translation_key
            page.slug = other.slug
        else:
            page.slug = slugify(row["key"]) or "resource"
        self.assign(page, row)
        self.index.add_child(instance=page)
        page.save_revision().publish()

    def update(self, page, row):
        self.assign(page, row)
        page.save_revision().publish()

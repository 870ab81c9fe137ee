"""Helpers of the self-assessment's tests: taking an assessment through the views or the services, and the
platform's framework, Matrix and pilot actions translated into Greek with Greek texts of their own."""

import datetime
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms_framework.factories import levels
from home.factories import LocaleFactory, copy_translation
from learners import assessments
from learners.frameworks import framework_for

AREAS = {1: ["SA.1", "SA.2"], 2: ["EX.1", "EX.2"], 3: ["CB.1", "CB.2"]}
CODES = [code for codes in AREAS.values() for code in codes]
GREEK_LEVELS = ["Ανακαλύπτω", "Αναπτύσσω", "Κατέχω"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def area_url(assessment, number, language="en"):
    return f"/{language}/my/assessment/{assessment.pk}/area/{number}/"


def result_url(assessment, language="en"):
    return f"/{language}/my/assessment/{assessment.pk}/"


def form_data(levels_by_code, notes=None):
    """The POST of an area: {code: level (1..3) or None for "not sure yet"}, and notes by code."""
    data = {f"level_{code}": "unsure" if level is None else str(level) for code, level in levels_by_code.items()}
    data.update({f"note_{code}": note for code, note in (notes or {}).items()})
    return data


def answer_area(client, assessment, number, levels_by_code, notes=None, language="en"):
    return client.post(area_url(assessment, number, language), form_data(levels_by_code, notes))


def take(user, framework, levels_by_code, completed_at=None, notes=None):
    """An assessment of `framework` (a FrameworkView) through the services, every area answered as given (a code
    missing from `levels_by_code` is "not sure yet"), completed at `completed_at` (default: now)."""
    assessment = assessments.start(user, framework)
    notes = notes or {}
    for area in framework.areas:
        choices = {c.code: (levels_by_code.get(c.code), notes.get(c.code, "")) for c in area.competences}
        assessments.save_area(assessment, framework, area, choices)
    assert assessments.complete(assessment, framework)
    if completed_at is not None:
        assessment.completed_at = completed_at
        assessment.save(update_fields=["completed_at"])
    return assessment


def english_framework(platform):
    return framework_for(platform.framework.framework.translation_key, "en")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def count_queries(client, path):
    client.get(path)  # warm the site-root cache, as a running server has
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


def greek_title(code):
    return f"Ικανότητα {code}"


def greek_statement(code, level):
    return f"Μπορώ να κάνω {code} στο επίπεδο {level}."


@dataclass
class GreekTree:
    locale: object
    home: object
    framework: object
    areas: list
    matrix: object
    resources: list
    pilot_index: object
    pilots: list


def translate_into_greek(platform):
    """The home, the framework (Greek level names; Greek titles and statements on every competence), the Matrix
    with its resources and the pilot actions, copied into Greek and published."""
    tree = platform.framework
    locale = LocaleFactory(language_code="el")
    home = copy_translation(tree.home, locale)
    framework = copy_translation(tree.framework, locale)
    framework.levels = levels(*GREEK_LEVELS)
    framework.save_revision().publish()
    areas = [copy_translation(area, locale, transform=lambda text: f"Περιοχή {text}") for area in tree.areas]
    english_order = {code: position for position, code in enumerate(CODES)}
    for area in areas:
        for competence in area.competences.all():
            competence.sort_order = english_order[competence.code]  # the copies' order, as the admin keeps it
            competence.title = greek_title(competence.code)
            competence.statements = [
                {"type": "statement", "value": greek_statement(competence.code, level)} for level in (1, 2, 3)
            ]
            competence.save()
    matrix = copy_translation(tree.matrix, locale)
    resources = [copy_translation(resource, locale) for resource in tree.resources]
    pilot_index = copy_translation(tree.pilot_index, locale)
    pilots = [copy_translation(pilot, locale) for pilot in tree.pilots]
    return GreekTree(locale, home, framework, areas, matrix, resources, pilot_index, pilots)

"""The learner's export: one ZIP with everything of theirs, as JSON (`leader-export.json`, schema in
docs/learner-export.md) and as a page for people (`leader-export.html`), open to the sections and files of other parts.

A part adds a section of the JSON (and of the HTML) with

    @section("portfolio", title=_("My e-portfolio"), template="learners/export/portfolio.html")
    def portfolio(user):
        return [...]  # JSON-able values; datetimes, dates and UUIDs are written as ISO 8601 text

and files of its own with

    @export_file
    def portfolio_files(user):
        yield "portfolio/cv.pdf", content_bytes

in a module imported when the app is ready (`LearnersConfig.ready`). The HTML template of a section gets the
section's value as `data`; without a template the HTML shows the value as formatted JSON. Sections run in the order
they were registered, in the learner's language (`translation.override`), and see only the user they are given.
"""

import datetime
import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from home.i18n import live_pages_by_key
from learners.journal import competence_index, goals_with_actions, steps_by_key
from learners.models import Assessment, AssessmentAnswer, GoalAction, LearnerProfile, PathPage, Reflection

SCHEMA = "leader-learner-export/1"
JSON_NAME = "leader-export.json"
HTML_NAME = "leader-export.html"
RESERVED_KEYS = {"schema", "exported_at", "language"}


@dataclass(frozen=True)
class Section:
    key: str
    function: object
    title: str
    template: str | None = None


_sections = []
_files = []


def section(key, *, title, template=None):
    """Register `function(user) -> value` as the export's section `key` (a top-level key of the JSON)."""

    def register(function):
        if key in RESERVED_KEYS or any(existing.key == key for existing in _sections):
            raise ImproperlyConfigured(f"The export already has a section {key!r}.")
        _sections.append(Section(key, function, title, template))
        return function

    return register


def export_file(function):
    """Register `function(user) -> iterable of (name, bytes)`: files added to the ZIP beside the JSON and HTML."""
    _files.append(function)
    return function


def sections():
    return list(_sections)


class ExportEncoder(json.JSONEncoder):
    """Datetimes in UTC to the second ("2025-03-01T09:30:00Z"), dates as "2025-03-01", UUIDs and lazy texts as text."""

    def default(self, value):
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, uuid.UUID | Promise):  # a lazy translation is written as its text
            return str(value)
        return super().default(value)


def export_language(user, language=None):
    """The language of the export's texts: the one asked for, else the learner's own, else the site's."""
    if language:
        return language
    profile = LearnerProfile.objects.filter(user=user).first()
    return profile.language if profile else settings.LANGUAGE_CODE


def build_export(user, language=None):
    """Everything of `user`, as the JSON's top-level object (with Python dates, datetimes and UUIDs in it)."""
    language = export_language(user, language)
    with translation.override(language):
        data = {"schema": SCHEMA, "exported_at": timezone.now(), "language": language}
        for item in _sections:
            data[item.key] = item.function(user)
    return data


def export_json(data):
    return json.dumps(data, cls=ExportEncoder, ensure_ascii=False, indent=2)


def export_html(user, data):
    """The same content for people: one self-contained page (its style inside), in the export's language."""
    with translation.override(data["language"]):
        parts = [
            {
                "key": item.key,
                "title": item.title,
                "template": item.template,
                "data": data[item.key],
                "json": None if item.template else export_json(data[item.key]),
            }
            for item in _sections
        ]
        return render_to_string("learners/export/export.html", {"export": data, "sections": parts, "user": user})


def _checked_name(name, taken):
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or str(path) in taken:
        raise ValueError(f"The export cannot hold a file named {name!r}.")
    taken.add(str(path))
    return str(path)


def export_zip(user, language=None):
    """The ZIP's bytes: the JSON, the HTML and every registered part's files, built in memory."""
    data = build_export(user, language)
    buffer = io.BytesIO()
    taken = {JSON_NAME, HTML_NAME}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, export_json(data))
        archive.writestr(HTML_NAME, export_html(user, data))
        for files in _files:
            for name, content in files(user):
                archive.writestr(_checked_name(name, taken), content)
    return buffer.getvalue()


# The sections of part 1.


@section("account", title=_("Your account"), template="learners/export/account.html")
def account(user):
    profile = LearnerProfile.objects.filter(user=user).first()
    methods = sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "username": user.get_username(),
        "name": user.get_full_name(),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "language": profile.language if profile else None,
        "privacy_accepted_at": profile.privacy_accepted_at if profile else None,
        "consent_confirmed_at": profile.consent_confirmed_at if profile else None,
        "two_factor": bool(methods),
        "two_factor_methods": methods,
    }


@section("progress", title=_("Steps you marked done"), template="learners/export/progress.html")
def progress(user):
    done = list(user.step_progress.order_by("done_at", "id"))
    steps = steps_by_key({item.step_key for item in done})
    paths = live_pages_by_key(PathPage, {item.path_key for item in done})
    return [
        {
            "path_key": item.path_key,
            "path_title": paths[item.path_key].title if item.path_key in paths else None,
            "step_key": item.step_key,
            "step_title": steps[item.step_key].title if item.step_key in steps else None,
            "done_at": item.done_at,
        }
        for item in done
    ]


def _level_name(names, level):
    return names[level - 1] if level and 0 < level <= len(names) else None


@section("assessments", title=_("Your self-assessments"), template="learners/export/assessments.html")
def assessments(user):
    taken = Assessment.objects.filter(user=user).order_by("started_at", "id")
    taken = taken.prefetch_related(Prefetch("answers", queryset=AssessmentAnswer.objects.order_by("position", "id")))
    return [
        {
            "id": assessment.id,
            "framework_key": assessment.framework_key,
            "framework_title": assessment.framework_title,
            "framework_version": assessment.framework_version,
            "level_names": list(assessment.level_names),
            "language": assessment.language,
            "started_at": assessment.started_at,
            "completed_at": assessment.completed_at,
            "answers": [
                {
                    "area_code": answer.area_code,
                    "area_title": answer.area_title,
                    "competence_code": answer.competence_code,
                    "competence_title": answer.competence_title,
                    "position": answer.position,
                    "level": answer.level,
                    "level_name": _level_name(assessment.level_names, answer.level),
                    "level_count": answer.level_count,
                    "statement": answer.statement,
                    "note": answer.note,
                    "answered_at": answer.answered_at,
                }
                for answer in assessment.answers.all()
            ],
        }
        for assessment in taken
    ]


@section("reflections", title=_("Your reflections"), template="learners/export/reflections.html")
def reflections(user):
    written = list(Reflection.objects.filter(user=user).order_by("created_at", "id"))
    steps = steps_by_key({reflection.step_key for reflection in written})
    return [
        {
            "id": reflection.id,
            "step_key": reflection.step_key,
            "step_title": steps[reflection.step_key].title if reflection.step_key in steps else None,
            "prompt": reflection.prompt,
            "text": reflection.text,
            "created_at": reflection.created_at,
            "updated_at": reflection.updated_at,
        }
        for reflection in written
    ]


@section("goals", title=_("Your goals and actions"), template="learners/export/goals.html")
def goals(user):
    index = competence_index()
    statuses = dict(GoalAction.STATUSES)
    return [
        {
            "id": goal.id,
            "title": goal.title,
            "why": goal.why,
            "competences": [{"code": code, "title": index.titles.get(code)} for code in goal.competence_codes],
            "created_at": goal.created_at,
            "updated_at": goal.updated_at,
            "actions": [
                {
                    "text": action.text,
                    "target_date": action.target_date,
                    "status": action.status,
                    "status_label": str(statuses.get(action.status, action.status)),
                    "position": action.position,
                }
                for action in goal.actions.all()
            ],
        }
        for goal in goals_with_actions(user)
    ]

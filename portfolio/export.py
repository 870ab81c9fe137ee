"""The e-portfolio's part of the learner's export and of the account's erasure (registered when the app is ready).

The export's `portfolio` section holds the evidence (each file's place in the ZIP under `portfolio/files/`), the
showcase pages with their items in order, and their secret links (without the tokens: a link is a key, and an export
may be kept anywhere; the learner revokes it or makes a new one). The erasure removes the evidence files from the
private storage once the deletion of the account commits; the rows go with the account (`CASCADE`).
"""

from pathlib import PurePosixPath

from django.db import transaction
from django.db.models import Prefetch
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from learners.erasure import eraser
from learners.export import export_file, section
from portfolio.evidence import with_competences
from portfolio.files import read_file, remove_files
from portfolio.models import Evidence, ShareLink, Showcase, ShowcaseItem

FILES_FOLDER = "portfolio/files"


def export_name(evidence):
    """The file's name in the ZIP: the evidence's id, then the name it was uploaded with (made safe)."""
    original = PurePosixPath(evidence.file_name or "file").name
    safe = get_valid_filename(original) or "file"
    return f"{FILES_FOLDER}/{evidence.pk}-{safe}"


def _evidence_rows(user):
    return list(with_competences(Evidence.objects.filter(user=user).order_by("date", "created_at", "id")))


def evidence_record(evidence):
    kinds = dict(Evidence.KINDS)
    return {
        "id": evidence.pk,
        "kind": evidence.kind,
        "kind_label": str(kinds.get(evidence.kind, evidence.kind)),
        "title": evidence.title,
        "date": evidence.date,
        "text": evidence.text,
        "url": evidence.url or None,
        "file": (
            {
                "name": evidence.file_name,
                "size": evidence.size,
                "content_type": evidence.content_type,
                "path": export_name(evidence),
            }
            if evidence.is_file
            else None
        ),
        "competences": [
            {
                "framework_key": row.framework_key,
                "framework_title": row.framework_title,
                "code": row.competence_code,
                "title": row.competence_title,
            }
            for row in evidence.competences.all()
        ],
        "goal_id": evidence.goal_id,
        "step_key": evidence.step_key,
        "step_title": evidence.step_title or None,
        "created_at": evidence.created_at,
        "updated_at": evidence.updated_at,
    }


def item_record(item):
    return {
        "position": item.position,
        "kind": item.kind,
        "evidence_id": item.evidence_id,
        "reflection_id": item.reflection_id,
        "goal_id": item.goal_id,
        "assessment_id": item.assessment_id,
        "heading": item.heading,
        "text": item.text,
    }


@section("portfolio", title=_("Your e-portfolio"), template="portfolio/export/portfolio.html")
def portfolio(user):
    showcases = (
        Showcase.objects.filter(user=user)
        .order_by("created_at", "id")
        .prefetch_related(
            Prefetch("items", queryset=ShowcaseItem.objects.order_by("position", "id")),
            Prefetch("links", queryset=ShareLink.objects.order_by("created_at", "id")),
        )
    )
    return {
        "evidence": [evidence_record(evidence) for evidence in _evidence_rows(user)],
        "showcases": [
            {
                "id": showcase.pk,
                "title": showcase.title,
                "intro": showcase.intro,
                "created_at": showcase.created_at,
                "updated_at": showcase.updated_at,
                "items": [item_record(item) for item in showcase.items.all()],
                "share_links": [
                    {
                        "created_at": link.created_at,
                        "expires_at": link.expires_at,
                        "revoked_at": link.revoked_at,
                        "last_viewed_at": link.last_viewed_at,
                        "view_count": link.view_count,
                    }
                    for link in showcase.links.all()
                ],
            }
            for showcase in showcases
        ],
    }


@export_file
def portfolio_files(user):
    for evidence in Evidence.objects.filter(user=user, kind=Evidence.FILE).exclude(file="").order_by("created_at"):
        try:
            content = read_file(evidence)
        except OSError:
            continue  # a file missing from the storage: the JSON still describes it
        yield export_name(evidence), content


@eraser
def erase_files(user):
    """The learner's evidence files, removed from the storage once the account's deletion commits."""
    names = list(Evidence.objects.filter(user=user).exclude(file="").values_list("file", flat=True))
    if names:
        transaction.on_commit(lambda: remove_files(names))

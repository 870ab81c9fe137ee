"""A learner's evidence: the competences they may tie it to (their frameworks, in their language), saving a piece
with its file and competences (all of it or nothing, no file left behind), deleting it with its file, and listing
it in a fixed number of queries."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import get_language

from learners.frameworks import offered_frameworks, read_framework
from learners.journal import steps_by_key
from portfolio.files import attach, detach, remove_files
from portfolio.models import Evidence, EvidenceCompetence


@dataclass(frozen=True)
class CompetenceChoice:
    value: str  # "<framework key>:<code>", the form's value
    framework_key: object
    framework_title: str
    code: str
    title: str


def choice_value(framework_key, code):
    return f"{framework_key}:{code}"


def competence_frameworks(language=None):
    """The frameworks a learner ties evidence to, as they read them: [(FrameworkView, [CompetenceChoice by area])].

    The offered frameworks of the reader's language (English where it has none); three queries for each framework
    and two more."""
    language = language or get_language()
    frameworks = []
    for page in offered_frameworks(language):
        view = read_framework(page)
        areas = [
            (
                area,
                [
                    CompetenceChoice(choice_value(view.key, c.code), view.key, view.title, c.code, c.title)
                    for c in area.competences
                ],
            )
            for area in view.areas
        ]
        frameworks.append((view, areas))
    return frameworks


def with_competences(queryset):
    return queryset.prefetch_related(
        Prefetch("competences", queryset=EvidenceCompetence.objects.order_by("position", "id"))
    )


def evidence_of(user):
    """The learner's evidence, latest first, each with its competences and goal: two queries."""
    return list(with_competences(Evidence.objects.filter(user=user).select_related("goal")))


def evidence_entries(user, language=None):
    """[(evidence, step or None)]: the learner's evidence with the live step each is tied to, in the reader's
    language. Four queries whatever the number of pieces."""
    evidence = evidence_of(user)
    steps = steps_by_key({item.step_key for item in evidence if item.step_key}, language)
    return [(item, steps.get(item.step_key)) for item in evidence]


def save_evidence(evidence, competences, uploaded=None, content_type=None):
    """Save the evidence, its competences ([CompetenceChoice], in order) and, when given, its new file, in one
    transaction. Should anything fail, the row stays as it was and a file just stored is removed again."""
    stored = None
    try:
        with transaction.atomic():
            if uploaded is not None:
                stored = attach(evidence, uploaded, content_type)
            elif evidence.kind != Evidence.FILE and evidence.file:
                detach(evidence)
            evidence.save()
            evidence.competences.all().delete()
            EvidenceCompetence.objects.bulk_create(
                EvidenceCompetence(
                    evidence=evidence,
                    framework_key=choice.framework_key,
                    framework_title=choice.framework_title,
                    competence_code=choice.code,
                    competence_title=choice.title,
                    position=position,
                )
                for position, choice in enumerate(competences)
            )
    except BaseException:
        if stored:
            remove_files([stored])
        raise
    return evidence


def delete_evidence(evidence):
    """Delete the evidence (and the showcase items showing it); its file goes once the deletion commits."""
    name = evidence.file.name if evidence.file else ""
    with transaction.atomic():
        evidence.delete()
        if name:
            transaction.on_commit(lambda: remove_files([name]))

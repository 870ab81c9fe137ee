"""A learner's self-assessments: starting one, saving an area's answers, resuming, completing, and finding them.

An assessment belongs to a framework by its translation key and each answer to a competence by its code, with the
texts the learner read kept beside them, so it reads the same in every language and after the framework changes.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from learners.frameworks import FrameworkView
from learners.models import Assessment, AssessmentAnswer

UNSURE = "unsure"  # the choice "Not sure yet": an answer without a level


def start(user, framework: FrameworkView):
    """The learner's assessment against this framework: the one they have not finished yet, or a new one.

    A learner keeps one unfinished assessment per framework, so that a form sent twice (or a second "Start") does
    not leave half-done copies behind: starting again resumes it.
    """
    with transaction.atomic():
        # One start at a time per learner (their account row is the lock), so two requests cannot both create one.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        unfinished = (
            Assessment.objects.filter(user=user, framework_key=framework.key, completed_at__isnull=True)
            .order_by("-started_at")
            .first()
        )
        if unfinished is not None:
            return unfinished
        return Assessment.objects.create(
            user=user,
            framework_key=framework.key,
            framework_title=framework.title,
            framework_version=framework.version,
            level_names=list(framework.level_names),
            language=framework.language,
        )


def answers_by_code(assessment):
    """The assessment's answers as {competence code: answer}. One query (none when they are prefetched)."""
    return {answer.competence_code: answer for answer in assessment.answers.all()}


def save_area(assessment, framework: FrameworkView, area, choices):
    """Save the answers to one area, all of them or none.

    `choices` maps each competence code of the area to (level or None for "not sure yet", note). Every competence
    of the area must be there and every level must be one of the framework's; anything else raises ValueError and
    nothing is written. The texts the learner read (area, competence, statement) are kept with each answer.
    """
    level_count = framework.level_count
    rows = []
    for competence in area.competences:
        if competence.code not in choices:
            raise ValueError(f"no answer for {competence.code}")
        level, note = choices[competence.code]
        if level is not None and not 1 <= level <= level_count:
            raise ValueError(f"no level {level} in {competence.code}")
        rows.append(
            AssessmentAnswer(
                assessment=assessment,
                area_code=area.code,
                area_title=area.title,
                competence_code=competence.code,
                competence_title=competence.title,
                position=competence.position,
                level=level,
                level_count=level_count,
                statement=competence.statement(level),
                note=note or "",
            )
        )
    with transaction.atomic():
        AssessmentAnswer.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["assessment", "competence_code"],
            update_fields=[
                "area_code",
                "area_title",
                "competence_title",
                "position",
                "level",
                "level_count",
                "statement",
                "note",
                "answered_at",
            ],
        )
    return rows


def unanswered(framework: FrameworkView, answered_codes):
    """The framework's competences (as (area, competence)) that have no answer among `answered_codes`."""
    answered_codes = set(answered_codes)
    return [(area, c) for area in framework.areas for c in area.competences if c.code not in answered_codes]


def resume_area(framework: FrameworkView, answered_codes):
    """The number of the first area with a competence not answered yet, None when every one has an answer."""
    missing = unanswered(framework, answered_codes)
    return missing[0][0].number if missing else None


def complete(assessment, framework: FrameworkView, answered_codes=None):
    """Mark the assessment completed when every competence of the framework as it is now has an answer.

    Returns whether it is completed. A completed assessment stays completed (and keeps its date) when the learner
    changes it later, or when the framework gains a competence afterwards.
    """
    if assessment.completed_at is not None:
        return True
    if answered_codes is None:
        answered_codes = assessment.answers.values_list("competence_code", flat=True)
    if not framework.areas or unanswered(framework, answered_codes):
        return False
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["completed_at"])
    return True


def completed(user, framework_key=None):
    """The learner's completed assessments, the latest first (of one framework when a key is given)."""
    assessments = Assessment.objects.filter(user=user, completed_at__isnull=False)
    if framework_key is not None:
        assessments = assessments.filter(framework_key=framework_key)
    return assessments.order_by("-completed_at", "-started_at")


def latest_completed(user, framework_key=None):
    """The learner's latest completed assessment (of one framework when a key is given), or None. One query."""
    return completed(user, framework_key).first()


def in_progress(user):
    """The learner's assessments not completed yet, the latest started first (a queryset: at most one per
    framework, see `start`)."""
    return Assessment.objects.filter(user=user, completed_at__isnull=True).order_by("-started_at")


def previous_completed(assessment):
    """The completed assessment of the same learner and framework before this one, or None. One query.

    For an assessment not completed yet, that is the latest completed one.
    """
    earlier = completed(assessment.user_id, assessment.framework_key).exclude(pk=assessment.pk)
    if assessment.completed_at is not None:
        earlier = earlier.filter(completed_at__lt=assessment.completed_at)
    return earlier.first()

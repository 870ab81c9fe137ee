"""A self-assessment's profile: every competence by area with the level the learner chose, and what changed since
their previous assessment of the same framework.

Texts come from the framework as it is now, in the reader's language, for every competence it still has; a
competence it no longer has reads as it was taken (the texts kept with the answer).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from learners import charts
from learners.assessments import latest_completed, previous_completed
from learners.frameworks import framework_for

UP, DOWN, SAME, NEW, UNSURE, REMOVED = "up", "down", "same", "new", "unsure", "removed"


def level_phrase(level, level_count):
    return gettext("level %(level)s of %(count)s") % {"level": level, "count": level_count}


@dataclass
class CompetenceResult:
    code: str
    title: str
    level: int | None  # None: "not sure yet", or no answer (see `answered`)
    level_count: int
    level_name: str = ""
    statement: str = ""
    note: str = ""
    answered: bool = True  # False: in the framework now, but not answered in this assessment
    in_framework: bool = True  # False: answered, but the framework no longer has it
    change: str | None = None  # since the previous assessment: UP, DOWN, SAME, NEW, UNSURE, REMOVED; None: no previous
    previous_level: int | None = None
    previous_level_count: int | None = None
    previously_answered: bool = False

    @property
    def unsure(self):
        return self.answered and self.level is None

    @property
    def score(self):
        """Where the learner placed themselves, from 0 (not sure yet) to 1 (the highest level)."""
        return self.level / self.level_count if self.level and self.level_count else 0.0

    @property
    def previous_score(self):
        if not self.previous_level or not self.previous_level_count:
            return None
        return self.previous_level / self.previous_level_count

    @property
    def level_text(self):
        if not self.answered:
            return gettext("No longer in the framework") if self.change == REMOVED else gettext("Not assessed")
        if self.level is None:
            return gettext("Not sure yet")
        return level_phrase(self.level, self.level_count)

    @property
    def previous_text(self):
        if not self.previously_answered:
            return ""
        if self.previous_level is None:
            return gettext("Not sure yet")
        return level_phrase(self.previous_level, self.previous_level_count)

    @property
    def change_text(self):
        before = self.previous_text
        return {
            None: "",
            UP: gettext("Up from %(before)s") % {"before": before},
            DOWN: gettext("Down from %(before)s") % {"before": before},
            SAME: gettext("Same as before"),
            NEW: (
                gettext("Placed for the first time (before: not sure yet)")
                if self.previously_answered
                else gettext("New since the previous assessment")
            ),
            UNSURE: gettext("Not sure now (before: %(before)s)") % {"before": before},
            REMOVED: gettext("No longer in the framework (before: %(before)s)") % {"before": before},
        }[self.change]


@dataclass
class AreaResult:
    code: str
    title: str
    competences: list = field(default_factory=list)


@dataclass
class Profile:
    assessment: object
    previous: object  # the previous completed assessment of the framework, or None
    framework_title: str
    framework_version: str
    level_names: list
    areas: list
    framework_live: bool  # False when the framework is no longer published: everything reads as it was taken
    framework: object = None  # the framework as read for the profile (learners.frameworks.FrameworkView), or None

    @property
    def completed(self):
        return self.assessment.completed_at is not None

    @property
    def competences(self):
        return [competence for area in self.areas for competence in area.competences]

    @property
    def changes(self):
        """{change: how many competences}, for the summary of what changed."""
        counts = {}
        for competence in self.competences:
            if competence.change:
                counts[competence.change] = counts.get(competence.change, 0) + 1
        return counts

    @property
    def unanswered(self):
        return [competence for competence in self.competences if not competence.answered and competence.in_framework]

    @property
    def chart(self):
        return charts.profile_chart(self)


def _compare(now, before):
    if before is None:
        return NEW
    if now.level is None:
        return SAME if before.level is None else UNSURE
    if before.level is None:
        return NEW
    # Compare the places (level / number of levels) without rounding: the framework's levels may have changed.
    mine, theirs = now.level * before.level_count, before.level * now.level_count
    return UP if mine > theirs else DOWN if mine < theirs else SAME


def _level_name(level, level_count, framework, snapshot_names):
    if level is None:
        return ""
    if framework is not None and framework.level_count == level_count:
        return framework.level_name(level)
    if len(snapshot_names) == level_count and 1 <= level <= level_count:
        return snapshot_names[level - 1]
    return ""


LOOK_UP = object()


def build_profile(assessment, previous=None, *, framework=LOOK_UP, language=None):
    """The profile of `assessment`, compared with `previous` (an earlier assessment of the same framework) if given.

    `framework` is the framework as `learners.frameworks.framework_for` reads it (None when it is no longer
    published); looked up in the reader's language when not given. A query for each assessment's answers, plus the
    framework's.
    """
    if framework is LOOK_UP:
        framework = framework_for(assessment.framework_key, language)
    answers = list(assessment.answers.all())
    before = {answer.competence_code: answer for answer in previous.answers.all()} if previous is not None else {}
    snapshot_names = list(assessment.level_names or [])

    areas = {}
    if framework is not None:
        for area in framework.areas:
            areas[area.code] = AreaResult(area.code, area.title)
    answered = {answer.competence_code: answer for answer in answers}

    def result_of(answer, competence):
        in_framework = competence is not None
        counts_match = in_framework and framework.level_count == answer.level_count
        statement = competence.statement(answer.level) if counts_match else ""
        return CompetenceResult(
            code=answer.competence_code,
            title=competence.title if in_framework else answer.competence_title,
            level=answer.level,
            level_count=answer.level_count,
            level_name=_level_name(answer.level, answer.level_count, framework, snapshot_names),
            statement=statement or answer.statement,
            note=answer.note,
            in_framework=in_framework,
        )

    if framework is not None:
        for area in framework.areas:
            for competence in area.competences:
                answer = answered.get(competence.code)
                if answer is not None:
                    result = result_of(answer, competence)
                else:
                    result = CompetenceResult(
                        code=competence.code, title=competence.title, level=None, level_count=framework.level_count
                    )
                    result.answered = False
                areas[area.code].competences.append(result)
    known = set(framework.competence_codes) if framework is not None else set()
    for answer in answers:
        if answer.competence_code in known:
            continue
        area = areas.setdefault(answer.area_code, AreaResult(answer.area_code, answer.area_title))
        area.competences.append(result_of(answer, None))

    if previous is not None:
        for area in areas.values():
            for result in area.competences:
                earlier = before.get(result.code)
                if earlier is not None:
                    result.previously_answered = True
                    result.previous_level, result.previous_level_count = earlier.level, earlier.level_count
                if result.answered:
                    result.change = _compare(result, earlier)
        for earlier in before.values():
            if earlier.competence_code in answered or earlier.competence_code in known:
                continue
            area = areas.setdefault(earlier.area_code, AreaResult(earlier.area_code, earlier.area_title))
            area.competences.append(
                CompetenceResult(
                    code=earlier.competence_code,
                    title=earlier.competence_title,
                    level=None,
                    level_count=earlier.level_count,
                    answered=False,
                    in_framework=False,
                    change=REMOVED,
                    previous_level=earlier.level,
                    previous_level_count=earlier.level_count,
                    previously_answered=True,
                )
            )

    return Profile(
        assessment=assessment,
        previous=previous,
        framework_title=framework.title if framework is not None else assessment.framework_title,
        framework_version=assessment.framework_version,
        level_names=list(framework.level_names) if framework is not None else snapshot_names,
        areas=[area for area in areas.values() if area.competences],
        framework_live=framework is not None,
        framework=framework,
    )


def profile_of(assessment, language=None):
    """The profile of one assessment, compared with the learner's completed one before it."""
    return build_profile(assessment, previous_completed(assessment), language=language)


def latest_profile(user, language=None, compare=True):
    """The profile of the learner's latest completed assessment, with what changed since the one before (unless
    `compare` is False); None when they have completed none."""
    assessment = latest_completed(user)
    if assessment is None:
        return None
    return profile_of(assessment, language) if compare else build_profile(assessment, language=language)

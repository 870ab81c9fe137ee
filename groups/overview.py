"""What the practitioner reads of a group: each member's progress through the group's path, what members shared,
and the group profile (how many members placed themselves at each level of each competence, from the assessments
they shared), with the Matrix resources and pilot actions that serve the group's lowest competences.

Every function runs a fixed number of queries, whatever the number of members, shares and comments.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, ngettext

from cms_framework.models import PilotActionPage
from groups.labels import label_for
from groups.models import Comment, Membership, Share
from home.i18n import live_pages_by_key
from learners.frameworks import framework_for
from learners.journal import index_pages
from learners.models import AssessmentAnswer, PathPage, StepPage, StepProgress
from resources.models import ResourcePage

PROFILE_MINIMUM = 3  # the group profile is shown from three members who shared an assessment: nobody stands out
LOWEST_SHOWN = 3  # how many of the group's lowest competences the resources serve


def _language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def group_path(group, language=None):
    """The group's path in the reader's language (English where it has none), or None when it is nowhere live."""
    return live_pages_by_key(PathPage, [group.path_key], _language(language)).get(group.path_key)


def path_steps(path):
    if path is None:
        return []
    return list(path.steps().defer_streamfields().order_by("path"))


def pilot_action(group, language=None):
    if group.pilot_action_key is None:
        return None
    return live_pages_by_key(PilotActionPage, [group.pilot_action_key], _language(language)).get(group.pilot_action_key)


@dataclass
class StepDone:
    step: StepPage
    number: int
    done_at: object  # None: not done


@dataclass
class MemberProgress:
    membership: Membership
    steps: list

    @property
    def done_count(self):
        return sum(1 for item in self.steps if item.done_at is not None)

    @property
    def total(self):
        return len(self.steps)

    @property
    def last_done_at(self):
        dates = [item.done_at for item in self.steps if item.done_at is not None]
        return max(dates) if dates else None


def members(group):
    return list(Membership.objects.filter(group=group).select_related("user").order_by("joined_at", "id"))


def members_progress(memberships, steps):
    """Each member's progress through these steps (the group's path): done or not, and when. One query."""
    keys = {step.translation_key for step in steps}
    done = {}
    if keys and memberships:
        rows = StepProgress.objects.filter(
            user__in=[membership.user_id for membership in memberships], step_key__in=keys
        ).values_list("user_id", "step_key", "done_at")
        done = {(user_id, key): done_at for user_id, key, done_at in rows}
    return [
        MemberProgress(
            membership,
            [
                StepDone(step, number, done.get((membership.user_id, step.translation_key)))
                for number, step in enumerate(steps, start=1)
            ],
        )
        for membership in memberships
    ]


@dataclass
class ShareRow:
    """A share as a list shows it, read without building its models: who, what, with whom, when, how many
    comments, and its address."""

    pk: object
    user_id: int
    kind: str
    audience: str
    shared_at: object
    step_key: object
    label: str = ""
    url: str = ""
    meta: str = ""
    comment_count: int = 0
    user: object = None


_ROW_FIELDS = (
    "pk",
    "user_id",
    "kind",
    "audience",
    "shared_at",
    "step_key",
    "assessment__framework_title",
    "assessment__completed_at",
    "assessment__started_at",
    "showcase__title",
    "evidence__title",
)


def shares_with_counts(group, queryset, viewer, users=None):
    """The group's shares of `queryset` as `ShareRow`s, the latest first, each with the comments the viewer can
    read counted, its label, address and line of details; `users` ({id: user}) gives each its member. Two
    queries."""
    rows = queryset.order_by("-shared_at", "id").values_list(*_ROW_FIELDS)
    shares = []
    for pk, user_id, kind, audience, shared_at, step_key, framework, completed, started, showcase, evidence in rows:
        share = ShareRow(pk, user_id, kind, audience, shared_at, step_key)
        title = {Share.ASSESSMENT: framework, Share.SHOWCASE: showcase, Share.EVIDENCE: evidence}.get(kind)
        share.label = label_for(kind, title, completed or started)
        share.user = (users or {}).get(user_id)
        shares.append(share)
    if not shares:
        return shares
    visible = Q(hidden_at__isnull=True)
    if viewer is not None:
        visible |= Q(author=viewer)
    counts = dict(
        Comment.objects.filter(visible, share__in=[share.pk for share in shares])
        .values("share_id")
        .annotate(count=Count("id"))
        .values_list("share_id", "count")
    )
    # One reverse for all of them: the address of every share differs only by its id.
    marker = "00000000-0000-0000-0000-000000000000"
    base = reverse("groups:share", args=[group.pk, marker])
    audiences = {
        Share.GROUP: gettext("Shared with the whole group"),
        Share.PRACTITIONER: gettext("Shared with the practitioner only"),
    }
    for share in shares:
        share.comment_count = counts.get(share.pk, 0)
        share.url = base.replace(marker, str(share.pk))
        comments = ngettext("%(comments)s comment", "%(comments)s comments", share.comment_count) % {
            "comments": share.comment_count
        }
        share.meta = f"{audiences[share.audience]} · {date_format(share.shared_at, 'DATE_FORMAT')} · {comments}"
    return shares


# The group profile.


@dataclass
class CompetenceCount:
    code: str
    title: str
    area_code: str
    counts: list  # members at each level, from level 1; then the "not sure yet" count in `unsure`
    unsure: int = 0
    translation_key: object = None
    area_key: object = None

    @property
    def answered(self):
        return sum(self.counts) + self.unsure

    @property
    def mean_place(self):
        """The members' average place from 0 ("not sure yet") to 1 (the highest level)."""
        level_count = len(self.counts)
        total = sum((level + 1) / level_count * count for level, count in enumerate(self.counts))
        return total / self.answered if self.answered else 1.0


@dataclass
class GroupProfile:
    contributors: int = 0  # members whose shared assessment the profile counts
    framework: object = None
    level_names: list = field(default_factory=list)
    competences: list = field(default_factory=list)
    lowest: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    pilot_actions: list = field(default_factory=list)
    matrix: object = None
    pilot_index: object = None

    @property
    def shown(self):
        return self.contributors >= PROFILE_MINIMUM


def group_profile(group, language=None):
    """The group profile from the latest assessment each member shared with the group (of the framework most of
    them shared), in the reader's language; counts only from three members on."""
    language = _language(language)
    member_ids = Membership.objects.filter(group=group).values("user_id")
    shared = (
        Share.objects.filter(group=group, kind=Share.ASSESSMENT, user__in=member_ids)
        .select_related("assessment")
        .order_by("-assessment__completed_at", "-shared_at")
    )
    latest = {}
    for item in shared:
        latest.setdefault((item.user_id, item.assessment.framework_key), item.assessment)
    by_framework = Counter(key for _user, key in latest)
    if not by_framework:
        return GroupProfile()
    framework_key, contributors = by_framework.most_common(1)[0]
    assessments = [assessment for (_user, key), assessment in latest.items() if key == framework_key]
    profile = GroupProfile(contributors=contributors)
    if not profile.shown:
        return profile
    framework = framework_for(framework_key, language)
    profile.framework = framework
    level_count = framework.level_count if framework else len(assessments[0].level_names)
    profile.level_names = list(framework.level_names) if framework else list(assessments[0].level_names)
    answers = (
        AssessmentAnswer.objects.filter(assessment__in=[assessment.pk for assessment in assessments])
        .order_by("position")
        .values_list("competence_code", "competence_title", "area_code", "level", "level_count")
    )
    found = {}
    for code, title, area_code, level, answer_levels in answers:
        item = found.get(code)
        if item is None:
            item = found[code] = CompetenceCount(code, title, area_code, [0] * level_count)
        if level is None:
            item.unsure += 1
        elif answer_levels == level_count and 1 <= level <= level_count:
            item.counts[level - 1] += 1
    if framework is not None:  # the framework's order and its texts in the reader's language
        ordered = []
        for area in framework.areas:
            for competence in area.competences:
                item = found.get(competence.code)
                if item is not None:
                    item.title, item.area_code = competence.title, area.code
                    item.translation_key, item.area_key = competence.translation_key, area.translation_key
                    ordered.append(item)
        profile.competences = ordered
    else:
        profile.competences = list(found.values())
    profile.lowest = sorted((item for item in profile.competences if item.answered), key=lambda item: item.mean_place)[
        :LOWEST_SHOWN
    ]
    _serving(profile, language)
    return profile


def _serving(profile, language):
    """The live resources of the Matrix (for the lowest competences) and pilot actions (for their areas) of the
    reader's language. Two queries, and one for the index pages."""
    competence_keys = [item.translation_key for item in profile.lowest if item.translation_key]
    area_keys = {item.area_key for item in profile.lowest if item.area_key}
    if competence_keys:
        profile.resources = list(
            ResourcePage.objects.live()
            .public()
            .filter(locale__language_code=language, competences__translation_key__in=competence_keys)
            .distinct()
            .order_by("title")[:10]
        )
    if area_keys:
        profile.pilot_actions = list(
            PilotActionPage.objects.live()
            .public()
            .filter(locale__language_code=language, areas__translation_key__in=area_keys)
            .distinct()
            .order_by("title")[:10]
        )
    indexes = index_pages(language)
    profile.matrix, profile.pilot_index = indexes["matrix"], indexes["pilot_index"]


# The group's feed: what members shared with the whole group, by step of the path.


@dataclass
class FeedStep:
    step: StepPage | None  # None: shares tied to no step (or to a step no longer on the path)
    number: int | None
    shares: list


def feed(group, steps, viewer):
    """The shares with the whole group, by the path's steps in order (then those of no step). Three queries."""
    users = {membership.user_id: membership.user for membership in members(group)}
    shares = shares_with_counts(group, Share.objects.filter(group=group, audience=Share.GROUP), viewer, users)
    by_step = defaultdict(list)
    for item in shares:
        by_step[item.step_key].append(item)
    sections = []
    for number, step in enumerate(steps, start=1):
        if by_step.get(step.translation_key):
            sections.append(FeedStep(step, number, by_step.pop(step.translation_key)))
    rest = [item for items in by_step.values() for item in items]
    if rest:
        sections.append(FeedStep(None, None, sorted(rest, key=lambda item: item.shared_at, reverse=True)))
    return sections


def thread(share):
    """The share's comments in order with their authors. One query."""
    return list(Comment.objects.filter(share=share).select_related("author").order_by("created_at", "id"))

"""Showcase pages: what can go on one, its items read in a fixed number of queries, reordering, share links, and
the page itself for whoever may read it.

`render_showcase(request, showcase, viewer_context)` is the one way to show a showcase to someone: the owner's
preview, a secret link, and another part's readers (a practitioner's group) all use it. The caller decides who may
read it; this module decides what the page holds and its headers (never indexed, never cached, no referrer).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Max, Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from learners.frameworks import framework_for
from learners.journal import competence_index, steps_by_key
from learners.models import Assessment, AssessmentAnswer, Goal, GoalAction, Reflection
from learners.profiles import build_profile
from portfolio.models import Evidence, EvidenceCompetence, ShareLink, Showcase, ShowcaseItem

MAX_ITEMS = 200  # items on one showcase


@dataclass
class ItemView:
    """One item as the page shows it: the row, what it points at, and what the template needs beside it."""

    item: ShowcaseItem
    target: object = None
    step: object = None  # the live step of a reflection or evidence, in the reader's language
    profile: object = None  # learners.profiles.Profile of a profile item
    competences: list = field(default_factory=list)  # labels of a goal's competences
    file_url: str = ""  # where the reader opens an evidence file

    @property
    def kind(self):
        return self.item.kind


def items_of(showcase):
    """The showcase's items in order, with what they point at: a fixed number of queries."""
    return list(
        showcase.items.select_related("evidence", "reflection", "goal", "assessment").prefetch_related(
            Prefetch("evidence__competences", queryset=EvidenceCompetence.objects.order_by("position", "id")),
            Prefetch("goal__actions", queryset=GoalAction.objects.order_by("position", "id")),
            Prefetch("assessment__answers", queryset=AssessmentAnswer.objects.order_by("position", "id")),
        )
    )


def item_views(showcase, file_url=None, language=None):
    """[ItemView] of the showcase, in order. The queries do not grow with the items: the items and their targets
    (four), the steps named (two), the competences of goals (three) and each distinct framework of a profile."""
    language = language or get_language()
    items = items_of(showcase)
    step_keys = set()
    framework_keys = set()
    has_goal = False
    for item in items:
        if item.kind == ShowcaseItem.REFLECTION and item.reflection.step_key:
            step_keys.add(item.reflection.step_key)
        elif item.kind == ShowcaseItem.EVIDENCE and item.evidence.step_key:
            step_keys.add(item.evidence.step_key)
        elif item.kind == ShowcaseItem.PROFILE:
            framework_keys.add(item.assessment.framework_key)
        elif item.kind == ShowcaseItem.GOAL:
            has_goal = True
    steps = steps_by_key(step_keys, language) if step_keys else {}
    frameworks = {key: framework_for(key, language) for key in framework_keys}
    labels = _goal_labels(items, frameworks.values(), language) if has_goal else {}
    views = []
    for item in items:
        view = ItemView(item=item, target=item.target)
        if item.kind == ShowcaseItem.REFLECTION:
            view.step = steps.get(item.reflection.step_key)
        elif item.kind == ShowcaseItem.EVIDENCE:
            view.step = steps.get(item.evidence.step_key)
            if item.evidence.is_file and file_url is not None:
                view.file_url = file_url(item.evidence)
        elif item.kind == ShowcaseItem.PROFILE:
            view.profile = build_profile(item.assessment, framework=frameworks[item.assessment.framework_key])
        elif item.kind == ShowcaseItem.GOAL:
            view.competences = [labels.get(code, code) for code in item.goal.competence_codes]
        views.append(view)
    return views


def _goal_labels(items, frameworks, language):
    """{code: "code title"} for the goals' competences: from the frameworks the profiles already read when they name
    them all (no query), else from every live framework (`learners.journal.competence_index`)."""
    codes = {code for item in items if item.kind == ShowcaseItem.GOAL for code in item.goal.competence_codes}
    known = {}
    for framework in frameworks:
        if framework is not None:
            for area in framework.areas:
                for competence in area.competences:
                    known.setdefault(competence.code, f"{competence.code} {competence.title}")
    if codes <= set(known):
        return known
    index = competence_index(language)
    return {code: index.label(code) for code in codes}


def render_showcase(request, showcase, viewer_context=None, *, template="portfolio/showcases/page.html", status=200):
    """The showcase's page for a reader the caller has let in.

    `viewer_context` (a dict) goes into the template's context; its `file_url`, a function of an evidence giving
    the address the reader opens its file at (their own access rule behind it), is used for the evidence files
    (without it, files are listed without a link). It may also give `breadcrumbs` ([(title, url)]) and `notice`.
    The page is never indexed or cached and sends no referrer.
    """
    context = dict(viewer_context or {})
    file_url = context.pop("file_url", None)
    context.update({"showcase": showcase, "items": item_views(showcase, file_url), "noindex": True})
    response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    add_never_cache_headers(response)
    return response


# What the learner can add: their evidence, reflections, goals and completed self-assessments.


def addable(user):
    """What the learner can put on a showcase, by kind: four queries."""
    return {
        ShowcaseItem.EVIDENCE: list(Evidence.objects.filter(user=user).only("id", "title", "date", "kind")),
        ShowcaseItem.REFLECTION: list(Reflection.objects.filter(user=user).only("id", "prompt", "text", "created_at")),
        ShowcaseItem.GOAL: list(Goal.objects.filter(user=user).only("id", "title")),
        ShowcaseItem.PROFILE: list(
            Assessment.objects.filter(user=user, completed_at__isnull=False).only(
                "id", "framework_title", "completed_at"
            )
        ),
    }


def target_of(user, kind, pk):
    """The learner's own object of that kind with that id, or None."""
    model = {
        ShowcaseItem.EVIDENCE: Evidence,
        ShowcaseItem.REFLECTION: Reflection,
        ShowcaseItem.GOAL: Goal,
        ShowcaseItem.PROFILE: Assessment,
    }.get(kind)
    if model is None:
        return None
    queryset = model.objects.filter(user=user, pk=pk)
    if model is Assessment:
        queryset = queryset.filter(completed_at__isnull=False)
    return queryset.first()


def add_item(showcase, kind, target=None, heading="", text=""):
    """Add an item at the end of the showcase (the caller has checked that the target is the learner's)."""
    with transaction.atomic():
        Showcase.objects.select_for_update().filter(pk=showcase.pk).first()
        last = showcase.items.aggregate(last=Max("position"))["last"]
        item = ShowcaseItem(showcase=showcase, kind=kind, position=0 if last is None else last + 1)
        if target is not None:
            setattr(item, ShowcaseItem.TARGETS[kind], target)
        item.heading, item.text = heading, text
        item.save()
        Showcase.objects.filter(pk=showcase.pk).update(updated_at=timezone.now())
    return item


def move_item(showcase, item, direction):
    """Swap the item with the one before it (`direction` -1) or after it (+1); at either end nothing moves.
    Positions are renumbered 0..n-1 on the way, so that gaps left by removed items never stall a move."""
    with transaction.atomic():
        Showcase.objects.select_for_update().filter(pk=showcase.pk).first()
        ids = list(showcase.items.order_by("position", "id").values_list("id", flat=True))
        index = ids.index(item.pk)
        other = index + direction
        if not 0 <= other < len(ids):
            return False
        ids[index], ids[other] = ids[other], ids[index]
        items = [ShowcaseItem(id=pk, position=position) for position, pk in enumerate(ids)]
        ShowcaseItem.objects.bulk_update(items, ["position"])
        Showcase.objects.filter(pk=showcase.pk).update(updated_at=timezone.now())
    return True


# Secret links.


def shared_url(request, link):
    return request.build_absolute_uri(reverse("portfolio_shared:showcase", args=[link.token]))


def open_link(token, *, record=True):
    """The active link of this token with its showcase, None for an unknown, revoked or expired one. With `record`
    (the page itself, not a file on it), the view is noted: the learner sees when the page was last viewed."""
    if not token or len(token) > 64:
        return None
    now = timezone.now()
    link = ShareLink.objects.active(now).select_related("showcase").filter(token=token).first()
    if link is None or not record:
        return link
    ShareLink.objects.filter(pk=link.pk).update(last_viewed_at=now, view_count=F("view_count") + 1)
    return link

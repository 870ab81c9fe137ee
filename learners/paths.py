"""Where a learner is on the paths: the steps done and the next one, and what the path and step pages show.

Progress is kept by translation keys (`StepProgress`), so a step done in one language is done in every language.
Every function here runs a fixed number of queries, whatever the number of paths and steps.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language

from home.i18n import localize
from home.readers import signed_in
from learners.journal import index_pages
from learners.models import TEXT_MAX_LENGTH, PathPage, Reflection, StepPage, StepProgress


@dataclass(frozen=True)
class StepState:
    """One live step of a path, its number on the path (from 1), and whether the learner has marked it done."""

    step: StepPage
    number: int
    done: bool


@dataclass(frozen=True)
class PathProgress:
    """A learner's progress on one path: its live steps in the path's order, each done or not."""

    path: PathPage
    steps: tuple  # of StepState, in order

    @property
    def total(self):
        return len(self.steps)

    @property
    def done_count(self):
        return sum(state.done for state in self.steps)

    @property
    def next_step(self):
        """The first step not done yet, or None when every step is done (or the path has none)."""
        return next((state for state in self.steps if not state.done), None)

    @property
    def started(self):
        return self.done_count > 0

    @property
    def complete(self):
        return self.total > 0 and self.done_count == self.total

    def state_of(self, step):
        """The state of this step (a page of the path, by id), or None if it is not one of the path's live steps."""
        return next((state for state in self.steps if state.step.pk == step.pk), None)

    def neighbours(self, state):
        """The steps before and after this one (None at either end)."""
        index = state.number - 1
        previous = self.steps[index - 1] if index > 0 else None
        following = self.steps[index + 1] if index + 1 < len(self.steps) else None
        return previous, following


def _learner(user):
    return user if user is not None and user.is_authenticated else None


def _done_keys(user, steps):
    """The translation keys of the steps among these that the user has marked done (one query, none if anonymous)."""
    user = _learner(user)
    if user is None or not steps:
        return set()
    keys = {step.translation_key for step in steps}
    return set(StepProgress.objects.filter(user=user, step_key__in=keys).values_list("step_key", flat=True))


def _progress(path, steps, done_keys):
    states = tuple(
        StepState(step=step, number=number, done=step.translation_key in done_keys)
        for number, step in enumerate(steps, start=1)
    )
    return PathProgress(path=path, steps=states)


def path_progress(user, path):
    """The progress of `user` (None or anonymous: nothing done) on `path`: its live steps in order, each done or not.

    Three queries for a learner (the view restrictions, the steps, the progress), two for anyone else.
    """
    steps = list(path.steps().order_by("path"))
    return _progress(path, steps, _done_keys(user, steps))


def paths_for(user, language=None):
    """The progress of `user` on every live path of the language (by default the reader's), in the tree's order.

    Five queries for a learner, whatever the number of paths and steps (four for anyone else).
    """
    language = language or get_language()
    paths = list(
        PathPage.objects.live().public().filter(locale__language_code=language).defer("introduction").order_by("path")
    )
    if not paths:
        return []
    steps_by_parent = {path.path: [] for path in paths}
    steps = (
        StepPage.objects.live().public().filter(locale__language_code=language).defer_streamfields().order_by("path")
    )
    for step in steps:
        parent = steps_by_parent.get(step.path[: -StepPage.steplen])
        if parent is not None:
            parent.append(step)
    done_keys = _done_keys(user, [step for path_steps in steps_by_parent.values() for step in path_steps])
    return [_progress(path, steps_by_parent[path.path], done_keys) for path in paths]


# The context of the path and step pages (their get_context calls these).


def _with_next(url_name, next_url):
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _account_links(request, page):
    """Where an anonymous reader signs up or logs in to do the path, coming back to this page afterwards."""
    here = page.get_url(request)
    return {"signup_url": _with_next("account_signup", here), "login_url": _with_next("account_login", here)}


def path_page_context(path, request):
    """The path page: its steps in order and, for a signed-in learner only, which are done and the next one."""
    learner = signed_in(request)
    context = {"signed_in": learner, "progress": path_progress(request.user if learner else None, path)}
    if not learner:
        context.update(_account_links(request, path))
    return context


def step_page_context(step, request):
    """The step page: "step n of N", its neighbours, the resources and pilot actions it uses in the reader's language,
    what its activity links to, and for a signed-in learner whether it is done and their answers to its prompt."""
    learner = signed_in(request)
    user = request.user if learner else None
    path = PathPage.objects.parent_of(step).first()
    progress = path_progress(user, path) if path is not None else None
    state = progress.state_of(step) if progress is not None else None
    previous, following = progress.neighbours(state) if state is not None else (None, None)
    context = {
        "signed_in": learner,
        "path": path,
        "progress": progress,
        "state": state,
        "previous_step": previous,
        "next_step": following,
        "step_url": step.get_url(request),
        "step_resources": localize(step.resources.all()),
        "step_pilot_actions": localize(step.pilot_actions.all()),
        "text_max_length": TEXT_MAX_LENGTH,
    }
    if step.activity == StepPage.EXPLORE:
        context.update(index_pages())
    if learner and step.activity == StepPage.REFLECT:
        context["reflections"] = list(Reflection.objects.filter(user=user, step_key=step.translation_key))
    if not learner:
        context.update(_account_links(request, step))
    return context

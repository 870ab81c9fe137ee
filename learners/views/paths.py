"""A learner marks a step of a path done, or not done, from the step's page."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learners.access import learner_view
from learners.models import PathPage, StepPage, StepProgress
from learners.paths import path_progress

DONE, NOT_DONE = "1", "0"


def _live_step(step_key):
    """The live step with this translation key in the reader's language, else in the source language, else any."""
    steps = list(StepPage.objects.live().public().filter(translation_key=step_key).select_related("locale"))
    if not steps:
        raise Http404
    by_language = {step.locale.language_code: step for step in steps}
    return by_language.get(get_language()) or by_language.get(settings.LANGUAGE_CODE) or steps[0]


def _safe_next(request):
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else None


@learner_view  # outermost: someone not signed in is sent to log in, whatever the method
@require_POST
def step_done(request, step_key):
    """POST `done` = "1" marks the step done, "0" not done (both idempotent); then back to `next` or the step."""
    step = _live_step(step_key)
    done = request.POST.get("done")
    if done not in (DONE, NOT_DONE):
        return render(request, "learners/step_done_invalid.html", {"step": step, "page": step}, status=400)
    path = PathPage.objects.parent_of(step).first()
    if path is None:
        raise Http404
    with transaction.atomic():
        if done == DONE:
            StepProgress.objects.get_or_create(
                user=request.user, step_key=step.translation_key, defaults={"path_key": path.translation_key}
            )
        else:
            StepProgress.objects.filter(user=request.user, step_key=step.translation_key).delete()
    if done == NOT_DONE:
        messages.success(request, _("Step marked as not done."))
    elif path_progress(request.user, path).complete:
        messages.success(
            request,
            _("Step marked as done. You have done every step of “%(path)s”: the path is complete.")
            % {"path": path.title},
        )
    else:
        messages.success(request, _("Step marked as done."))
    return redirect(_safe_next(request) or step.get_url(request))

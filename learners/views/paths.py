"""A learner marks a step of a path done, or not done, from the step's page."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learners.access import learner_view, local_url
from learners.journal import step_for
from learners.models import PathPage, StepProgress
from learners.paths import path_progress

DONE, NOT_DONE = "1", "0"


@learner_view  # outermost: someone not signed in is sent to log in, whatever the method
@require_POST
def step_done(request, step_key):
    """POST `done` = "1" marks the step done, "0" not done (both idempotent); then back to `next` or the step."""
    step = step_for(step_key)
    if step is None:
        raise Http404
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
    return redirect(local_url(request, request.POST.get("next")) or step.get_url(request))

"""A learner's reflections: the list, writing one (standalone or answering a step's prompt), editing, deleting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from learners.access import learner_view, local_url, owned
from learners.forms import ReflectionForm, find_step
from learners.journal import steps_by_key
from learners.models import Reflection


@learner_view
@require_safe
def index(request):
    reflections = list(Reflection.objects.filter(user=request.user))
    steps = steps_by_key({reflection.step_key for reflection in reflections})
    entries = [(reflection, steps.get(reflection.step_key)) for reflection in reflections]
    return render(request, "learners/reflections/index.html", {"entries": entries})


@learner_view
@require_http_methods(["GET", "POST"])
def edit(request, pk=None):
    """New (GET ?step=<translation key> answers that step's prompt) or edit; saved, it goes back to `next` if local."""
    reflection = owned(Reflection, request, pk=pk) if pk else Reflection(user=request.user)
    language = get_language()
    status = 200
    step_error = None
    if request.method == "POST":
        form = ReflectionForm(request.POST, instance=reflection, language=language)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, _("Your reflection is saved."))
            return redirect(local_url(request, form.cleaned_data["next"]) or reverse("learners:reflections"))
        status = 400
        step = form.step_page
    else:
        initial = {"next": local_url(request, request.GET.get("next", "")) or ""}
        step = None
        if pk is None and "step" in request.GET:
            try:
                step = find_step(request.GET["step"], language)
            except ValidationError as error:
                step_error, status = error.messages[0], 400
            else:
                initial["step"] = str(step.translation_key)
        form = ReflectionForm(instance=reflection, language=language, initial=initial)
    if step is not None:
        prompt = step.prompt
    else:
        prompt = reflection.prompt
        step = steps_by_key([reflection.step_key], language).get(reflection.step_key)
    form.answers(prompt)
    back_url = local_url(request, request.POST.get("next") or request.GET.get("next")) or reverse(
        "learners:reflections"
    )
    context = {
        "form": form,
        "reflection": reflection,
        "prompt": prompt,
        "step": step,
        "step_error": step_error,
        "back_url": back_url,
        "is_new": pk is None,
    }
    return render(request, "learners/reflections/edit.html", context, status=status)


@learner_view
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    reflection = owned(Reflection, request, pk=pk)
    if request.method == "POST":
        reflection.delete()
        messages.success(request, _("The reflection is deleted."))
        return redirect("learners:reflections")
    return render(request, "learners/reflections/delete.html", {"reflection": reflection})

"""A learner's action plan: the goals with their actions, setting and editing one, deleting, the printable plan."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from learners.access import learner_view, owned
from learners.forms import MAX_ACTIONS, ActionFormSet, GoalForm
from learners.journal import competence_index, goals_with_actions
from learners.models import Goal


def _plan(request):
    """The learner's goals, each with its actions and the labels of its competences: a fixed number of queries."""
    index = competence_index()
    goals = goals_with_actions(request.user)
    return [(goal, [index.label(code) for code in goal.competence_codes]) for goal in goals]


@learner_view
@require_safe
def index(request):
    return render(request, "learners/goals/index.html", {"plan": _plan(request)})


@learner_view
@require_safe
def plan(request):
    user = request.user
    context = {"plan": _plan(request), "learner_name": user.get_full_name() or user.email, "today": timezone.now()}
    return render(request, "learners/goals/plan.html", context)


@learner_view
@require_http_methods(["GET", "POST"])
def edit(request, pk=None):
    """A goal and its actions, saved together or not at all. "Save and add more actions" comes back to the form,
    which always ends with empty rows for new actions."""
    goal = owned(Goal, request, pk=pk) if pk else Goal(user=request.user)
    index = competence_index()
    status = 200
    if request.method == "POST":
        form = GoalForm(request.POST, instance=goal, competences=index)
        actions = ActionFormSet(request.POST, instance=goal, prefix="actions")
        valid = form.is_valid()
        valid = actions.is_valid() and valid
        if valid:
            with transaction.atomic():
                goal = form.save()
                actions.save_for(goal)
            messages.success(request, _("Your goal is saved."))
            if "more" in request.POST:
                return redirect(reverse("learners:goal_edit", args=[goal.pk]) + "#actions")
            return redirect("learners:goals")
        status = 400
    else:
        form = GoalForm(instance=goal, competences=index)
        actions = ActionFormSet(instance=goal, prefix="actions")
    context = {"form": form, "actions": actions, "goal": goal, "is_new": pk is None, "max_actions": MAX_ACTIONS}
    return render(request, "learners/goals/edit.html", context, status=status)


@learner_view
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    goal = owned(Goal, request, pk=pk)
    if request.method == "POST":
        goal.delete()
        messages.success(request, _("The goal and its actions are deleted."))
        return redirect("learners:goals")
    return render(request, "learners/goals/delete.html", {"goal": goal, "action_count": goal.actions.count()})

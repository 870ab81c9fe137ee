"""The learner's own space (/<lang>/my/): where they are on the path, their latest profile, goals and suggestions."""

from django.db.models import Count, Q
from django.shortcuts import render

from learners.access import learner_view
from learners.assessments import in_progress
from learners.models import Goal, GoalAction
from learners.paths import paths_for
from learners.profiles import latest_profile
from learners.suggestions import suggestions_for

# The dashboard is a summary: the full lists are a link away.
SUGGESTIONS_SHOWN = 3
GOALS_SHOWN = 5


@learner_view
def dashboard(request):
    goals = list(
        Goal.objects.filter(user=request.user).annotate(
            action_count=Count("actions"), done_count=Count("actions", filter=Q(actions__status=GoalAction.DONE))
        )[: GOALS_SHOWN + 1]
    )
    # What changed since the previous assessment is on the profile page.
    profile = latest_profile(request.user, compare=False)
    return render(
        request,
        "learners/dashboard.html",
        {
            "paths": paths_for(request.user),
            "in_progress": in_progress(request.user),
            "profile": profile,
            "goals": goals[:GOALS_SHOWN],
            "more_goals": len(goals) > GOALS_SHOWN,
            "suggestions": suggestions_for(request.user, limit=SUGGESTIONS_SHOWN, profile=profile),
        },
    )

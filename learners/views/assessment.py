"""The self-assessment, the learner's profile and the resources suggested to them.

A learner assesses themselves one area per screen; every screen saves its area (all its answers or none) and the
last one completes the assessment. A completed assessment may be opened again and changed: it stays completed, with
the date it was first completed, and its profile shows the changes.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learners import assessments
from learners.access import learner_view, owned
from learners.assessment_forms import AreaForm, StartForm
from learners.frameworks import framework_for, offered_frameworks, read_framework
from learners.models import NOTE_MAX_LENGTH, Assessment
from learners.profiles import build_profile, latest_profile
from learners.suggestions import suggestions_for


def _area_url(assessment, number):
    return reverse("learners:assessment_area", kwargs={"pk": assessment.pk, "number": number})


def _render_index(request, form, status=200):
    unfinished = []
    for assessment in assessments.in_progress(request.user).prefetch_related("answers"):
        framework = framework_for(assessment.framework_key)
        if framework is None or not framework.areas:
            continue
        number = assessments.resume_area(framework, assessments.answers_by_code(assessment)) or framework.area_count
        unfinished.append({"assessment": assessment, "framework": framework, "url": _area_url(assessment, number)})
    context = {
        "form": form,
        "frameworks": list(form.frameworks.values()),
        "unfinished": unfinished,
        "past": list(assessments.completed(request.user)),
    }
    return render(request, "learners/assessment/index.html", context, status=status)


@learner_view
def index(request):
    return _render_index(request, StartForm(frameworks=offered_frameworks()))


@learner_view
@require_POST
def start(request):
    form = StartForm(request.POST, frameworks=offered_frameworks())
    if form.is_valid():
        framework = read_framework(form.framework_page)
        if framework.areas and any(area.competences for area in framework.areas):
            assessment = assessments.start(request.user, framework)
            answered = assessment.answers.values_list("competence_code", flat=True)
            return redirect(_area_url(assessment, assessments.resume_area(framework, answered) or 1))
        form.add_error("framework", _("This framework has no competences to assess yet: choose another one."))
    return _render_index(request, form, status=400)


@learner_view
def area(request, pk, number):
    assessment = owned(Assessment.objects.prefetch_related("answers"), request, pk=pk)
    framework = framework_for(assessment.framework_key)
    # A framework no longer published, or left without levels, can no longer be answered (its profile still reads).
    current = framework.area(number) if framework is not None and framework.level_count else None
    if current is None:
        raise Http404
    answers = assessments.answers_by_code(assessment)
    form = AreaForm(
        request.POST if request.method == "POST" else None,
        area=current,
        level_names=framework.level_names,
        answers=answers,
    )
    is_last = number == framework.area_count
    if request.method == "POST":
        if form.is_valid():
            assessments.save_area(assessment, framework, current, form.choices())
            if not is_last:
                return redirect(_area_url(assessment, number + 1))
            answered = set(answers) | {competence.code for competence in current.competences}
            if assessments.complete(assessment, framework, answered):
                return redirect("learners:assessment_result", pk=assessment.pk)
            # Back to the first area with a competence still unanswered, saying why (in the URL: no session message
            # that some other page might show first).
            return redirect(_area_url(assessment, assessments.resume_area(framework, answered)) + "?unanswered=1")
        status = 400
    else:
        status = 200
    context = {
        "assessment": assessment,
        "framework": framework,
        "area": current,
        "number": number,
        "count": framework.area_count,
        "is_last": is_last,
        "form": form,
        "questions": form.questions(),
        "note_max_length": NOTE_MAX_LENGTH,
        "unanswered_notice": request.GET.get("unanswered") == "1",
        "back_url": _area_url(assessment, number - 1) if number > 1 else reverse("learners:assessment_index"),
    }
    return render(request, "learners/assessment/area.html", context, status=status)


@learner_view
def result(request, pk):
    assessment = owned(Assessment, request, pk=pk)
    framework = framework_for(assessment.framework_key)
    profile = build_profile(assessment, assessments.previous_completed(assessment), framework=framework)
    resume = None
    if not profile.completed and profile.unanswered:
        resume = _area_url(assessment, framework.competence(profile.unanswered[0].code)[0].number)
    return render(request, "learners/assessment/result.html", {"profile": profile, "resume_url": resume})


@learner_view
def profile(request):
    return render(request, "learners/profile.html", {"profile": latest_profile(request.user)})


@learner_view
def suggestions(request):
    return render(request, "learners/suggestions.html", {"suggestions": suggestions_for(request.user)})

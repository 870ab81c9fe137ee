"""A learner's evidence: the list, adding a text, a link or a file, editing, deleting, and reading its file."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from learners.access import learner_view, owned
from learners.paths import paths_for
from portfolio.evidence import competence_frameworks, delete_evidence, evidence_entries, save_evidence
from portfolio.files import file_response, megabytes, stored_total
from portfolio.forms import EvidenceForm
from portfolio.models import Evidence

KINDS = {Evidence.TEXT, Evidence.LINK, Evidence.FILE}


@learner_view
@require_safe
def index(request):
    context = {
        "entries": evidence_entries(request.user),
        "used": megabytes(stored_total(request.user)),
        "limit": megabytes(settings.PORTFOLIO_MAX_TOTAL_SIZE),
    }
    return render(request, "portfolio/evidence/index.html", context)


def _form(request, evidence):
    language = get_language()
    arguments = {
        "instance": evidence,
        "user": request.user,
        "frameworks": competence_frameworks(language),
        "paths": paths_for(request.user, language),
    }
    if request.method == "POST":
        return EvidenceForm(request.POST, request.FILES, **arguments)
    return EvidenceForm(**arguments)


def _edit(request, evidence, is_new):
    form = _form(request, evidence)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            evidence = form.save(commit=False)
            save_evidence(evidence, form.chosen_competences(), form.cleaned_data.get("upload"), form.content_type)
            messages.success(request, _("Your evidence is saved."))
            return redirect("portfolio:evidence")
        status = 400
    context = {"form": form, "evidence": evidence, "is_new": is_new, "kind": evidence.kind}
    return render(request, "portfolio/evidence/edit.html", context, status=status)


@learner_view
@require_http_methods(["GET", "POST"])
def add(request, kind):
    if kind not in KINDS:
        raise Http404
    return _edit(request, Evidence(user=request.user, kind=kind), is_new=True)


@learner_view
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    return _edit(request, owned(Evidence, request, pk=pk), is_new=False)


@learner_view
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    evidence = owned(Evidence, request, pk=pk)
    if request.method == "POST":
        delete_evidence(evidence)
        messages.success(request, _("The evidence is deleted."))
        return redirect("portfolio:evidence")
    return render(
        request,
        "portfolio/evidence/delete.html",
        {"evidence": evidence, "showcase_count": evidence.showcase_items.values("showcase").distinct().count()},
    )


@learner_view
@require_safe
def download(request, pk):
    return file_response(owned(Evidence, request, pk=pk))

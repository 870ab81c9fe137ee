"""Sharing an item with a group, reading a shared item with its comments, unsharing, and commenting (writing,
hiding, deleting)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from groups import feedback, overview, sharing
from groups.access import seat, visible_share
from groups.forms import CommentForm, ShareForm
from groups.models import Comment
from learners.access import learner_view
from learners.models import AssessmentAnswer
from portfolio.files import file_response
from portfolio.models import Evidence
from portfolio.showcases import item_views


@learner_view
@require_http_methods(["GET", "POST"])
def new(request, group_id):
    place = seat(request, group_id, member_only=True)
    steps = overview.path_steps(overview.group_path(place.group))
    items = sharing.shareable_items(request.user)
    status = 200
    if request.method == "POST":
        form = ShareForm(request.POST, items=items, steps=steps)
        if form.is_valid():
            kind, pk = form.item_of()
            item = sharing.own_item(request.user, kind, pk)
            if item is None:  # gone since the form was shown
                raise Http404
            shared = sharing.share(
                place.group, request.user, item, kind, form.cleaned_data["audience"], form.cleaned_data["step"]
            )
            messages.success(request, _("Shared. You can stop sharing it at any time."))
            return redirect("groups:share", place.group.pk, shared.pk)
        status = 400
    else:
        form = ShareForm(items=items, steps=steps, initial=_initial(request, items))
    context = {"group": place.group, "seat": place, "form": form, "items": items}
    return render(request, "groups/share_new.html", context, status=status)


def _initial(request, items):
    wanted = request.GET.get("item", "")
    return {"item": wanted} if any(item.value == wanted for item in items) else {}


def _share_context(request, place, share, form=None):
    path = overview.group_path(place.group)
    steps = overview.path_steps(path)
    step = next((step for step in steps if step.translation_key == share.step_key), None)
    comments = overview.thread(share)
    share.comment_count = sum(1 for item in comments if item.hidden_at is None or item.author_id == request.user.pk)
    context = {
        "group": place.group,
        "seat": place,
        "share": share,
        "item": share.item,
        "step": step,
        "comments": comments,
        "form": form or CommentForm(),
        "owner": share.user_id == request.user.pk,
    }
    if share.kind == share.ASSESSMENT:
        context["answers"] = list(AssessmentAnswer.objects.filter(assessment=share.assessment).order_by("position"))
    elif share.kind == share.EVIDENCE:
        context["file_url"] = _file_url(place, share)(share.evidence) if share.evidence.is_file else ""
    else:
        context["showcase_items"] = item_views(share.showcase, file_url=_file_url(place, share))
    return context


def _file_url(place, share):
    """Where the group's reader opens an evidence file of this share (the file view checks the share again)."""
    return lambda evidence: reverse("groups:share_file", args=[place.group.pk, share.pk, evidence.pk])


@learner_view
@require_safe
def detail(request, group_id, share_id):
    place = seat(request, group_id)
    share = visible_share(place, share_id)
    return render(request, "groups/share.html", _share_context(request, place, share))


@learner_view
@require_POST
def unshare(request, group_id, share_id):
    place = seat(request, group_id, member_only=True)
    share = visible_share(place, share_id)
    if share.user_id != request.user.pk:
        raise Http404
    share.delete()
    messages.success(request, _("It is no longer shared with the group."))
    return redirect("groups:detail", place.group.pk)


@learner_view
@require_POST
def comment(request, group_id, share_id):
    place = seat(request, group_id)
    share = visible_share(place, share_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(request, "groups/share.html", _share_context(request, place, share, form), status=400)
    feedback.add_comment(share, request.user, form.cleaned_data["text"])
    messages.success(request, _("Your comment is sent."))
    return redirect("groups:share", place.group.pk, share.pk)


def _comment(place, comment_id):
    found = get_object_or_404(Comment.objects.select_related("share"), pk=comment_id, share__group=place.group)
    if not place.can_see(found.share):
        raise Http404
    return found


@learner_view
@require_POST
def delete_comment(request, group_id, comment_id):
    place = seat(request, group_id)
    found = _comment(place, comment_id)
    if not feedback.can_delete(place, found):
        raise Http404
    found.delete()
    messages.success(request, _("Your comment is deleted."))
    return redirect("groups:share", place.group.pk, found.share_id)


@learner_view
@require_POST
def hide_comment(request, group_id, comment_id):
    place = seat(request, group_id, practitioner_only=True)
    found = _comment(place, comment_id)
    hidden = request.POST.get("hidden", "1") != "0"
    feedback.set_hidden(found, hidden)
    messages.success(request, _("The comment is hidden.") if hidden else _("The comment is shown again."))
    return redirect("groups:share", place.group.pk, found.share_id)


def _shared_evidence(share, evidence_id):
    """The evidence this share shows (itself, or an item of the shared showcase) with this id, or a 404."""
    if share.kind == share.EVIDENCE:
        found = share.evidence if share.evidence_id == evidence_id else None
    elif share.kind == share.SHOWCASE:
        found = Evidence.objects.filter(pk=evidence_id, showcase_items__showcase=share.showcase_id).first()
    else:
        found = None
    if found is None or found.user_id != share.user_id:
        raise Http404
    return found


@learner_view
@require_safe
def evidence_file(request, group_id, share_id, evidence_id):
    """The file of shared evidence, for those who may see the share (through the portfolio's checked response)."""
    place = seat(request, group_id)
    share = visible_share(place, share_id)
    return file_response(_shared_evidence(share, evidence_id))

"""A learner's groups and the group page: the practitioner's view (progress, shares, group profile) or the member's
(what they shared, the e-mails, leaving), and the group's feed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from groups import invitations, overview
from groups.access import is_practitioner, seat
from groups.forms import GroupForm, JoinCodeForm, NotificationsForm
from groups.models import LearningGroup, Membership, Share
from learners.access import learner_view


@learner_view
@require_safe
def index(request):
    practitioner = is_practitioner(request.user)
    led = list(LearningGroup.objects.filter(practitioner=request.user)) if practitioner else []
    joined = list(Membership.objects.filter(user=request.user).select_related("group").order_by("group__name"))
    context = {"practitioner": practitioner, "led": led, "joined": joined, "code_form": JoinCodeForm()}
    return render(request, "groups/index.html", context)


@learner_view
@require_http_methods(["GET", "POST"])
def create(request):
    if not is_practitioner(request.user):
        raise Http404
    status = 200
    if request.method == "POST":
        form = GroupForm(request.POST, instance=LearningGroup(practitioner=request.user))
        if form.is_valid():
            group = form.save()
            messages.success(request, _("The group is created. Invite its members now."))
            return redirect("groups:invitations", group.pk)
        status = 400
    else:
        form = GroupForm(instance=LearningGroup(practitioner=request.user))
    return render(request, "groups/create.html", {"form": form}, status=status)


@learner_view
@require_http_methods(["GET", "POST"])
def edit(request, group_id):
    place = seat(request, group_id, practitioner_only=True)
    status = 200
    if request.method == "POST":
        form = GroupForm(request.POST, instance=place.group)
        if form.is_valid():
            form.save()
            messages.success(request, _("The group is saved."))
            return redirect("groups:detail", place.group.pk)
        status = 400
    else:
        form = GroupForm(instance=place.group)
    return render(request, "groups/edit.html", {"form": form, "group": place.group}, status=status)


@learner_view
@require_safe
def detail(request, group_id):
    place = seat(request, group_id)
    group = place.group
    path = overview.group_path(group)
    steps = overview.path_steps(path)
    context = {"group": group, "seat": place, "path": path, "pilot_action": overview.pilot_action(group)}
    if place.practitioner:
        memberships = overview.members(group)
        users = {membership.user_id: membership.user for membership in memberships}
        shares = overview.shares_with_counts(group, Share.objects.filter(group=group), request.user, users)
        by_member = {}
        for item in shares:
            by_member.setdefault(item.user_id, []).append(item)
        context.update(
            progress=[
                (progress, by_member.get(progress.membership.user_id, []))
                for progress in overview.members_progress(memberships, steps)
            ],
            steps=steps,
            shared_count=len(shares),
            profile=overview.group_profile(group),
            minimum=overview.PROFILE_MINIMUM,
        )
        return render(request, "groups/practitioner.html", context)
    own = Share.objects.filter(group=group, user=request.user)
    context.update(
        shares=overview.shares_with_counts(group, own, request.user, {request.user.pk: request.user}),
        progress=overview.members_progress([place.membership], steps)[0],
        notifications_form=NotificationsForm(initial={"feedback_emails": place.membership.feedback_emails}),
    )
    return render(request, "groups/member.html", context)


@learner_view
@require_safe
def feed(request, group_id):
    place = seat(request, group_id)
    path = overview.group_path(place.group)
    sections = overview.feed(place.group, overview.path_steps(path), request.user)
    context = {"group": place.group, "seat": place, "path": path, "sections": sections}
    return render(request, "groups/feed.html", context)


@learner_view
@require_POST
def notifications(request, group_id):
    place = seat(request, group_id, member_only=True)
    form = NotificationsForm(request.POST)
    form.is_valid()  # a checkbox: absent is off
    place.membership.feedback_emails = form.cleaned_data.get("feedback_emails", False)
    place.membership.save(update_fields=["feedback_emails"])
    if place.membership.feedback_emails:
        messages.success(request, _("You will get an e-mail when someone comments on what you shared."))
    else:
        messages.success(request, _("You will get no e-mail about comments on what you shared."))
    return redirect("groups:detail", place.group.pk)


@learner_view
@require_http_methods(["GET", "POST"])
def leave(request, group_id):
    place = seat(request, group_id, member_only=True)
    if request.method == "POST":
        name = place.group.name
        invitations.leave(place.membership)
        messages.success(
            request,
            _("You have left the group “%(name)s”. What you shared with it is no longer shared.") % {"name": name},
        )
        return redirect("groups:index")
    return render(request, "groups/leave.html", {"group": place.group, "seat": place})

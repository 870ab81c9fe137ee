"""Invitations: the practitioner makes and revokes them; a learner opens one by its link or its code and joins."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from groups import invitations
from groups.access import seat
from groups.forms import InvitationForm, JoinCodeForm
from groups.models import Invitation
from learners.access import learner_view


@learner_view
@require_http_methods(["GET", "POST"])
def manage(request, group_id):
    place = seat(request, group_id, practitioner_only=True)
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            Invitation.objects.create(
                group=place.group, expires_at=form.expires_at(), member_limit=form.cleaned_data["member_limit"]
            )
            messages.success(request, _("The invitation is ready: give its link or its code to the learners."))
            return redirect("groups:invitations", place.group.pk)
        status = 400
    else:
        form = InvitationForm()
    now = timezone.now()
    rows = [
        (invitation, request.build_absolute_uri(reverse("groups:invitation", args=[invitation.token])))
        for invitation in place.group.invitations.all()
    ]
    context = {"group": place.group, "seat": place, "form": form, "rows": rows, "now": now}
    return render(request, "groups/invitations.html", context, status=status)


@learner_view
@require_POST
def revoke(request, group_id, invitation_id):
    place = seat(request, group_id, practitioner_only=True)
    invitation = get_object_or_404(Invitation, pk=invitation_id, group=place.group)
    invitations.revoke(invitation)
    messages.success(request, _("The invitation is revoked: its link and code no longer work."))
    return redirect("groups:invitations", place.group.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """An invitation's page: a visitor keeps it for their sign-up; a signed-in learner joins with one button."""
    found = invitations.by_token(token)
    if found is None:
        raise Http404
    here = reverse("groups:invitation", args=[token])
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect(f"{reverse('account_login')}?next={here}")
        invitations.remember(request, found)
        context = {
            "invitation": found,
            "group": found.group,
            "signup_url": f"{reverse('account_signup')}?next={reverse('groups:index')}",
            "login_url": f"{reverse('account_login')}?next={here}",
        }
        return render(request, "groups/invitation.html", context)
    error = None
    if request.method == "POST":
        try:
            membership, created = invitations.join(found, request.user)
        except invitations.JoinError as exc:
            error = str(exc)
        else:
            if created:
                messages.success(request, _("You have joined the group “%(name)s”.") % {"name": found.group.name})
            return redirect("groups:detail", membership.group_id)
    member = found.group.memberships.filter(user=request.user).exists()
    context = {"invitation": found, "group": found.group, "error": error, "member": member}
    return render(request, "groups/invitation.html", context, status=400 if error else 200)


@learner_view
@require_http_methods(["GET", "POST"])
def join_code(request):
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = invitations.by_code(form.cleaned_data["code"])
        if found is not None:
            return redirect("groups:invitation", found.token)
        form.add_error("code", _("No valid invitation has this code. Check it, or ask your practitioner."))
    status = 400 if request.method == "POST" else 200
    return render(request, "groups/join.html", {"form": form}, status=status)

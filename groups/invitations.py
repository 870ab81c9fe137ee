"""Joining a group: finding an invitation by its link or its code, joining through it (within its limits), leaving.

An invitation is found only while it is neither revoked nor expired; a full one is found but refuses new members.
A visitor who opens an invitation's link keeps its token in their session (`remember`), so that signing up joins
them at once (`groups.signals`).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groups.models import CODE_LENGTH, Invitation, Membership, Share

SESSION_KEY = "groups_invitation"


class JoinError(Exception):
    pass


def usable(queryset=None):
    now = timezone.now()
    queryset = Invitation.objects.all() if queryset is None else queryset
    return queryset.filter(revoked_at__isnull=True).exclude(expires_at__lte=now)


def by_token(token):
    """The usable invitation of this link's token, or None."""
    if not token or len(token) > 64:
        return None
    return usable().select_related("group").filter(token=token).first()


def normalise_code(code):
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def by_code(code):
    """The usable invitation of this short code (spaces, dashes and case ignored), or None."""
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return usable().select_related("group").filter(code=code).first()


def remember(request, invitation):
    request.session[SESSION_KEY] = invitation.token


def remembered(request):
    """The usable invitation whose link this visitor opened, or None."""
    return by_token(request.session.get(SESSION_KEY))


def forget(request):
    request.session.pop(SESSION_KEY, None)


def join(invitation, user):
    """The user's membership of the invitation's group: made now through the invitation, or the one they have.

    Raises JoinError with a message for the learner when the invitation cannot take them (revoked or expired since,
    full, or they lead the group). The invitation's row is locked while members are counted, so that two learners
    joining at once cannot pass its limit.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("group").filter(pk=invitation.pk).first()
        if invitation is None or not invitation.usable():
            raise JoinError(_("This invitation is no longer valid. Ask your practitioner for a new one."))
        group = invitation.group
        if group.practitioner_id == user.pk:
            raise JoinError(_("You lead this group: you cannot join it as a member."))
        existing = Membership.objects.filter(group=group, user=user).first()
        if existing is not None:
            return existing, False
        if invitation.member_limit is not None and invitation.memberships.count() >= invitation.member_limit:
            raise JoinError(_("This invitation has reached its member limit. Ask your practitioner for a new one."))
        return Membership.objects.create(group=group, user=user, invitation=invitation), True


def leave(membership):
    """The member leaves: their shares with the group go at once, and with them the group's access to the items."""
    with transaction.atomic():
        Share.objects.filter(group=membership.group_id, user=membership.user_id).delete()
        membership.delete()


def revoke(invitation):
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])

"""Who may see what of a group: its practitioner (while they are one) and its members, each only what is meant for
them. Anything else is a 404, never a 403, so that nobody learns that a group, a share or a comment exists.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from groups.models import LearningGroup, Membership, Share

PRACTITIONERS_GROUP = "Practitioners"  # the Django group a coordinator adds an account to (docs/groups.md)
PRACTITIONER, MEMBER = "practitioner", "member"


def is_practitioner(user):
    """Whether the account is in the Practitioners group now (checked on every request, never remembered)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_groups_is_practitioner", None)
    if cached is None:
        cached = user.groups.filter(name=PRACTITIONERS_GROUP).exists()
        user._groups_is_practitioner = cached
    return cached


@dataclass(frozen=True)
class Seat:
    """A signed-in account's place in one group: its practitioner, or a member (with the membership)."""

    group: LearningGroup
    role: str
    membership: Membership | None = None

    @property
    def practitioner(self):
        return self.role == PRACTITIONER

    def shares(self):
        """The shares this account may see in the group: all of them for the practitioner; for a member, their own
        and those shared with the whole group."""
        shares = Share.objects.filter(group=self.group)
        if self.practitioner:
            return shares
        return shares.filter(Q(user=self.membership.user_id) | Q(audience=Share.GROUP))

    def can_see(self, share):
        if share.group_id != self.group.pk:
            return False
        return self.practitioner or share.user_id == self.membership.user_id or share.audience == Share.GROUP


def seat(request, group_id, *, practitioner_only=False, member_only=False):
    """The signed-in account's seat in the group, or a 404 (not theirs, no such group, or no longer a practitioner)."""
    user = request.user
    group = LearningGroup.objects.filter(pk=group_id).first()
    if group is None:
        raise Http404
    if group.practitioner_id == user.pk and is_practitioner(user):
        if member_only:
            raise Http404
        return Seat(group, PRACTITIONER)
    if practitioner_only:
        raise Http404
    membership = Membership.objects.filter(group=group, user=user).select_related("user").first()
    if membership is None:
        raise Http404
    return Seat(group, MEMBER, membership)


def visible_share(seat_, share_id):
    """The share with this id that the seat may see, or a 404."""
    share = Share.objects.filter(pk=share_id, group=seat_.group).select_related("user").first()
    if share is None or not seat_.can_see(share):
        raise Http404
    return share

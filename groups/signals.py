"""A visitor who signs up through an invitation's link joins the group at once: the link left its token in their
session (`groups.invitations.remember`), and allauth's `user_signed_up` finds it there."""

import logging

from allauth.account.signals import user_signed_up
from django.contrib import messages
from django.dispatch import receiver
from django.utils.translation import gettext as _

from groups import invitations

logger = logging.getLogger(__name__)


@receiver(user_signed_up, dispatch_uid="groups_join_on_sign_up")
def join_on_sign_up(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    invitation = invitations.remembered(request)
    invitations.forget(request)
    if invitation is None:
        return
    try:
        _membership, created = invitations.join(invitation, user)
    except invitations.JoinError as error:
        messages.warning(request, str(error))
        return
    if created:
        messages.success(request, _("You have joined the group “%(name)s”.") % {"name": invitation.group.name})

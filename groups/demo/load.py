"""The demo's practitioner: a public account in the Practitioners group, leading a group that follows the demo's
path, with an invitation whose link and code the demo command prints."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from groups.access import PRACTITIONERS_GROUP
from groups.models import Invitation, LearningGroup
from learners.models import LearnerProfile, PathPage

PRACTITIONER_EMAIL = "practitioner@example.com"
GROUP_NAME = "Improving our Career Management Skills together"


def practitioner(password):
    """The demo practitioner (created once; safe to run again) and their group; returns (account, invitation)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username="practitioner", defaults={"email": PRACTITIONER_EMAIL})
    if created:
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=PRACTITIONER_EMAIL, defaults={"primary": True, "verified": True}
    )
    now = timezone.now()
    LearnerProfile.objects.get_or_create(
        user=user, defaults={"language": "en", "privacy_accepted_at": now, "consent_confirmed_at": now}
    )
    user.groups.add(Group.objects.get_or_create(name=PRACTITIONERS_GROUP)[0])
    path = PathPage.objects.filter(locale__language_code="en").live().first()
    if path is None:
        return user, None
    group, _created = LearningGroup.objects.get_or_create(
        practitioner=user,
        name=GROUP_NAME,
        defaults={
            "language": "en",
            "path_key": path.translation_key,
            "description": "A demo group: follow the path step by step and share what you want feedback on.",
        },
    )
    invitation = group.invitations.filter(revoked_at__isnull=True).first() or Invitation.objects.create(group=group)
    return user, invitation

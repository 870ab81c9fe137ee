"""Public accounts through django-allauth: the sign-up form with its consents."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.i18n import localize
from learners.models import LearnerProfile, PrivacyNoticePage


def privacy_notice(language=None):
    """The live privacy notice in the reader's language (or English while it is not translated), or None."""
    notices = localize(PrivacyNoticePage.objects.live().public().filter(locale__language_code="en"), language)
    return notices[0] if notices else None


class SignupForm(AllauthSignupForm):
    """allauth's e-mail sign-up, with the privacy notice accepted and the age of consent (or invitation) confirmed."""

    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and I accept it."),
        error_messages={"required": _("Please read the privacy notice and accept it to create an account.")},
    )
    confirm_consent = forms.BooleanField(
        label=_("I am old enough to consent to this in my country, or my practitioner invited me to join."),
        error_messages={"required": _("Please confirm that you may consent, or that your practitioner invited you.")},
    )

    @transaction.atomic
    def save(self, request):
        user = super().save(request)
        now = timezone.now()
        LearnerProfile.objects.create(
            user=user,
            language=get_language() or "en",
            privacy_accepted_at=now,
            consent_confirmed_at=now,
        )
        return user

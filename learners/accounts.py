"""Public accounts through django-allauth: the sign-up form with its consents, the adapter, how an account is
named, and the admin's login form that keeps public accounts out of Wagtail's admin.

E-mails go out in the language of the page where the learner asked for them: allauth sends every e-mail during
the learner's own request under /<lang>/accounts/, where the language is active, and the links in it lead to that
language's pages (see docs/decisions.md, "Public accounts").
"""

import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from home.i18n import localize
from learners.models import LearnerProfile, PrivacyNoticePage

logger = logging.getLogger(__name__)


def privacy_notice(language=None):
    """The live privacy notice in the reader's language (or English while it is not translated), or None."""
    notices = localize(PrivacyNoticePage.objects.live().public().filter(locale__language_code="en"), language)
    return notices[0] if notices else None


def user_display(user):
    """How allauth names an account in its pages, messages and e-mails (ACCOUNT_USER_DISPLAY): its e-mail address.

    Learners sign in with their e-mail address and never see the user name allauth derives from it.
    """
    return user.email or user.get_username()


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter (ACCOUNT_ADAPTER), keeping the reader in their language when they log out, and saying so
    when an e-mail cannot be sent."""

    def get_logout_redirect_url(self, request):
        """The home page in the language the reader was using: "/" would pick one from the browser's settings."""
        return f"/{get_language() or settings.LANGUAGE_CODE}/"

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The account's failed logins are counted under its name alone. allauth counts them per site, and without
        `django.contrib.sites` the site is the request's host with its port, which a client writes itself: a new
        port in `Host` (refused by no ALLOWED_HOSTS, which ignores ports) would start a new count."""
        return credentials.get("email", credentials.get("username", "")).lower()

    def send_mail(self, template_prefix, email, context):
        """Every e-mail of the accounts (password reset, address verification). When the portal has no e-mail
        settings, or the mail server refuses or does not answer, the reader gets a 503 page that says the e-mail
        was not sent, never the "we have sent you an e-mail" page."""
        if not settings.EMAIL_CONFIGURED:
            raise ImmediateHttpResponse(email_not_sent(allauth_context.request))
        try:
            super().send_mail(template_prefix, email, context)
        except (smtplib.SMTPException, OSError) as exc:
            logger.error("e-mail not sent (%s): %s: %s", template_prefix, type(exc).__name__, exc)
            raise ImmediateHttpResponse(email_not_sent(allauth_context.request)) from exc


def email_not_sent(request):
    return render(request, "account/email_not_sent.html", status=503)


class SignupForm(AllauthSignupForm):
    """allauth's e-mail sign-up, with the privacy notice accepted and the age of consent (or invitation) confirmed."""

    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and I accept it."),
        help_text=_("The privacy notice says what we store about you, why, for how long and who can see it."),
        error_messages={"required": _("Please read the privacy notice and accept it to create an account.")},
    )
    confirm_consent = forms.BooleanField(
        label=_("I am old enough to consent to this in my country, or my practitioner invited me to join."),
        error_messages={"required": _("Please confirm that you may consent, or that your practitioner invited you.")},
    )

    field_order = ["email", "password1", "password2", "accept_privacy", "confirm_consent"]

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


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM) for accounts that may use the admin, and no other.

    Django's login view would otherwise sign in any account with the right password, public accounts included:
    a learner would get a session without allauth's e-mail verification, two-factor step or rate limits. Their
    right password is refused with the same message as a wrong one, so /admin/login/ tells nobody whether a
    learner's password is right.

    The password is checked through allauth's adapter, so the admin's login has the public login's limits on failed
    attempts (`ACCOUNT_RATE_LIMITS["login_failed"]`: per client address, and per account name); a right password
    does not count against them.
    """

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = get_adapter(self.request).authenticate(
                    self.request, username=username, password=password
                )
            except ValidationError as error:  # allauth's "Too many failed login attempts. Try again later."
                raise forms.ValidationError(error.messages, code="too_many_login_attempts") from error
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise self.get_invalid_login_error()

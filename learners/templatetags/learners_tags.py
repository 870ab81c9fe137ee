"""Template tags of the account pages: their navigation, and the privacy notice that sign-up asks to accept."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from learners import accounts

register = template.Library()

# The account pages a signed-in learner manages, by URL name, in the navigation's order.
ACCOUNT_PAGES = [
    ("account_email", _("Email address")),
    ("account_change_password", _("Password")),
    ("mfa_index", _("Two-factor authentication")),
    ("learners:dashboard", _("My space")),
]


@register.inclusion_tag("allauth/includes/account_navigation.html", takes_context=True)
def account_navigation(context):
    """The navigation between a signed-in learner's account pages, and "Log out".

    Each link says whether it is the page shown (aria-current="page") or a page below it is, such as activating an
    authenticator app under two-factor authentication (aria-current="true").
    """
    request = context.get("request")
    path = request.path if request else ""
    links = []
    for name, label in ACCOUNT_PAGES:
        url = reverse(name)
        current = "page" if path == url else "true" if path.startswith(url) else ""
        links.append({"url": url, "label": label, "current": current})
    return {"links": links}


@register.simple_tag
def privacy_notice():
    """The live privacy notice in the reader's language (English while it is not translated), or None."""
    return accounts.privacy_notice(get_language())

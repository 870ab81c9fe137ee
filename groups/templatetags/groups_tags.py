"""How a group names its people: a member by their name, or the part of their e-mail address before the @."""

from django import template
from django.utils.translation import gettext as _

from groups import labels

register = template.Library()


@register.filter
def member_name(user):
    if user is None:
        return _("deleted account")
    name = user.get_full_name()
    return name or (user.email or user.get_username()).split("@")[0]


@register.filter
def share_label(share):
    """What was shared, by its kind and title."""
    return labels.share_label(share)

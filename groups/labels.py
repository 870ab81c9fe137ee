"""How a shared item is named, in the reader's language: its kind and its title."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def share_label(share):
    item = share.item
    if item is None:
        return _("An item no longer there")
    if share.kind == share.ASSESSMENT:
        day = item.completed_at or item.started_at
        return _("Self-assessment: %(title)s, %(date)s") % {
            "title": item.framework_title,
            "date": date_format(day, "DATE_FORMAT"),
        }
    if share.kind == share.SHOWCASE:
        return _("Showcase page: %(title)s") % {"title": item.title}
    return _("Evidence: %(title)s") % {"title": item.title}

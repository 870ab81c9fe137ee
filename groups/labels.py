"""How a shared item is named, in the reader's language: its kind and its title."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def label_for(kind, title, day):
    """The name of an item of this kind (Share.ASSESSMENT, SHOWCASE, EVIDENCE): None for the title of one gone."""
    if title is None:
        return _("An item no longer there")
    if kind == "assessment":
        return _("Self-assessment: %(title)s, %(date)s") % {"title": title, "date": date_format(day, "DATE_FORMAT")}
    if kind == "showcase":
        return _("Showcase page: %(title)s") % {"title": title}
    return _("Evidence: %(title)s") % {"title": title}


def share_label(share):
    item = share.item
    if item is None:
        return label_for(share.kind, None, None)
    if share.kind == share.ASSESSMENT:
        return label_for(share.kind, item.framework_title, item.completed_at or item.started_at)
    return label_for(share.kind, item.title, None)

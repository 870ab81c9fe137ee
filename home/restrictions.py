"""The sections readers may not see without signing in or a password (Wagtail's view restrictions), read once per
content generation (`home.memos`; saving or deleting a restriction bumps it) instead of two to five times a page.

`private_q()` is Wagtail's `PageQuerySet.private_q()` from that list; `BasePage` pages use it for `.public()`
and skip Wagtail's per-page check when no page has a restriction (the usual case: the check then reads nothing).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from home import memos


def _read():
    return tuple(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct())


def restricted_sections():
    """(path, depth) of every page with a view restriction."""
    return memos.remembered(("view restrictions",), _read)


def none_known():
    """Whether it is known, without reading the database again, that no page has a view restriction."""
    return memos.current() is not None and not restricted_sections()


def private_q():
    """The pages in a restricted section and their descendants (Wagtail's `private_q`); no page when none is."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        return private_q()

"""What the site search calls each page type, without the search app being imported by the content apps.

A content app registers, for each page type that is a kind of its own in the search (a resource, a pilot action, a
career, a training), the kind's code and its name for readers; every other page is a "page". The search
(`sitesearch`, above every content app) reads the registry to label results and to offer the kinds as a filter.
"""

from django.utils.translation import gettext_lazy as _

PAGE = "page"
_kinds = {PAGE: _("Pages")}  # kind -> name for readers, in the order they are offered
_kind_of_model = {}  # page model label ("resources.ResourcePage") -> kind


def search_kind(page_model_label, kind, name):
    """Register the pages of that model as the search's `kind`, offered to readers as `name` (a lazy translation)."""
    _kinds.setdefault(kind, name)
    _kind_of_model[page_model_label] = kind


def kind_of(page):
    return _kind_of_model.get(page._meta.label, PAGE)


def kinds():
    """[(kind, name)] in the order registered, "page" first."""
    return list(_kinds.items())

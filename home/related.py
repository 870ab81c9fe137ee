"""What a higher app shows on a lower app's pages, without the lower app importing it.

A higher app registers, for a page type it does not own, a function that gives one value of the page's template
context (for example the Matrix registers the resources of a framework area for the area page). `BasePage` adds
every registered value to its context. Functions should return querysets or other lazy values where they can, so
that a template that does not show them costs nothing.
"""

from collections import defaultdict

_providers = defaultdict(list)  # page model label ("cms_framework.FrameworkAreaPage") -> [(context name, function)]


def shows_on(page_model_label, name):
    """Register `function(page, request)` as the context value `name` of the pages of that model."""

    def register(function):
        _providers[page_model_label].append((name, function))
        return function

    return register


def related_context(page, request):
    return {name: function(page, request) for name, function in _providers.get(page._meta.label, ())}

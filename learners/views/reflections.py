"""Placeholder until this part of the learner's space is built (issue 9)."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


index = _todo
edit = _todo
delete = _todo

"""Who may see a learner's pages: the signed-in owner alone. Another account's object is a 404, never a 403."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def learner_view(view):
    """A page of a learner's own space: signed in (anonymous visitors are sent to log in), never cached."""
    return never_cache(login_required(view))


def owned(queryset_or_model, request, **lookup):
    """The learner's own object matching `lookup`, or a 404 whether it belongs to someone else or to no one."""
    return get_object_or_404(queryset_or_model, user=request.user, **lookup)


def local_url(request, url):
    """`url` if it leads to this site, else None: a `next` that could send the learner elsewhere is ignored."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None

"""A showcase opened by its secret link: anyone with the token reads it (and its evidence files) while the link is
active; an unknown, revoked or expired token is a 404, the same for all three."""

from django.http import Http404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portfolio.files import file_response
from portfolio.models import Evidence, ShowcaseItem
from portfolio.showcases import open_link, render_showcase


def _link(token, record=True):
    link = open_link(token, record=record)
    if link is None:
        raise Http404
    return link


@never_cache
@require_safe
def showcase(request, token):
    link = _link(token)

    def file_url(evidence):
        return reverse("portfolio_shared:evidence_file", args=[token, evidence.pk])

    return render_showcase(request, link.showcase, {"file_url": file_url, "shared_link": link})


@never_cache
@require_safe
def evidence_file(request, token, pk):
    """A file of evidence that is on the shared page; any other evidence, even the same learner's, is a 404."""
    link = _link(token, record=False)
    item = (
        ShowcaseItem.objects.select_related("evidence")
        .filter(showcase=link.showcase, kind=ShowcaseItem.EVIDENCE, evidence__pk=pk, evidence__kind=Evidence.FILE)
        .first()
    )
    if item is None:
        raise Http404
    return file_response(item.evidence)

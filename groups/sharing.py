"""Sharing with a group: what a member can share (their completed self-assessments, showcase pages and evidence),
sharing one with the practitioner alone or with the whole group, and unsharing it.

A share names the item by a foreign key of its kind; the item stays the member's own, and deleting it deletes the
share. Nothing is shared unless the member shares it.
"""

from dataclasses import dataclass

from django.db import transaction

from groups.models import Share
from learners.models import Assessment
from portfolio.models import Evidence, Showcase


@dataclass(frozen=True)
class Shareable:
    kind: str
    pk: object
    label: str

    @property
    def value(self):
        return f"{self.kind}:{self.pk}"


def _assessment_label(assessment):
    date = assessment.completed_at or assessment.started_at
    return f"{assessment.framework_title} ({date:%Y-%m-%d})"


# For each kind: the member's own items that may be shared, and how each is named in the share form.
def _own_assessments(user):
    return Assessment.objects.filter(user=user, completed_at__isnull=False).order_by("-completed_at")


def _own_showcases(user):
    return Showcase.objects.filter(user=user).order_by("-updated_at")


def _own_evidence(user):
    return Evidence.objects.filter(user=user).order_by("-date", "-created_at")


def _titled(item):
    return item.title


KINDS = {
    Share.ASSESSMENT: (_own_assessments, _assessment_label),
    Share.SHOWCASE: (_own_showcases, _titled),
    Share.EVIDENCE: (_own_evidence, _titled),
}


def shareable_items(user):
    """Every item of the member's that may be shared, kind by kind (one query a kind)."""
    items = []
    for kind, (own, label) in KINDS.items():
        items.extend(Shareable(kind, item.pk, label(item)) for item in own(user))
    return items


def own_item(user, kind, pk):
    """The member's own item of this kind and id, or None (someone else's, not shareable, or no such item)."""
    if kind not in KINDS:
        return None
    own, _label = KINDS[kind]
    return own(user).filter(pk=pk).first()


def share(group, user, item, kind, audience, step_key=None):
    """Share the member's item with the group (or change with whom and at which step it is shared)."""
    with transaction.atomic():
        found = Share.objects.select_for_update().filter(group=group, kind=kind, **{kind: item}).first()
        if found is None:
            return Share.objects.create(
                group=group, user=user, kind=kind, audience=audience, step_key=step_key, **{kind: item}
            )
        found.audience, found.step_key = audience, step_key
        found.save(update_fields=["audience", "step_key"])
        return found


def related_items():
    """The names of the shares' item relations, to select with them (one query for any number of shares)."""
    return list(KINDS)

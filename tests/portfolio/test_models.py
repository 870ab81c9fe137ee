import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from learners.factories import GoalFactory
from portfolio.factories import (
    EvidenceFactory,
    FileEvidenceFactory,
    ShareLinkFactory,
    ShowcaseFactory,
    ShowcaseItemFactory,
)
from portfolio.models import ShareLink, ShowcaseItem
from tests.portfolio.conftest import stored_files

pytestmark = pytest.mark.django_db


def test_a_file_is_stored_privately_under_a_random_name(private_storage):
    evidence = FileEvidenceFactory()
    assert evidence.file.name.startswith("portfolio/")
    assert "certificate" not in evidence.file.name
    assert stored_files(private_storage) == [evidence.file.name]


def test_share_tokens_are_long_and_distinct():
    links = [ShareLinkFactory() for _ in range(5)]
    tokens = {link.token for link in links}
    assert len(tokens) == 5
    assert all(len(token) >= 43 for token in tokens)


def test_active_links_leave_out_revoked_and_expired_ones():
    now = timezone.now()
    active = ShareLinkFactory()
    ShareLinkFactory(revoked_at=now)
    ShareLinkFactory(expires_at=now - timezone.timedelta(minutes=1))
    later = ShareLinkFactory(expires_at=now + timezone.timedelta(days=1))
    assert set(ShareLink.objects.active()) == {active, later}
    assert not ShareLink.objects.get(revoked_at__isnull=False).is_active()


def test_an_item_must_point_at_what_its_kind_says():
    showcase = ShowcaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE)
    goal = GoalFactory(user=showcase.user)
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.TEXT, goal=goal)
    item = ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.GOAL, goal=goal, text="")
    assert item.target == goal


def test_deleting_evidence_removes_its_items():
    evidence = EvidenceFactory()
    showcase = ShowcaseFactory(user=evidence.user)
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
    evidence.delete()
    assert not showcase.items.exists()

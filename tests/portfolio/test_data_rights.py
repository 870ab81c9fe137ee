"""The e-portfolio in the learner's export (evidence with its files, showcases, share links, never a token) and in
the account's deletion (rows and files: nothing left in the storage)."""

import io
import json
import zipfile

import pytest
from django.utils import timezone

from learners.erasure import erase_account
from learners.factories import LEARNER_PASSWORD
from portfolio.factories import (
    PDF_BYTES,
    EvidenceCompetenceFactory,
    EvidenceFactory,
    FileEvidenceFactory,
    ShareLinkFactory,
    ShowcaseFactory,
    ShowcaseItemFactory,
)
from portfolio.models import Evidence, EvidenceCompetence, ShareLink, Showcase, ShowcaseItem
from tests.portfolio.conftest import stored_files

pytestmark = pytest.mark.django_db

EXPORT = "/en/my/data/export.zip"


def open_export(response):
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return archive, json.loads(archive.read("leader-export.json")), archive.read("leader-export.html").decode()


@pytest.fixture
def portfolio(learner):
    evidence = FileEvidenceFactory(user=learner, title="My <certificate>", file_name="../../certificate.pdf")
    EvidenceCompetenceFactory(evidence=evidence, competence_code="SA.1", competence_title="Know yourself")
    text = EvidenceFactory(user=learner, title="Volunteering")
    showcase = ShowcaseFactory(user=learner, title="My year")
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
    ShowcaseItemFactory(showcase=showcase, text="Free words")
    link = ShareLinkFactory(showcase=showcase, last_viewed_at=timezone.now(), view_count=3)
    ShareLinkFactory(showcase=showcase, revoked_at=timezone.now())
    return evidence, text, showcase, link


def test_the_export_holds_the_portfolio_and_its_files(learner_client, learner, portfolio):
    evidence, text, showcase, link = portfolio
    FileEvidenceFactory()  # another learner's
    archive, data, html = open_export(learner_client.get(EXPORT))
    part = data["portfolio"]
    assert [item["title"] for item in part["evidence"]] == ["My <certificate>", "Volunteering"]
    record = next(item for item in part["evidence"] if item["id"] == str(evidence.pk))
    assert record["competences"][0]["code"] == "SA.1" and record["competences"][0]["title"] == "Know yourself"
    path = record["file"]["path"]
    assert path.startswith("portfolio/files/") and ".." not in path
    assert archive.read(path) == PDF_BYTES
    assert [name for name in archive.namelist() if name.startswith("portfolio/")] == [path]
    (exported,) = part["showcases"]
    assert exported["title"] == "My year"
    assert [item["kind"] for item in exported["items"]] == ["evidence", "text"]
    assert exported["items"][0]["evidence_id"] == str(evidence.pk)
    assert len(exported["share_links"]) == 2
    assert {entry["view_count"] for entry in exported["share_links"]} == {3, 0}
    whole = archive.read("leader-export.json").decode() + html
    assert link.token not in whole  # a link is a key: never written in a file that may be kept anywhere
    assert "My &lt;certificate&gt;" in html and "<certificate>" not in html


def test_deleting_the_account_removes_every_row_and_file(
    client, learner, portfolio, private_storage, django_capture_on_commit_callbacks
):
    other = FileEvidenceFactory()
    assert len(stored_files(private_storage)) == 2
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/my/data/delete/", {"password": LEARNER_PASSWORD, "understand": "on"})
    assert response.status_code == 302
    for model, lookup in [
        (Evidence, {"user": learner}),
        (EvidenceCompetence, {"evidence__user": learner}),
        (Showcase, {"user": learner}),
        (ShowcaseItem, {"showcase__user": learner}),
        (ShareLink, {"showcase__user": learner}),
    ]:
        assert not model.objects.filter(**lookup).exists(), model
    assert stored_files(private_storage) == [other.file.name]
    assert client.get(f"/en/shared/{portfolio[3].token}/").status_code == 404


def test_a_failed_deletion_keeps_the_files(learner, portfolio, private_storage, monkeypatch):
    monkeypatch.setattr(type(learner), "delete", lambda self: (_ for _ in ()).throw(RuntimeError("no")))
    with pytest.raises(RuntimeError):
        erase_account(learner)
    assert len(stored_files(private_storage)) == 1
    assert Evidence.objects.filter(user=learner).count() == 2


def test_the_export_does_not_grow_in_queries(learner_client, learner, portfolio, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as few:
        learner_client.get(EXPORT)
    for _ in range(5):
        evidence = FileEvidenceFactory(user=learner)
        EvidenceCompetenceFactory(evidence=evidence)
        showcase = ShowcaseFactory(user=learner)
        ShowcaseItemFactory(showcase=showcase)
        ShareLinkFactory(showcase=showcase)
    with django_assert_max_num_queries(len(few.captured_queries)):
        learner_client.get(EXPORT)

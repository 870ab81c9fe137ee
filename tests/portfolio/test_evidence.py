"""Evidence: adding a text, a link or a file of every kind; refusing hostile and over-size uploads with a clear
message and nothing left behind; editing, deleting (with the file); the file served only to its owner, with the
headers that keep a browser from running it; the list in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from learners.factories import GoalFactory, LearnerFactory
from portfolio.factories import PDF_BYTES, EvidenceCompetenceFactory, EvidenceFactory, FileEvidenceFactory
from portfolio.models import Evidence, EvidenceCompetence
from tests.portfolio.conftest import stored_files
from tests.portfolio.files import GIF, GOOD, HTML, PNG, SVG, upload

pytestmark = pytest.mark.django_db

NEW_FILE = "/en/my/portfolio/evidence/new/file/"


def post_file(client, name, content, **extra):
    data = {"title": "My certificate", "date": "2026-05-01", "text": "", **extra, "upload": upload(name, content)}
    return client.post(NEW_FILE, data)


def test_a_text_is_added_with_its_competences_goal_and_step(learner_client, learner, platform):
    competences = platform.framework.competences[:2]
    key = platform.framework.framework.translation_key
    goal = GoalFactory(user=learner)
    step = platform.steps[0]
    form = learner_client.get("/en/my/portfolio/evidence/new/text/")
    assert form.status_code == 200
    assert competences[0].title in form.content.decode()
    response = learner_client.post(
        "/en/my/portfolio/evidence/new/text/",
        {
            "title": "Volunteering at the food bank",
            "date": "2026-04-02",
            "text": "I organised the Saturday shifts.",
            "competences": [f"{key}:{competences[1].code}", f"{key}:{competences[0].code}"],
            "goal": str(goal.pk),
            "step": str(step.translation_key),
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(user=learner)
    assert evidence.kind == Evidence.TEXT
    assert evidence.date == datetime.date(2026, 4, 2)
    assert evidence.goal == goal
    assert evidence.step_key == step.translation_key and evidence.step_title == step.title
    rows = list(evidence.competences.all())
    assert [row.competence_code for row in rows] == [competences[0].code, competences[1].code]  # the framework's order
    assert rows[0].competence_title == competences[0].title and rows[0].framework_key == key
    listing = learner_client.get("/en/my/portfolio/").content.decode()
    assert "Volunteering at the food bank" in listing and competences[1].title in listing


def test_a_text_needs_its_text_and_a_link_its_address(learner_client, learner, platform):
    response = learner_client.post("/en/my/portfolio/evidence/new/text/", {"title": "x", "date": "2026-01-01"})
    assert response.status_code == 400
    assert "Write the text of your evidence." in response.content.decode()
    response = learner_client.post(
        "/en/my/portfolio/evidence/new/link/", {"title": "x", "date": "2026-01-01", "url": "javascript:alert(1)"}
    )
    assert response.status_code == 400
    assert "Enter a whole web address" in response.content.decode()
    assert not Evidence.objects.exists()
    response = learner_client.post(
        "/en/my/portfolio/evidence/new/link/", {"title": "x", "date": "2026-01-01", "url": "https://example.org/a"}
    )
    assert response.status_code == 302
    assert Evidence.objects.get().url == "https://example.org/a"


def test_an_unknown_kind_and_a_competence_of_no_framework_are_refused(learner_client, platform):
    assert learner_client.get("/en/my/portfolio/evidence/new/video/").status_code == 404
    response = learner_client.post(
        "/en/my/portfolio/evidence/new/text/",
        {"title": "x", "date": "2026-01-01", "text": "y", "competences": ["nope:XX.9"]},
    )
    assert response.status_code == 400
    assert "is not a competence of a published framework" in response.content.decode()
    assert not Evidence.objects.exists()


def test_another_learners_goal_is_refused(learner_client, platform):
    goal = GoalFactory()
    response = learner_client.post(
        "/en/my/portfolio/evidence/new/text/", {"title": "x", "date": "2026-01-01", "text": "y", "goal": goal.pk}
    )
    assert response.status_code == 400
    assert "Choose one of your goals." in response.content.decode()


@pytest.mark.parametrize("name", sorted(GOOD))
def test_every_kind_of_file_is_taken(learner_client, learner, private_storage, name, platform):
    response = post_file(learner_client, name, GOOD[name])
    assert response.status_code == 302, response.content.decode()[:2000]
    evidence = Evidence.objects.get(user=learner)
    assert evidence.file_name == name and evidence.size == len(GOOD[name])
    assert stored_files(private_storage) == [evidence.file.name]
    assert name not in evidence.file.name


REFUSED = [
    ("drawing.svg", SVG, "is not a kind of file the portfolio keeps"),
    ("page.html", HTML, "is not a kind of file the portfolio keeps"),
    ("page.htm", HTML, "is not a kind of file the portfolio keeps"),
    ("notes.txt", HTML, "is not a TXT file"),
    ("drawing.png", SVG, "is not a PNG file"),
    ("report.pdf", HTML, "is not a PDF file"),
    ("photo.jpg", PNG, "is not a JPG file"),
    ("cv.docx", PDF_BYTES, "is not a DOCX file"),
    ("program.exe", b"MZ\x90\x00", "is not a kind of file the portfolio keeps"),
    ("noextension", PDF_BYTES, "is not a kind of file the portfolio keeps"),
    ("empty.pdf", b"", "The file is empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), REFUSED)
def test_hostile_and_empty_files_are_refused_and_leave_nothing_behind(
    learner_client, private_storage, name, content, message, platform
):
    response = post_file(learner_client, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()
    assert stored_files(private_storage) == []


def test_a_file_over_the_limit_is_refused(learner_client, private_storage, settings, platform):
    settings.PORTFOLIO_MAX_FILE_SIZE = 1024 * 1024
    response = post_file(learner_client, "big.pdf", PDF_BYTES + b"0" * (1024 * 1024))
    assert response.status_code == 400
    assert "a file can be at most 1 MB" in response.content.decode()
    assert not Evidence.objects.exists() and stored_files(private_storage) == []


def test_the_learners_total_is_kept(learner_client, learner, private_storage, settings, platform):
    settings.PORTFOLIO_MAX_TOTAL_SIZE = 3 * len(PDF_BYTES)
    for _ in range(3):
        FileEvidenceFactory(user=learner)
    FileEvidenceFactory()  # another learner's file does not count
    response = post_file(learner_client, "one-more.pdf", PDF_BYTES)
    assert response.status_code == 400
    assert "over the" in response.content.decode()
    assert Evidence.objects.filter(user=learner).count() == 3
    assert len(stored_files(private_storage)) == 4


def test_a_failed_save_removes_the_file_it_stored(learner_client, private_storage, monkeypatch, platform):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(EvidenceCompetence.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        post_file(learner_client, "certificate.pdf", PDF_BYTES)
    assert not Evidence.objects.exists()
    assert stored_files(private_storage) == []


def test_replacing_a_file_removes_the_old_one(
    learner_client, learner, private_storage, platform, django_capture_on_commit_callbacks
):
    evidence = FileEvidenceFactory(user=learner)
    old = evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = learner_client.post(
            f"/en/my/portfolio/evidence/{evidence.pk}/",
            {"title": "New", "date": "2026-01-01", "upload": upload("photo.gif", GIF)},
        )
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.file_name == "photo.gif" and evidence.content_type == "image/gif"
    assert stored_files(private_storage) == [evidence.file.name] != [old]


def test_editing_without_a_new_file_keeps_it(learner_client, learner, private_storage, platform):
    evidence = FileEvidenceFactory(user=learner)
    url = f"/en/my/portfolio/evidence/{evidence.pk}/"
    response = learner_client.post(url, {"title": "Renamed", "date": "2026-01-01"})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.title == "Renamed" and stored_files(private_storage) == [evidence.file.name]


def test_deleting_evidence_removes_its_file(
    learner_client, learner, private_storage, django_capture_on_commit_callbacks
):
    evidence = FileEvidenceFactory(user=learner)
    assert learner_client.get(f"/en/my/portfolio/evidence/{evidence.pk}/delete/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert learner_client.post(f"/en/my/portfolio/evidence/{evidence.pk}/delete/").status_code == 302
    assert not Evidence.objects.exists()
    assert stored_files(private_storage) == []


@pytest.mark.parametrize(
    ("name", "content", "content_type", "inline"),
    [
        ("certificate.pdf", PDF_BYTES, "application/pdf", True),
        ("photo.png", PNG, "image/png", True),
        ("cv.docx", GOOD["cv.docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
        ("notes.txt", GOOD["notes.txt"], "text/plain; charset=utf-8", False),
    ],
)
def test_the_owner_gets_the_file_with_safe_headers(
    learner_client, learner, name, content, content_type, inline, platform
):
    post_file(learner_client, name, content)
    evidence = Evidence.objects.get(user=learner)
    response = learner_client.get(reverse("portfolio:evidence_file", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment") and name in disposition


def test_another_learner_and_an_anonymous_visitor_never_get_the_file(client, learner):
    evidence = FileEvidenceFactory(user=learner)
    url = reverse("portfolio:evidence_file", args=[evidence.pk])
    assert client.get(url).status_code == 302  # to log in, as every address of the learner's space
    client.force_login(LearnerFactory())
    assert client.get(url).status_code == 404
    assert client.get(f"/en/my/portfolio/evidence/{evidence.pk}/").status_code == 404
    assert client.post(f"/en/my/portfolio/evidence/{evidence.pk}/delete/").status_code == 404
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_a_file_missing_from_the_storage_is_a_404(learner_client, learner, private_storage):
    evidence = FileEvidenceFactory(user=learner)
    private_storage.delete(evidence.file.name)
    assert learner_client.get(reverse("portfolio:evidence_file", args=[evidence.pk])).status_code == 404
    text = EvidenceFactory(user=learner)
    assert learner_client.get(reverse("portfolio:evidence_file", args=[text.pk])).status_code == 404


def test_the_list_does_not_grow_in_queries(learner_client, learner, platform, django_assert_max_num_queries):
    def add(count):
        for _ in range(count):
            goal = GoalFactory(user=learner)
            evidence = EvidenceFactory(user=learner, goal=goal, step_key=platform.steps[0].translation_key)
            EvidenceCompetenceFactory(evidence=evidence)
            FileEvidenceFactory(user=learner)

    add(1)
    with django_assert_max_num_queries(100) as few:
        assert learner_client.get("/en/my/portfolio/").status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = learner_client.get("/en/my/portfolio/")
    assert response.content.decode().count('class="journal-entry"') == 22

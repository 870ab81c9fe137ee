"""Showcase pages: composing (adding each kind of item, moving up and down without script, removing), the preview,
secret links (created, opened, last viewed, revoked, expired), and the page in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from learners.factories import (
    AssessmentAnswerFactory,
    AssessmentFactory,
    GoalActionFactory,
    GoalFactory,
    ReflectionFactory,
)
from portfolio.factories import (
    PDF_BYTES,
    EvidenceCompetenceFactory,
    EvidenceFactory,
    FileEvidenceFactory,
    ShareLinkFactory,
    ShowcaseFactory,
    ShowcaseItemFactory,
)
from portfolio.models import ShareLink, Showcase, ShowcaseItem

pytestmark = pytest.mark.django_db


def compose_url(showcase):
    return reverse("portfolio:showcase", args=[showcase.pk])


def test_a_page_is_created_and_composed_with_every_kind_of_item(learner_client, learner, platform):
    response = learner_client.post("/en/my/portfolio/showcases/new/", {"title": "My year", "intro": "Hello."})
    assert response.status_code == 302
    showcase = Showcase.objects.get(user=learner)
    evidence = FileEvidenceFactory(user=learner, title="My certificate")
    reflection = ReflectionFactory(user=learner, text="What I learned this spring.")
    goal = GoalFactory(user=learner, title="Find an apprenticeship")
    GoalActionFactory(goal=goal, text="Call three workshops")
    competence = platform.framework.competences[0]
    assessment = AssessmentFactory(user=learner, framework_key=platform.framework.framework.translation_key)
    AssessmentAnswerFactory(assessment=assessment, competence_code=competence.code, level=2)
    add = reverse("portfolio:showcase_add_item", args=[showcase.pk])
    for kind, target in [("evidence", evidence), ("reflection", reflection), ("goal", goal), ("profile", assessment)]:
        assert learner_client.post(add, {"kind": kind, "target": str(target.pk)}).status_code == 302
    text = reverse("portfolio:showcase_add_text", args=[showcase.pk])
    assert learner_client.post(text, {"heading": "Next", "text": "What comes next."}).status_code == 302
    kinds = list(showcase.items.order_by("position").values_list("kind", flat=True))
    assert kinds == ["evidence", "reflection", "goal", "profile", "text"]
    page = learner_client.get(compose_url(showcase)).content.decode()
    expected = ["My certificate", "What I learned this spring.", "Call three workshops", competence.title, "Next"]
    assert all(text in page for text in expected)
    preview = learner_client.get(reverse("portfolio:showcase_preview", args=[showcase.pk]))
    assert preview.status_code == 200
    assert preview["X-Robots-Tag"].startswith("noindex")
    assert reverse("portfolio:evidence_file", args=[evidence.pk]) in preview.content.decode()


def test_another_learners_items_cannot_be_added(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    add = reverse("portfolio:showcase_add_item", args=[showcase.pk])
    for kind, target in [("evidence", EvidenceFactory()), ("reflection", ReflectionFactory()), ("goal", GoalFactory())]:
        response = learner_client.post(add, {"kind": kind, "target": str(target.pk)})
        assert response.status_code == 400
        assert "Choose one of your own items" in response.content.decode()
    assert learner_client.post(add, {"kind": "text", "target": "x"}).status_code == 400
    assert learner_client.post(add, {"kind": "evidence", "target": "not-a-uuid"}).status_code == 400
    assert not showcase.items.exists()


def test_an_empty_text_is_refused_beside_the_field(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    response = learner_client.post(reverse("portfolio:showcase_add_text", args=[showcase.pk]), {"text": ""})
    assert response.status_code == 400
    assert "Write the text to add." in response.content.decode()


def test_items_move_up_and_down_and_are_removed(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    first, second, third = (
        ShowcaseItemFactory(showcase=showcase, text=text, position=n * 5) for n, text in enumerate("abc")
    )
    move = reverse("portfolio:showcase_move_item", args=[showcase.pk, third.pk])
    assert learner_client.post(move, {"direction": "up"}).status_code == 302

    def order():
        return list(showcase.items.order_by("position", "id").values_list("text", flat=True))

    assert order() == ["a", "c", "b"]
    learner_client.post(reverse("portfolio:showcase_move_item", args=[showcase.pk, first.pk]), {"direction": "up"})
    assert order() == ["a", "c", "b"]  # the first stays first
    learner_client.post(reverse("portfolio:showcase_move_item", args=[showcase.pk, first.pk]), {"direction": "down"})
    assert order() == ["c", "a", "b"]
    assert learner_client.post(move, {"direction": "sideways"}).status_code == 400
    assert learner_client.get(move).status_code == 405
    remove = reverse("portfolio:showcase_remove_item", args=[showcase.pk, second.pk])
    assert learner_client.post(remove).status_code == 302
    assert order() == ["c", "a"]


def test_the_compose_page_moves_items_with_forms_that_post(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    items = [ShowcaseItemFactory(showcase=showcase) for _ in range(3)]
    page = learner_client.get(compose_url(showcase)).content.decode()
    assert page.count('name="direction" value="up"') == 2
    assert page.count('name="direction" value="down"') == 2
    assert reverse("portfolio:showcase_remove_item", args=[showcase.pk, items[1].pk]) in page


def test_a_secret_link_opens_the_page_until_it_is_revoked(learner_client, learner, client, django_user_model):
    showcase = ShowcaseFactory(user=learner, title="My shared year")
    evidence = FileEvidenceFactory(user=learner)
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
    other = FileEvidenceFactory(user=learner)  # the learner's, but not on the page
    assert learner_client.post(reverse("portfolio:showcase_link_new", args=[showcase.pk]), {}).status_code == 302
    link = ShareLink.objects.get(showcase=showcase)
    compose = learner_client.get(compose_url(showcase)).content.decode()
    assert link.token in compose and "never viewed" in compose
    learner_client.logout()
    url = f"/en/shared/{link.token}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "My shared year" in response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    file_url = reverse("portfolio_shared:evidence_file", args=[link.token, evidence.pk])
    assert file_url in response.content.decode()
    download = client.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    assert client.get(reverse("portfolio_shared:evidence_file", args=[link.token, other.pk])).status_code == 404
    link.refresh_from_db()
    assert link.last_viewed_at is not None and link.view_count == 1  # the page, not its files
    learner_client.force_login(learner)
    compose = learner_client.get(compose_url(showcase)).content.decode()
    assert "last viewed" in compose
    revoke = reverse("portfolio:showcase_link_revoke", args=[showcase.pk, link.pk])
    assert learner_client.post(revoke).status_code == 302
    assert client.get(url).status_code == 404
    assert client.get(file_url).status_code == 404


def test_expired_and_unknown_links_are_404(client):
    expired = ShareLinkFactory(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(f"/en/shared/{expired.token}/").status_code == 404
    assert client.get("/en/shared/not-a-token/").status_code == 404
    assert client.get("/en/shared/" + "x" * 300 + "/").status_code == 404
    expired.refresh_from_db()
    assert expired.last_viewed_at is None


def test_a_link_can_expire_at_the_end_of_a_chosen_day(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    url = reverse("portfolio:showcase_link_new", args=[showcase.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert learner_client.post(url, {"expires": tomorrow.isoformat()}).status_code == 302
    link = ShareLink.objects.get()
    assert timezone.localtime(link.expires_at).date() == tomorrow + datetime.timedelta(days=1)
    refused = [("2001-01-01", "Choose today or a later"), ("2999-01-01", "within a year"), ("soon", "Enter a date")]
    for bad, message in refused:
        response = learner_client.post(url, {"expires": bad})
        assert response.status_code == 400 and message in response.content.decode()
    assert ShareLink.objects.count() == 1


def _fill(showcase, learner, platform, count):
    key = platform.framework.framework.translation_key
    for _ in range(count):
        evidence = FileEvidenceFactory(user=learner, step_key=platform.steps[0].translation_key)
        EvidenceCompetenceFactory(evidence=evidence)
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
        reflection = ReflectionFactory(user=learner, step_key=platform.steps[1].translation_key)
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.REFLECTION, reflection=reflection, text="")
        goal = GoalFactory(user=learner)
        GoalActionFactory(goal=goal)
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.GOAL, goal=goal, text="")
        assessment = AssessmentFactory(user=learner, framework_key=key)
        AssessmentAnswerFactory(assessment=assessment, competence_code=platform.framework.competences[0].code)
        ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.PROFILE, assessment=assessment, text="")
        ShowcaseItemFactory(showcase=showcase)


def test_a_shared_page_does_not_grow_in_queries(client, learner, platform, django_assert_max_num_queries):
    showcase = ShowcaseFactory(user=learner)
    link = ShareLinkFactory(showcase=showcase)
    _fill(showcase, learner, platform, 1)
    with django_assert_max_num_queries(100) as few:
        assert client.get(f"/en/shared/{link.token}/").status_code == 200
    _fill(showcase, learner, platform, 8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/shared/{link.token}/")
    assert response.content.decode().count("portfolio-item--") == 45


def test_the_compose_page_does_not_grow_in_queries(learner_client, learner, platform, django_assert_max_num_queries):
    showcase = ShowcaseFactory(user=learner)
    ShareLinkFactory(showcase=showcase)
    _fill(showcase, learner, platform, 1)
    with django_assert_max_num_queries(100) as few:
        assert learner_client.get(compose_url(showcase)).status_code == 200
    _fill(showcase, learner, platform, 8)
    ShareLinkFactory(showcase=showcase)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert learner_client.get(compose_url(showcase)).status_code == 200


def test_deleting_a_page_deletes_its_links_but_not_what_it_showed(learner_client, learner):
    showcase = ShowcaseFactory(user=learner)
    evidence = EvidenceFactory(user=learner)
    ShowcaseItemFactory(showcase=showcase, kind=ShowcaseItem.EVIDENCE, evidence=evidence, text="")
    link = ShareLinkFactory(showcase=showcase)
    assert learner_client.get(reverse("portfolio:showcase_delete", args=[showcase.pk])).status_code == 200
    assert learner_client.post(reverse("portfolio:showcase_delete", args=[showcase.pk])).status_code == 302
    assert not ShareLink.objects.filter(pk=link.pk).exists()
    evidence.refresh_from_db()

"""The step-by-step path: page types, reading it anonymously, marking steps done, progress in every language, the
resources a step uses, bad input on the "done" form, bounded queries."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms_framework.models import PilotActionPage
from home.factories import ContentPageFactory, LocaleFactory, copy_translation
from home.models import ContentPage, HomePage
from learners.factories import PathPageFactory, StepPageFactory, StepProgressFactory
from learners.models import PathPage, StepPage, StepProgress
from learners.paths import path_progress, paths_for
from tests.utils import redirect_target

PATH_URL = "/en/open-platform/improving-my-cms/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return soup(response).get_text(" ", strip=True)


def done_url(step):
    with translation.override("en"):
        return reverse("learners:step_done", args=[step.translation_key])


def statuses(response):
    return [p.get_text(" ", strip=True) for p in soup(response).select(".path-step__status")]


def count_queries(client, url):
    client.get(url)  # warm the site-root cache, as a running server has
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def assert_publicly_cacheable(response):
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.fixture
def greek(platform):
    """The platform's open-platform tree, Matrix resource and pilot action copied into Greek (titles end in [el])."""
    el = LocaleFactory(language_code="el")
    tree = platform.framework
    copy_translation(tree.home, el)
    copy_translation(platform.section, el)
    path = copy_translation(platform.path, el)
    steps = [copy_translation(step, el) for step in platform.steps]
    matrix = copy_translation(tree.matrix, el)
    resource = copy_translation(tree.resources[0], el)
    pilot_index = copy_translation(tree.pilot_index, el)
    pilot = copy_translation(tree.pilots[0], el)
    return {
        "path": path,
        "steps": steps,
        "matrix": matrix,
        "resource": resource,
        "pilot_index": pilot_index,
        "pilot": pilot,
    }


# The page types' places in the tree.


def test_a_path_goes_under_a_content_page_and_holds_steps_only():
    assert set(PathPage.allowed_parent_page_models()) == {ContentPage}
    assert set(PathPage.allowed_subpage_models()) == {StepPage}
    assert PathPage in ContentPage.allowed_subpage_models()
    assert PathPage not in HomePage.allowed_subpage_models()


def test_a_step_goes_under_a_path_and_holds_nothing():
    assert set(StepPage.allowed_parent_page_models()) == {PathPage}
    assert set(StepPage.allowed_subpage_models()) == set()


def test_can_exist_under_follows_the_rules(platform):
    home, section, path, step = platform.framework.home, platform.section, platform.path, platform.steps[0]
    assert PathPage.can_exist_under(section)
    assert not PathPage.can_exist_under(home)
    assert not PathPage.can_exist_under(path)
    assert StepPage.can_exist_under(path)
    assert not StepPage.can_exist_under(section)
    assert not StepPage.can_exist_under(step)
    assert not ContentPage.can_exist_under(path)


# path_progress and paths_for.


def test_progress_of_someone_not_signed_in_is_nothing_done(platform):
    progress = path_progress(None, platform.path)
    assert [state.step.pk for state in progress.steps] == [step.pk for step in platform.steps]
    assert [state.number for state in progress.steps] == [1, 2, 3, 4, 5, 6]
    assert not any(state.done for state in progress.steps)
    assert (progress.done_count, progress.total) == (0, 6)
    assert progress.next_step.step.pk == platform.steps[0].pk
    assert not progress.started
    assert not progress.complete


def test_progress_counts_the_steps_done_and_finds_the_first_not_done(platform, learner, other_learner):
    for step in platform.steps[:2] + platform.steps[3:4]:
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    StepProgressFactory(
        user=other_learner, path_key=platform.path.translation_key, step_key=platform.steps[2].translation_key
    )
    progress = path_progress(learner, platform.path)
    assert [state.done for state in progress.steps] == [True, True, False, True, False, False]
    assert (progress.done_count, progress.total) == (3, 6)
    assert progress.next_step.number == 3
    assert progress.started and not progress.complete
    assert progress.state_of(platform.steps[3]).done
    previous, following = progress.neighbours(progress.state_of(platform.steps[0]))
    assert previous is None and following.number == 2


def test_a_path_is_complete_when_every_live_step_is_done(platform, learner):
    platform.steps[5].unpublish()
    for step in platform.steps[:5]:
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    progress = path_progress(learner, platform.path)
    assert progress.total == 5  # the unpublished step is not part of the path
    assert progress.complete
    assert progress.next_step is None
    assert progress.state_of(platform.steps[5]) is None


def test_paths_for_lists_the_live_paths_of_the_language_with_their_own_steps(platform, learner, greek):
    second = PathPageFactory(parent=platform.section, title="Second path", slug="second")
    second_steps = [StepPageFactory(parent=second, slug=f"s{number}") for number in range(3)]
    draft = PathPageFactory(parent=platform.section, title="Draft path", slug="draft", live=False)
    StepPageFactory(parent=draft, slug="draft-step")
    StepProgressFactory(user=learner, path_key=second.translation_key, step_key=second_steps[1].translation_key)

    english = paths_for(learner, "en")
    assert [progress.path.title for progress in english] == ["Improving my Career Management Skills", "Second path"]
    assert [progress.total for progress in english] == [6, 3]
    assert [state.step.pk for state in english[1].steps] == [step.pk for step in second_steps]
    assert [progress.done_count for progress in english] == [0, 1]
    assert english[1].next_step.number == 1

    greek_paths = paths_for(learner, "el")
    assert [progress.path.pk for progress in greek_paths] == [greek["path"].pk]
    assert [state.step.pk for state in greek_paths[0].steps] == [step.pk for step in greek["steps"]]
    assert paths_for(learner, "tr") == []


def test_paths_for_defaults_to_the_reader_language(platform, greek):
    with translation.override("el"):
        assert [progress.path.pk for progress in paths_for(None)] == [greek["path"].pk]


def test_paths_for_runs_the_same_queries_whatever_the_number_of_paths_and_steps(platform, learner):
    def queries():
        with CaptureQueriesContext(connection) as context:
            result = paths_for(learner, "en")
        return len(context.captured_queries), result

    few, result = queries()
    assert len(result) == 1
    for number in range(3):
        path = PathPageFactory(parent=platform.section, slug=f"more-{number}")
        for step_number in range(4):
            step = StepPageFactory(parent=path, slug=f"more-{number}-{step_number}")
            StepProgressFactory(user=learner, path_key=path.translation_key, step_key=step.translation_key)
    many, result = queries()
    assert len(result) == 4 and result[3].complete
    assert many == few


# Reading a path and its steps without an account.


def test_anyone_reads_the_path_with_its_steps_in_order_and_an_invitation(platform, client):
    response = client.get(PATH_URL)
    assert response.status_code == 200
    assert_publicly_cacheable(response)
    page = soup(response)
    assert page.h1.get_text() == "Improving my Career Management Skills"
    assert "Step by step, at your own pace." in page.select_one(".rich-text").get_text()
    titles = [a.get_text() for a in page.select("ol.path-steps .path-step__title a")]
    assert titles == [step.title for step in platform.steps]
    assert [a["href"] for a in page.select(".path-step__title a")] == [step.url for step in platform.steps]
    assert statuses(response) == []  # no "done" or "not done" for someone who is not signed in
    invitation = page.select_one(".path-invitation")
    links = {a["href"] for a in invitation.select("a")}
    assert links == {
        f"/en/accounts/signup/?next={PATH_URL.replace('/', '%2F')}",
        f"/en/accounts/login/?next={PATH_URL.replace('/', '%2F')}",
    }
    assert page.select("form[method=post]") == []


def test_anyone_reads_every_step(platform, client):
    for number, step in enumerate(platform.steps, start=1):
        response = client.get(step.url)
        assert response.status_code == 200, step.url
        assert_publicly_cacheable(response)
        page = soup(response)
        assert page.h1.get_text() == step.title
        assert f"Step {number} of 6" in page.select_one(".eyebrow").get_text(" ", strip=True)
        assert page.select_one(".eyebrow a")["href"] == PATH_URL
        assert page.select_one(".path-invitation") is not None
        assert page.select("form[method=post]") == [], step.url  # no form, so no CSRF cookie either


def test_the_reflection_step_asks_an_anonymous_reader_to_log_in(platform, client):
    response = client.get(platform.steps[0].url)
    page = soup(response)
    assert "What do you expect from your next year?" in page.select_one(".step-activity__prompt").get_text()
    login = page.find("a", string="Log in to write your answer")
    assert login["href"] == "/en/accounts/login/?next=" + platform.steps[0].url.replace("/", "%2F")


def test_previous_and_next_step_links(platform, client):
    first = soup(client.get(platform.steps[0].url))
    assert first.select_one(".step-nav a[rel=prev]") is None
    assert first.select_one(".step-nav a[rel=next]")["href"] == platform.steps[1].url
    middle = soup(client.get(platform.steps[2].url))
    assert middle.select_one(".step-nav a[rel=prev]")["href"] == platform.steps[1].url
    assert middle.select_one(".step-nav a[rel=next]")["href"] == platform.steps[3].url
    last = soup(client.get(platform.steps[5].url))
    assert last.select_one(".step-nav a[rel=next]") is None


def test_a_step_not_live_is_not_listed_nor_counted(platform, client):
    platform.steps[1].unpublish()
    response = client.get(PATH_URL)
    assert len(soup(response).select(".path-step")) == 5
    assert "Step 2 of 5" in soup(client.get(platform.steps[2].url)).select_one(".eyebrow").get_text(" ", strip=True)


# The resources and pilot actions a step uses, and the links of each activity.


def synchronise_choices(source, target):
    """The translated step with the source's choices again, as wagtail-localize's synchronised fields keep them."""
    target.resources.set(source.resources.all())
    target.pilot_actions.set(source.pilot_actions.all())
    target.save_revision().publish()
    return StepPage.objects.get(pk=target.pk)


def test_the_resources_and_pilot_actions_used_show_as_cards(platform, client):
    page = soup(client.get(platform.steps[2].url))
    cards = [(a.get_text(), a["href"]) for a in page.select(".card__title a")]
    resource, pilot = platform.framework.resources[0], platform.framework.pilots[0]
    assert cards == [(resource.title, resource.get_url()), (pilot.title, pilot.url)]


def test_the_resources_used_show_in_the_reader_language(platform, greek, client):
    response = client.get(greek["steps"][2].url)
    assert response.status_code == 200
    cards = [(a.get_text(), a["href"]) for a in soup(response).select(".card__title a")]
    assert cards == [
        ("Resource 000 [el]", greek["resource"].get_url()),
        ("Careers week [el]", greek["pilot"].url),
    ]
    assert greek["resource"].get_url().startswith("/el/")


def test_a_chosen_resource_not_translated_shows_in_its_own_language_and_a_draft_not_at_all(platform, greek, client):
    step = platform.steps[2]
    step.resources.set(platform.framework.resources[:2])
    step.pilot_actions.set(platform.framework.pilots[1:])
    step.save_revision().publish()
    greek_step = synchronise_choices(step, greek["steps"][2])
    platform.framework.pilots[1].unpublish()
    titles = [a.get_text() for a in soup(client.get(greek_step.url)).select(".card__title a")]
    assert titles == ["Resource 000 [el]", "Resource 001"]


def test_the_explore_step_links_the_matrix_and_the_pilot_actions_of_the_reader_language(platform, greek, client):
    english = soup(client.get(platform.steps[3].url)).select(".step-activity a")
    assert [a["href"] for a in english] == [platform.framework.matrix.url, platform.framework.pilot_index.url]
    greek_links = soup(client.get(greek["steps"][3].url)).select(".step-activity a")
    assert [a["href"] for a in greek_links] == [greek["matrix"].url, greek["pilot_index"].url]
    assert all(a["href"].startswith("/el/") for a in greek_links)


@pytest.mark.parametrize(
    ("index", "names"),
    [
        (1, ["learners:assessment_index"]),
        (2, ["learners:suggestions"]),
        (4, ["learners:goal_new", "learners:goals"]),
        (5, ["learners:profile", "learners:reflections", "learners:goal_plan"]),
    ],
    ids=["assess", "suggestions", "goals", "review"],
)
def test_each_activity_links_the_learner_space(platform, learner_client, index, names):
    links = [a["href"] for a in soup(learner_client.get(platform.steps[index].url)).select(".step-activity a")]
    assert links == [reverse(name) for name in names]


def test_the_reflection_step_gives_a_learner_the_form_the_reflections_view_takes(platform, learner_client):
    step = platform.steps[0]
    response = learner_client.get(step.url)
    form = soup(response).select_one("form.step-reflection-form")
    assert form["method"] == "post"
    assert form["action"] == reverse("learners:reflection_new")
    fields = {field["name"]: field for field in form.select("input, textarea")}
    assert set(fields) == {"csrfmiddlewaretoken", "step", "next", "text"}
    assert fields["step"]["value"] == str(step.translation_key)
    assert fields["next"]["value"] == step.url
    assert fields["text"].name == "textarea"
    label = form.select_one("label[for=step-reflection-text]")
    assert label.get_text() == "Your answer"
    assert int(fields["text"]["maxlength"]) == 5000


# Marking steps done.


def test_a_learner_marks_steps_done_and_the_next_step_moves(platform, learner, learner_client):
    page = soup(learner_client.get(PATH_URL))
    assert page.select_one(".path-invitation") is None
    assert "You have done 0 of 6 steps." in page.select_one(".path-progress").get_text(" ", strip=True)
    assert page.select_one(".path-progress a").get_text() == "Start with step 1: Step 1: reflect"
    assert statuses(learner_client.get(PATH_URL)) == ["Not done yet"] * 6

    response = learner_client.post(done_url(platform.steps[0]), {"done": "1"})
    assert redirect_target(response) == platform.steps[0].url
    followed = learner_client.get(platform.steps[0].url)
    assert "Step marked as done." in soup(followed).select_one(".messages").get_text()
    assert "You have marked this step as done." in text_of(followed)
    assert soup(followed).select_one(".step-done input[name=done]")["value"] == "0"

    response = learner_client.get(PATH_URL)
    assert statuses(response) == ["✓ Done"] + ["Not done yet"] * 5
    link = soup(response).select_one(".path-progress a")
    assert link.get_text() == "Continue with step 2: Step 2: assess"
    assert link["href"] == platform.steps[1].url

    learner_client.post(done_url(platform.steps[1]), {"done": "1"})
    learner_client.post(done_url(platform.steps[3]), {"done": "1"})
    link = soup(learner_client.get(PATH_URL)).select_one(".path-progress a")
    assert link["href"] == platform.steps[2].url

    response = learner_client.post(done_url(platform.steps[0]), {"done": "0"})
    assert redirect_target(response) == platform.steps[0].url
    assert "Step marked as not done." in text_of(learner_client.get(platform.steps[0].url))
    assert soup(learner_client.get(PATH_URL)).select_one(".path-progress a")["href"] == platform.steps[0].url
    assert set(StepProgress.objects.filter(user=learner).values_list("step_key", flat=True)) == {
        platform.steps[1].translation_key,
        platform.steps[3].translation_key,
    }
    assert set(StepProgress.objects.filter(user=learner).values_list("path_key", flat=True)) == {
        platform.path.translation_key
    }


def test_marking_twice_is_the_same_as_once(platform, learner, learner_client):
    for _attempt in range(2):
        assert learner_client.post(done_url(platform.steps[0]), {"done": "1"}).status_code == 302
    assert StepProgress.objects.filter(user=learner).count() == 1
    for _attempt in range(2):
        assert learner_client.post(done_url(platform.steps[0]), {"done": "0"}).status_code == 302
    assert StepProgress.objects.filter(user=learner).count() == 0


def test_marking_the_last_step_done_says_the_path_is_complete(platform, learner, learner_client):
    for step in platform.steps[:5]:
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    learner_client.post(done_url(platform.steps[5]), {"done": "1"})
    message = soup(learner_client.get(platform.steps[5].url)).select_one(".messages").get_text(" ", strip=True)
    assert "the path is complete" in message
    assert "Improving my Career Management Skills" in message
    page = soup(learner_client.get(PATH_URL))
    assert "You have done every step of this path." in page.select_one(".path-progress").get_text()
    assert statuses(learner_client.get(PATH_URL)) == ["✓ Done"] * 6


def test_one_learner_progress_is_not_another(platform, learner, other_learner, client):
    StepProgressFactory(
        user=learner, path_key=platform.path.translation_key, step_key=platform.steps[0].translation_key
    )
    client.force_login(other_learner)
    assert statuses(client.get(PATH_URL)) == ["Not done yet"] * 6


def test_progress_is_the_same_in_another_language(platform, greek, learner, learner_client):
    learner_client.post(done_url(platform.steps[0]), {"done": "1"})
    response = learner_client.get(greek["path"].url)
    assert response.status_code == 200
    with translation.override("el"):
        done, not_done = f"✓ {translation.gettext('Done')}", translation.gettext("Not done yet")
    assert done != "✓ Done"  # the Greek catalogue's words
    assert statuses(response) == [done] + [not_done] * 5
    link = soup(response).select_one(".path-progress a")
    assert link["href"] == greek["steps"][1].url
    assert "[el]" in link.get_text()

    # Marked in Greek, back to the Greek step, done in English too.
    with translation.override("el"):
        url = reverse("learners:step_done", args=[greek["steps"][1].translation_key])
    assert url.startswith("/el/my/")
    assert redirect_target(learner_client.post(url, {"done": "1"})) == greek["steps"][1].url
    assert statuses(learner_client.get(PATH_URL)) == ["✓ Done", "✓ Done"] + ["Not done yet"] * 4
    assert StepProgress.objects.filter(user=learner).count() == 2


def test_the_signed_in_pages_are_private(platform, learner_client):
    for url in (PATH_URL, platform.steps[0].url):
        cache_control = learner_client.get(url).headers["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control


def test_a_local_next_is_followed_and_another_host_is_not(platform, learner_client):
    url = done_url(platform.steps[0])
    assert redirect_target(learner_client.post(url, {"done": "1", "next": PATH_URL})) == PATH_URL
    for target in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)", "http:///evil.example"):
        response = learner_client.post(url, {"done": "1", "next": target})
        assert redirect_target(response) == platform.steps[0].url, target


# Bad requests on the "done" form.


def test_get_on_step_done_is_not_allowed(platform, learner_client):
    response = learner_client.get(done_url(platform.steps[0]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    # Someone not signed in is sent to log in first, as from every address of the learner's space.
    assert redirect_target(Client().get(done_url(platform.steps[0]))).startswith("/en/accounts/login/?next=")


def test_someone_not_signed_in_is_sent_to_log_in(platform, client):
    url = done_url(platform.steps[0])
    target = redirect_target(client.post(url, {"done": "1"}))
    assert target.startswith("/en/accounts/login/")
    assert StepProgress.objects.count() == 0


def test_an_unknown_or_unpublished_step_is_a_404(platform, learner_client):
    with translation.override("en"):
        unknown = reverse("learners:step_done", args=[uuid.uuid4()])
    assert learner_client.post(unknown, {"done": "1"}).status_code == 404
    platform.steps[0].unpublish()
    assert learner_client.post(done_url(platform.steps[0]), {"done": "1"}).status_code == 404
    # A translation key of another kind of page is no step either.
    with translation.override("en"):
        section = reverse("learners:step_done", args=[platform.section.translation_key])
    assert learner_client.post(section, {"done": "1"}).status_code == 404
    assert learner_client.post("/en/my/steps/not-a-uuid/done/", {"done": "1"}).status_code == 404
    assert StepProgress.objects.count() == 0


@pytest.mark.parametrize("value", ["", "2", "yes", "true", "1; drop", "<script>"], ids=repr)
def test_a_tampered_done_value_is_a_400_and_changes_nothing(platform, learner_client, value):
    response = learner_client.post(done_url(platform.steps[0]), {"done": value})
    assert response.status_code == 400
    alert = soup(response).select_one("[role=alert]")
    assert "Nothing was changed" in alert.get_text()
    assert "<script>" not in response.content.decode()
    assert soup(response).find("a", href=platform.steps[0].url) is not None
    assert StepProgress.objects.count() == 0


def test_a_missing_done_value_is_a_400(platform, learner_client):
    assert learner_client.post(done_url(platform.steps[0]), {}).status_code == 400


# Bounded queries.


def test_the_path_page_queries_do_not_grow_with_the_steps(platform, learner, learner_client):
    anonymous_client = Client()
    anonymous, signed_in = count_queries(anonymous_client, PATH_URL), count_queries(learner_client, PATH_URL)
    for number in range(6):
        step = StepPageFactory(parent=platform.path, slug=f"extra-{number}", summary="One more step.")
        StepProgressFactory(user=learner, path_key=platform.path.translation_key, step_key=step.translation_key)
    assert count_queries(anonymous_client, PATH_URL) == anonymous
    assert count_queries(learner_client, PATH_URL) == signed_in
    assert statuses(anonymous_client.get(PATH_URL)) == []
    assert statuses(learner_client.get(PATH_URL)).count("✓ Done") == 6
    assert len(soup(learner_client.get(PATH_URL)).select(".path-step")) == 12


def test_the_step_page_queries_do_not_grow_with_the_steps_or_the_resources(platform, learner_client):
    step, anonymous_client = platform.steps[2], Client()
    before, anonymous = count_queries(learner_client, step.url), count_queries(anonymous_client, step.url)
    for number in range(6):
        StepPageFactory(parent=platform.path, slug=f"extra-{number}")
    tree = platform.framework
    step.resources.set([tree.add_resource(number) for number in range(10, 16)])
    step.pilot_actions.set(PilotActionPage.objects.all())
    step.save_revision().publish()
    assert count_queries(learner_client, step.url) == before
    assert count_queries(anonymous_client, step.url) == anonymous
    assert len(soup(learner_client.get(step.url)).select(".card")) == 8


def test_the_steps_of_another_path_do_not_count(platform, client):
    other = PathPageFactory(parent=ContentPageFactory(parent=platform.framework.home, slug="other"), slug="p")
    StepPageFactory(parent=other, slug="elsewhere")
    assert len(soup(client.get(PATH_URL)).select(".path-step")) == 6

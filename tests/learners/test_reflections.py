"""Reflections: the list, writing one standalone or for a step's prompt (in the reader's language), editing,
deleting; bad steps, over-long texts and foreign `next` values; other learners get 404, visitors the log-in page."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import LocaleFactory, copy_translation
from learners.factories import ReflectionFactory
from learners.models import TEXT_MAX_LENGTH, Reflection
from tests.learners.journal_checks import assert_sound_html
from tests.utils import redirect_target

LIST = "/en/my/reflections/"
NO_SUCH_STEP = "7e1f7c1a-0000-4000-8000-000000000000"  # fixed: parameters must be the same on every xdist worker
NEW = "/en/my/reflections/new/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def edit_url(reflection, language="en"):
    return f"/{language}/my/reflections/{reflection.pk}/"


def delete_url(reflection):
    return f"/en/my/reflections/{reflection.pk}/delete/"


@pytest.fixture
def reflect_step(platform):
    return platform.steps[0]


def greek_step(platform, step, prompt):
    """The tree down to `step` copied into Greek, the step's prompt written in Greek."""
    locale = LocaleFactory(language_code="el")
    for page in (platform.framework.home, platform.section, platform.path):
        copy_translation(page, locale)
    greek = copy_translation(step, locale)
    greek.prompt = prompt
    greek.save_revision().publish()
    return greek


class TestAccess:
    def test_visitors_are_sent_to_log_in(self, client, learner):
        reflection = ReflectionFactory(user=learner)
        for url in (LIST, NEW, edit_url(reflection), delete_url(reflection)):
            assert redirect_target(client.get(url)) == f"/en/accounts/login/?next={url}"
        assert redirect_target(client.post(NEW, {"text": "Sneaky"})).startswith("/en/accounts/login/")
        assert not Reflection.objects.filter(text="Sneaky").exists()

    def test_another_learners_reflection_is_not_found(self, learner_client, other_learner):
        theirs = ReflectionFactory(user=other_learner, text="Their private thoughts")
        assert learner_client.get(edit_url(theirs)).status_code == 404
        assert learner_client.get(delete_url(theirs)).status_code == 404
        assert learner_client.post(edit_url(theirs), {"text": "Overwritten"}).status_code == 404
        assert learner_client.post(delete_url(theirs)).status_code == 404
        theirs.refresh_from_db()
        assert theirs.text == "Their private thoughts"
        assert "Their private thoughts" not in learner_client.get(LIST).content.decode()

    def test_an_unknown_id_is_not_found(self, learner_client):
        assert learner_client.get(f"/en/my/reflections/{uuid.uuid4()}/").status_code == 404
        assert learner_client.get("/en/my/reflections/not-a-uuid/").status_code == 404

    def test_pages_are_private_and_never_stored(self, learner_client, learner):
        reflection = ReflectionFactory(user=learner)
        for url in (LIST, NEW, edit_url(reflection), delete_url(reflection)):
            cache_control = learner_client.get(url)["Cache-Control"]
            assert "private" in cache_control and "no-store" in cache_control


class TestList:
    def test_newest_first_dated_with_the_prompt_each_answers(self, learner_client, learner, reflect_step):
        older = ReflectionFactory(user=learner, prompt="", text="My own thought")
        newer = ReflectionFactory(
            user=learner, step_key=reflect_step.translation_key, prompt="What do you expect?", text="A job"
        )
        Reflection.objects.filter(pk=older.pk).update(created_at=newer.created_at.replace(year=2020))
        page = soup(learner_client.get(LIST))
        entries = page.select(".journal-entry")
        assert [entry.h2.get_text(strip=True) for entry in entries] == ["What do you expect?", "A reflection of my own"]
        assert [entry.select_one(".journal-entry__text").get_text(strip=True) for entry in entries] == [
            "A job",
            "My own thought",
        ]
        assert entries[1].time["datetime"].startswith("2020-")
        step_link = entries[0].select_one(".journal-entry__meta a")
        assert step_link["href"] == reflect_step.url and step_link.get_text() == reflect_step.title
        assert entries[0].select_one(f"a[href='{edit_url(newer)}']")
        assert entries[0].select_one(f"a[href='{delete_url(newer)}']")

    def test_empty_list_invites_to_write(self, learner_client):
        page = soup(learner_client.get(LIST))
        assert not page.select(".journal-entry")
        assert page.select_one(f"a[href='{NEW}']")

    def test_text_is_escaped(self, learner_client, learner):
        ReflectionFactory(user=learner, text="<script>alert(1)</script>")
        content = learner_client.get(LIST).content.decode()
        assert "<script>alert(1)" not in content
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content

    def test_queries_do_not_grow_with_the_reflections(self, learner_client, learner, platform):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert learner_client.get(LIST).status_code == 200
            return len(queries)

        ReflectionFactory(user=learner, step_key=platform.steps[0].translation_key)
        count()  # Wagtail caches the site's root paths on the first request
        few = count()
        for step in platform.steps:
            ReflectionFactory.create_batch(3, user=learner, step_key=step.translation_key)
        assert count() == few


class TestWrite:
    def test_a_reflection_of_ones_own(self, learner_client, learner):
        response = learner_client.post(NEW, {"text": "  I want to work with animals.  "})
        assert redirect_target(response) == LIST
        reflection = Reflection.objects.get(user=learner)
        assert (reflection.text, reflection.prompt, reflection.step_key) == ("I want to work with animals.", "", None)
        assert [str(message) for message in learner_client.get(LIST).context["messages"]] == [
            "Your reflection is saved."
        ]

    def test_the_step_prefills_its_prompt(self, learner_client, reflect_step):
        page = soup(learner_client.get(f"{NEW}?step={reflect_step.translation_key}&next={reflect_step.url}"))
        assert page.select_one(".journal-prompt__text").get_text() == reflect_step.prompt
        assert page.select_one("input[name=step]")["value"] == str(reflect_step.translation_key)
        assert page.select_one("input[name=next]")["value"] == reflect_step.url
        assert page.select_one("label[for=id_text]").get_text(strip=True) == "Your answer"
        assert page.select_one("textarea")["aria-describedby"] == "reflection-prompt id_text_helptext"

    def test_the_step_page_posts_its_answer_and_goes_back(self, learner_client, learner, reflect_step):
        data = {"step": str(reflect_step.translation_key), "text": "A place to learn", "next": reflect_step.url}
        assert redirect_target(learner_client.post(NEW, data)) == reflect_step.url
        reflection = Reflection.objects.get(user=learner)
        assert reflection.step_key == reflect_step.translation_key
        assert reflection.prompt == reflect_step.prompt

    def test_the_prompt_stays_as_it_was_answered(self, learner_client, learner, reflect_step):
        learner_client.post(NEW, {"step": str(reflect_step.translation_key), "text": "Answer"})
        reflect_step.prompt = "A new question"
        reflect_step.save_revision().publish()
        reflect_step.unpublish()
        reflection = Reflection.objects.get(user=learner)
        assert reflection.prompt == "What do you expect from your next year?"
        entry = soup(learner_client.get(LIST)).select_one(".journal-entry")
        assert entry.h2.get_text() == "What do you expect from your next year?"
        assert entry.select_one(".journal-entry__meta a") is None  # the step is no longer published

    def test_the_prompt_in_the_readers_language(self, learner_client, learner, platform, reflect_step):
        greek_step(platform, reflect_step, "Τι περιμένεις από την επόμενη χρονιά;")
        key = reflect_step.translation_key
        page = soup(learner_client.get(f"/el/my/reflections/new/?step={key}"))
        assert page.select_one(".journal-prompt__text").get_text() == "Τι περιμένεις από την επόμενη χρονιά;"
        learner_client.post("/el/my/reflections/new/", {"step": str(key), "text": "Μια δουλειά"})
        assert Reflection.objects.get(user=learner).prompt == "Τι περιμένεις από την επόμενη χρονιά;"
        # Not translated into Turkish: the English prompt.
        page = soup(learner_client.get(f"/tr/my/reflections/new/?step={key}"))
        assert page.select_one(".journal-prompt__text").get_text() == reflect_step.prompt

    @pytest.mark.parametrize("step", ["not-a-uuid", NO_SUCH_STEP, "'; DROP TABLE learners_reflection; --", "x" * 500])
    def test_a_bad_step_in_the_address_is_a_400_with_a_message(self, learner_client, step, platform):
        response = learner_client.get(NEW, {"step": step})
        assert response.status_code == 400
        alert = soup(response).select_one("[role=alert]")
        assert "This step of the path does not exist" in alert.get_text()
        assert soup(response).select_one("textarea[name=text]")  # a reflection of one's own is still possible

    @pytest.mark.parametrize("step", ["not-a-uuid", NO_SUCH_STEP, "x" * 500])
    def test_a_bad_step_in_the_form_saves_nothing(self, learner_client, learner, step, platform):
        response = learner_client.post(NEW, {"step": step, "text": "Answer"})
        assert response.status_code == 400
        assert soup(response).select_one("[role=alert] ul li")
        assert not Reflection.objects.filter(user=learner).exists()

    def test_an_unpublished_step_cannot_be_answered(self, learner_client, learner, reflect_step):
        reflect_step.unpublish()
        response = learner_client.post(NEW, {"step": str(reflect_step.translation_key), "text": "Answer"})
        assert response.status_code == 400
        assert not Reflection.objects.filter(user=learner).exists()

    @pytest.mark.parametrize("text", ["", "   ", "\r\n"], ids=["empty", "spaces", "newline"])
    def test_text_is_required(self, learner_client, learner, text):
        response = learner_client.post(NEW, {"text": text})
        assert response.status_code == 400
        textarea = soup(response).select_one("textarea[name=text]")
        assert textarea["aria-invalid"] == "true"
        assert "id_text_error" in textarea["aria-describedby"]
        assert soup(response).select_one("#id_text_error").get_text() == "Write something before you save."
        assert not Reflection.objects.filter(user=learner).exists()

    def test_text_too_long(self, learner_client, learner):
        response = learner_client.post(NEW, {"text": "a" * (TEXT_MAX_LENGTH + 1)})
        assert response.status_code == 400
        assert "at most 5000 characters (it has 5001)" in soup(response).select_one("#id_text_error").get_text()
        assert not Reflection.objects.filter(user=learner).exists()

    def test_line_breaks_count_once_as_the_browser_counts_them(self, learner_client, learner):
        half = TEXT_MAX_LENGTH // 2
        text = "a" * half + "\r\n" + "b" * (TEXT_MAX_LENGTH - half - 1)  # 5,001 characters sent, 5,000 typed
        assert redirect_target(learner_client.post(NEW, {"text": text})) == LIST
        assert len(Reflection.objects.get(user=learner).text) == TEXT_MAX_LENGTH

    def test_textarea_tells_its_limit(self, learner_client):
        textarea = soup(learner_client.get(NEW)).select_one("textarea[name=text]")
        assert textarea["maxlength"] == str(TEXT_MAX_LENGTH)
        assert "id_text_helptext" in textarea["aria-describedby"]

    @pytest.mark.parametrize(
        "next_url",
        ["https://evil.example/", "//evil.example/path", "javascript:alert(1)", "http://testserver.evil/"],
    )
    def test_next_elsewhere_is_ignored(self, learner_client, next_url):
        assert redirect_target(learner_client.post(NEW, {"text": "Answer", "next": next_url})) == LIST
        cancel = soup(learner_client.get(NEW, {"next": next_url})).select_one(".journal-form__actions a")
        assert cancel["href"] == LIST

    def test_get_and_post_only(self, learner_client):
        assert learner_client.put(NEW).status_code == 405
        assert learner_client.post(LIST).status_code == 405


class TestEditAndDelete:
    def test_edit_changes_the_text_only(self, learner_client, learner, platform):
        reflection = ReflectionFactory(user=learner, prompt="The old prompt", text="Before")
        page = soup(learner_client.get(edit_url(reflection)))
        assert page.select_one("textarea[name=text]").get_text(strip=True) == "Before"
        assert page.select_one(".journal-prompt__text").get_text() == "The old prompt"
        assert page.select_one("input[name=step]") is None
        data = {"text": "After", "step": str(platform.steps[0].translation_key)}
        assert redirect_target(learner_client.post(edit_url(reflection), data)) == LIST
        reflection.refresh_from_db()
        assert (reflection.text, reflection.prompt, reflection.step_key) == ("After", "The old prompt", None)

    def test_edit_with_an_empty_text_keeps_the_old_one(self, learner_client, learner):
        reflection = ReflectionFactory(user=learner, text="Before")
        assert learner_client.post(edit_url(reflection), {"text": ""}).status_code == 400
        reflection.refresh_from_db()
        assert reflection.text == "Before"

    def test_delete_asks_first_then_deletes(self, learner_client, learner):
        reflection = ReflectionFactory(user=learner, text="Going away")
        page = soup(learner_client.get(delete_url(reflection)))
        assert "Going away" in page.select_one("blockquote").get_text()
        assert page.select_one(f"form[method=post][action='{delete_url(reflection)}'] button[type=submit]")
        assert Reflection.objects.filter(pk=reflection.pk).exists()
        assert redirect_target(learner_client.post(delete_url(reflection))) == LIST
        assert not Reflection.objects.filter(pk=reflection.pk).exists()
        assert learner_client.post(delete_url(reflection)).status_code == 404


def test_every_page_is_sound_html(learner_client, learner, platform):
    reflection = ReflectionFactory(user=learner, step_key=platform.steps[0].translation_key)
    ReflectionFactory(user=learner)
    step = platform.steps[0].translation_key
    for response in (
        learner_client.get(LIST),
        learner_client.get(NEW, {"step": str(step)}),
        learner_client.get(NEW, {"step": "nope"}),
        learner_client.post(NEW, {"step": str(step), "text": ""}),
        learner_client.get(edit_url(reflection)),
        learner_client.get(delete_url(reflection)),
    ):
        assert_sound_html(response.content)


def test_an_answer_with_an_error_is_described_by_its_prompt_limit_and_error(learner_client, reflect_step):
    response = learner_client.post(NEW, {"step": str(reflect_step.translation_key), "text": ""})
    assert response.status_code == 400
    textarea = soup(response).select_one("textarea[name=text]")
    assert textarea["aria-describedby"] == "reflection-prompt id_text_helptext id_text_error"
    assert soup(response).select_one("#reflection-prompt").get_text() == reflect_step.prompt

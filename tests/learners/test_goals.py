"""Goals, the learner's action plan: the list, setting and editing a goal with its actions (an inline formset without
JavaScript), deleting, the printable plan; bad codes, dates, lengths and tampered forms save nothing."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_framework.models import FrameworkPage
from home.factories import LocaleFactory, copy_translation
from learners.factories import GoalActionFactory, GoalFactory, LearnerFactory
from learners.forms import MAX_ACTIONS
from learners.models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Goal, GoalAction
from tests.learners.journal_checks import assert_sound_html, form_data
from tests.utils import redirect_target

LIST = "/en/my/goals/"
NEW = "/en/my/goals/new/"
PLAN = "/en/my/goals/plan/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def edit_url(goal, language="en"):
    return f"/{language}/my/goals/{goal.pk}/"


def delete_url(goal):
    return f"/en/my/goals/{goal.pk}/delete/"


def fill(data, index, text, date="", status="planned"):
    data.update(
        {f"actions-{index}-text": text, f"actions-{index}-target_date": date, f"actions-{index}-status": status}
    )
    return data


@pytest.fixture
def new_form(learner_client, platform):
    """The new-goal form as the browser shows it (two empty action rows), filled with a title."""
    data = form_data(learner_client.get(NEW).content)
    data["title"] = "Find an apprenticeship"
    return data


class TestAccess:
    def test_visitors_are_sent_to_log_in(self, client, learner):
        goal = GoalFactory(user=learner)
        for url in (LIST, PLAN, NEW, edit_url(goal), delete_url(goal)):
            assert redirect_target(client.get(url)) == f"/en/accounts/login/?next={url}"
        client.post(delete_url(goal))
        assert Goal.objects.filter(pk=goal.pk).exists()

    def test_another_learners_goal_is_not_found(self, learner_client, other_learner):
        theirs = GoalFactory(user=other_learner, title="Their secret goal")
        GoalActionFactory(goal=theirs, text="Their secret action")
        assert learner_client.get(edit_url(theirs)).status_code == 404
        assert learner_client.post(edit_url(theirs), {"title": "Taken over"}).status_code == 404
        assert learner_client.get(delete_url(theirs)).status_code == 404
        assert learner_client.post(delete_url(theirs)).status_code == 404
        theirs.refresh_from_db()
        assert theirs.title == "Their secret goal"
        for url in (LIST, PLAN):
            content = learner_client.get(url).content.decode()
            assert "Their secret" not in content

    def test_an_unknown_goal_is_not_found(self, learner_client):
        assert learner_client.get(f"/en/my/goals/{uuid.uuid4()}/").status_code == 404
        assert learner_client.get(f"/en/my/goals/{uuid.uuid4()}/delete/").status_code == 404

    def test_pages_are_private_and_never_stored(self, learner_client, learner):
        goal = GoalFactory(user=learner)
        for url in (LIST, PLAN, NEW, edit_url(goal), delete_url(goal)):
            response = learner_client.get(url)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


class TestList:
    def test_goals_with_their_actions_and_competences(self, learner_client, learner, platform):
        goal = GoalFactory(
            user=learner, title="Find an apprenticeship", why="To earn and learn", competence_codes=["SA.1", "EX.2"]
        )
        GoalActionFactory(goal=goal, text="Visit the careers fair", target_date=datetime.date(2030, 3, 1), position=0)
        GoalActionFactory(goal=goal, text="Write my CV", target_date=None, status=GoalAction.DONE, position=1)
        section = soup(learner_client.get(LIST)).select_one(".journal-goal")
        assert section.h2.get_text() == "Find an apprenticeship"
        assert "To earn and learn" in section.select_one(".journal-goal__why").get_text()
        assert [li.get_text() for li in section.select(".journal-goal__competences li")] == [
            "SA.1 Self-awareness competence 1",
            "EX.2 Exploring learning and work competence 2",
        ]
        rows = [[td.get_text(strip=True) for td in row.select("td")] for row in section.select("tbody tr")]
        assert rows == [["Visit the careers fair", "March 1, 2030", "Planned"], ["Write my CV", "No date", "Done"]]
        assert section.select_one(f"a[href='{edit_url(goal)}']")
        assert section.select_one(f"a[href='{delete_url(goal)}']")

    def test_no_goal_yet_invites_to_set_one(self, learner_client):
        page = soup(learner_client.get(LIST))
        assert not page.select(".journal-goal")
        assert page.select_one(f"a[href='{NEW}']")
        assert not page.select_one(f"a[href='{PLAN}']")

    def test_competences_in_the_readers_language(self, learner_client, learner, platform):
        tree = platform.framework
        locale = LocaleFactory(language_code="el")
        copy_translation(tree.home, locale)
        copy_translation(tree.framework, locale)
        greek_area = copy_translation(tree.areas[0], locale)
        competence = greek_area.competences.get(code="SA.1")
        competence.title = "Αυτογνωσία 1"
        competence.save()
        GoalFactory(user=learner, competence_codes=["SA.1"])
        labels = [
            li.get_text() for li in soup(learner_client.get("/el/my/goals/")).select(".journal-goal__competences li")
        ]
        assert labels == ["SA.1 Αυτογνωσία 1"]

    def test_queries_do_not_grow_with_goals_and_actions(self, learner_client, learner, platform):
        def count(url):
            with CaptureQueriesContext(connection) as queries:
                assert learner_client.get(url).status_code == 200
            return len(queries)

        GoalActionFactory(goal=GoalFactory(user=learner))
        for url in (LIST, PLAN):
            count(url)  # Wagtail caches the site's root paths on the first request
        few = {url: count(url) for url in (LIST, PLAN)}
        for _goal in range(5):
            GoalActionFactory.create_batch(4, goal=GoalFactory(user=learner, competence_codes=["SA.1", "CB.2"]))
        assert {url: count(url) for url in (LIST, PLAN)} == few


class TestSetAGoal:
    def test_the_form_offers_the_competences_by_area(self, learner_client, platform):
        response = learner_client.get(NEW)
        assert_sound_html(response.content)
        page = soup(response)
        areas = page.select("fieldset.journal-choices")
        assert [area.legend.get_text(" ", strip=True) for area in areas] == [
            "SA Self-awareness",
            "EX Exploring learning and work",
            "CB Career building",
        ]
        assert [box["value"] for box in areas[0].select("input[type=checkbox]")] == ["SA.1", "SA.2"]
        assert page.select_one("label[for=id_competences_0]").get_text() == "SA.1 Self-awareness competence 1"
        assert len(page.select("fieldset.journal-fieldset--action")) == 2
        assert page.select_one("input[name='actions-0-target_date']")["type"] == "date"
        assert not page.select("input[name$='DELETE']")  # nothing to remove yet

    def test_a_goal_with_two_actions(self, learner_client, learner, new_form):
        new_form.update(why="To earn while I learn", competences=["EX.1", "SA.2"])
        fill(new_form, 0, "Visit the careers fair", "2030-03-01")
        fill(new_form, 1, "Ask my teacher", status="in_progress")
        assert redirect_target(learner_client.post(NEW, new_form)) == LIST
        goal = Goal.objects.get(user=learner)
        assert (goal.title, goal.why) == ("Find an apprenticeship", "To earn while I learn")
        assert goal.competence_codes == ["SA.2", "EX.1"]  # in the framework's order
        actions = list(goal.actions.values_list("text", "target_date", "status", "position"))
        assert actions == [
            ("Visit the careers fair", datetime.date(2030, 3, 1), "planned", 0),
            ("Ask my teacher", None, "in_progress", 1),
        ]
        messages = [str(message) for message in learner_client.get(LIST).context["messages"]]
        assert messages == ["Your goal is saved."]

    def test_empty_rows_add_nothing(self, learner_client, learner, new_form):
        assert redirect_target(learner_client.post(NEW, new_form)) == LIST
        assert Goal.objects.get(user=learner).actions.count() == 0

    def test_save_and_add_more_actions_comes_back_with_empty_rows(self, learner_client, learner, new_form):
        fill(new_form, 0, "First")
        fill(new_form, 1, "Second")
        response = learner_client.post(NEW, {**new_form, "more": "1"})
        goal = Goal.objects.get(user=learner)
        assert redirect_target(response) == edit_url(goal) + "#actions"
        page = soup(learner_client.get(edit_url(goal)))
        texts = [field.get("value", "") for field in page.select("input[name$='-text']")]
        assert texts == ["First", "Second", "", ""]

    def test_edit_changes_removes_and_adds_actions(self, learner_client, learner, platform):
        goal = GoalFactory(user=learner, title="Old title", competence_codes=["SA.1"])
        keep, drop = GoalActionFactory(goal=goal, text="Keep me", position=0), GoalActionFactory(goal=goal, position=1)
        data = form_data(learner_client.get(edit_url(goal)).content)
        assert data["competences"] == ["SA.1"]
        data.update(
            {"title": "New title", "competences": ["CB.1"], "actions-0-status": "done", "actions-1-DELETE": "on"}
        )
        fill(data, 2, "Something new", "2031-01-15")
        assert redirect_target(learner_client.post(edit_url(goal), data)) == LIST
        goal.refresh_from_db()
        assert (goal.title, goal.competence_codes) == ("New title", ["CB.1"])
        assert list(goal.actions.values_list("pk", "text", "status", "position")) == [
            (keep.pk, "Keep me", "done", 0),
            (goal.actions.get(text="Something new").pk, "Something new", "planned", 1),
        ]
        assert not GoalAction.objects.filter(pk=drop.pk).exists()

    def test_a_code_no_framework_has_any_more_is_kept_until_unticked(self, learner_client, learner, platform):
        goal = GoalFactory(user=learner, competence_codes=["SA.1", "OLD.7"])
        response = learner_client.get(edit_url(goal))
        page = soup(response)
        kept = page.select_one("input[value='OLD.7']")
        assert kept.has_attr("checked")
        assert "No longer in a published framework" in page.select_one("fieldset.journal-fieldset").get_text()
        data = form_data(response.content)
        assert redirect_target(learner_client.post(edit_url(goal), data)) == LIST
        goal.refresh_from_db()
        assert goal.competence_codes == ["SA.1", "OLD.7"]
        data["competences"] = ["SA.1"]
        learner_client.post(edit_url(goal), data)
        goal.refresh_from_db()
        assert goal.competence_codes == ["SA.1"]
        data["competences"] = ["SA.1", "OLD.7"]
        assert learner_client.post(edit_url(goal), data).status_code == 400  # no longer a choice

    def test_without_a_framework_the_goal_has_no_competence(self, learner_client, learner):
        FrameworkPage.objects.update(live=False)  # the module's shared tree may have one
        data = form_data(learner_client.get(NEW).content)
        assert "No framework is published yet" in soup(learner_client.get(NEW)).get_text()
        data["title"] = "A goal"
        assert redirect_target(learner_client.post(NEW, data)) == LIST
        assert Goal.objects.get(user=learner).competence_codes == []

    def test_up_to_the_maximum_of_actions(self, learner_client, learner, platform):
        goal = GoalFactory(user=learner)
        GoalActionFactory.create_batch(MAX_ACTIONS, goal=goal)
        page = soup(learner_client.get(edit_url(goal)))
        assert len(page.select("fieldset.journal-fieldset--action")) == MAX_ACTIONS


class TestBadInput:
    @pytest.mark.parametrize(
        ("change", "field_id", "message"),
        [
            ({"competences": ["ZZ.9"]}, "id_competences", "ZZ.9 is not a competence of a published framework."),
            ({"competences": ["<script>"]}, "id_competences", "is not a competence"),
            ({"title": ""}, "id_title", "Give your goal a title."),
            ({"title": "t" * (TITLE_MAX_LENGTH + 1)}, "id_title", "at most 200 characters"),
            ({"why": "w" * (TEXT_MAX_LENGTH + 1)}, "id_why", "at most 5000 characters"),
            (
                {"actions-0-text": "Go", "actions-0-target_date": "2030-02-30"},
                "id_actions-0-target_date",
                "Enter a date",
            ),
            ({"actions-0-text": "Go", "actions-0-target_date": "tomorrow"}, "id_actions-0-target_date", "Enter a date"),
            ({"actions-0-text": "a" * (TITLE_MAX_LENGTH + 1)}, "id_actions-0-text", "at most 200 characters"),
            ({"actions-0-text": "Go", "actions-0-status": "finished"}, "id_actions-0-status", "Select a valid choice"),
            ({"actions-0-status": "done"}, "id_actions-0-text", "This field is required."),
        ],
        ids=[
            "unknown-code",
            "script-code",
            "no-title",
            "long-title",
            "long-why",
            "feb-30",
            "word-date",
            "long-action",
            "bad-status",
            "status-without-text",
        ],
    )
    def test_a_message_beside_the_field_and_nothing_saved(self, learner_client, new_form, change, field_id, message):
        fill(new_form, 1, "A valid action")
        new_form.update(change)
        response = learner_client.post(NEW, new_form)
        assert response.status_code == 400
        assert_sound_html(response.content)
        page = soup(response)
        error = page.select_one(f"#{field_id}_error")
        assert error is not None and message in error.get_text()
        described = page.select_one(f"#{field_id}") or page.select_one("fieldset.journal-fieldset")
        assert f"{field_id}_error" in described["aria-describedby"]
        assert "Nothing was saved" in page.select_one("[role=alert]").get_text()
        assert "<script>" not in response.content.decode().split("</header>", 1)[1].replace("&lt;script&gt;", "")
        assert not Goal.objects.exists() and not GoalAction.objects.exists()

    @pytest.mark.parametrize(
        "management",
        [
            {"actions-TOTAL_FORMS": None},
            {"actions-TOTAL_FORMS": "abc"},
            {"actions-INITIAL_FORMS": "1"},
            {"actions-TOTAL_FORMS": str(MAX_ACTIONS + 1)},
            {"actions-TOTAL_FORMS": "100000000"},
        ],
        ids=["missing", "not-a-number", "initial-without-action", "one-too-many", "huge"],
    )
    def test_a_tampered_management_form(self, learner_client, new_form, management):
        fill(new_form, 0, "An action")
        for key, value in management.items():
            if value is None:
                new_form.pop(key)
            else:
                new_form[key] = value
        response = learner_client.post(NEW, new_form)
        assert response.status_code == 400
        assert soup(response).select_one("[role=alert] ul li")
        assert not Goal.objects.exists()

    def test_an_edit_that_fails_leaves_the_goal_as_it_was(self, learner_client, learner, platform):
        goal = GoalFactory(user=learner, title="As it was")
        action = GoalActionFactory(goal=goal, text="Untouched")
        data = form_data(learner_client.get(edit_url(goal)).content)
        data.update({"title": "Changed", "actions-0-text": "Changed too", "actions-1-target_date": "nope"})
        data["actions-1-text"] = "New"
        assert learner_client.post(edit_url(goal), data).status_code == 400
        goal.refresh_from_db()
        action.refresh_from_db()
        assert (goal.title, action.text, goal.actions.count()) == ("As it was", "Untouched", 1)

    def test_another_goals_action_cannot_be_changed_through_mine(
        self, learner_client, learner, other_learner, platform
    ):
        mine = GoalFactory(user=learner)
        GoalActionFactory(goal=mine, text="Mine")
        theirs = GoalActionFactory(goal=GoalFactory(user=other_learner), text="Theirs")
        data = form_data(learner_client.get(edit_url(mine)).content)
        data.update({"actions-0-id": str(theirs.pk), "actions-0-text": "Hijacked"})
        assert learner_client.post(edit_url(mine), data).status_code == 400
        theirs.refresh_from_db()
        assert theirs.text == "Theirs" and theirs.goal.user == other_learner

    def test_a_database_error_writes_nothing(self, learner_client, learner, new_form, monkeypatch):
        fill(new_form, 0, "First")
        fill(new_form, 1, "Second")

        def broken_save(self, *args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(GoalAction, "save", broken_save)
        with pytest.raises(RuntimeError):
            learner_client.post(NEW, new_form)
        assert not Goal.objects.exists()


class TestDelete:
    def test_asks_first_then_deletes_the_goal_and_its_actions(self, learner_client, learner):
        goal = GoalFactory(user=learner, title="Going away")
        GoalActionFactory.create_batch(2, goal=goal)
        page = soup(learner_client.get(delete_url(goal)))
        assert "Going away" in page.h1.get_text()
        assert "its 2 actions" in page.get_text()
        assert redirect_target(learner_client.post(delete_url(goal))) == LIST
        assert not Goal.objects.filter(pk=goal.pk).exists() and not GoalAction.objects.exists()


class TestPlan:
    def test_every_goal_with_its_actions_dates_and_statuses(self, learner_client, learner, platform):
        first = GoalFactory(user=learner, title="First goal", competence_codes=["SA.1"])
        GoalActionFactory(
            goal=first, text="Step one", target_date=datetime.date(2030, 5, 2), status=GoalAction.IN_PROGRESS
        )
        GoalFactory(user=learner, title="Second goal", why="Because")
        response = learner_client.get(PLAN)
        assert_sound_html(response.content)
        page = soup(response)
        goals = page.select(".journal-plan__goal")
        assert [goal.h2.get_text() for goal in goals] == ["First goal", "Second goal"]
        assert [td.get_text(strip=True) for td in goals[0].select("tbody td")] == [
            "Step one",
            "May 2, 2030",
            "In progress",
        ]
        assert "No action yet." in goals[1].get_text()
        meta = page.select_one(".journal-plan__meta")
        assert learner.email in meta.get_text()
        assert meta.time["datetime"] == datetime.date.today().isoformat()
        stylesheet = page.select_one("link[media=print]")
        assert stylesheet["href"].endswith("css/print.css") and stylesheet["rel"] == ["stylesheet"]
        assert "use your browser's Print command" in page.select_one(".journal-print-hint").get_text()
        assert not page.select("main form, main button")

    def test_the_learners_name_when_they_gave_one(self, client, platform):
        learner = LearnerFactory(first_name="Eleni", last_name="Papadopoulou")
        client.force_login(learner)
        assert "Eleni Papadopoulou" in soup(client.get(PLAN)).select_one(".journal-plan__meta").get_text()

    def test_print_stylesheet_hides_the_chrome_and_keeps_goals_whole(self, settings):
        css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
        for selector in (".site-header", ".site-footer", ".breadcrumbs", "button", "form", ".journal-print-hint"):
            assert selector in css.split("{ display: none", 1)[0]
        assert "break-inside: avoid" in css.split(".journal-plan__goal", 1)[1].split("}", 1)[0]
        assert "color: #000" in css and "background: #fff" in css

    def test_an_empty_plan_says_so(self, learner_client):
        assert "Your plan is empty" in soup(learner_client.get(PLAN)).get_text()


def test_every_page_is_sound_html(learner_client, learner, platform):
    goal = GoalFactory(user=learner, competence_codes=["SA.1", "OLD.1"])
    GoalActionFactory.create_batch(2, goal=goal)
    GoalFactory(user=learner)
    for url in (LIST, PLAN, NEW, edit_url(goal), delete_url(goal)):
        assert_sound_html(learner_client.get(url).content)

"""The learner's data: the "My data" page, the export (the ZIP opened, its JSON compared field by field with what the
factories made, its HTML read), the registry other parts add to, and deleting the account after one of everything."""

import datetime
import io
import json
import uuid
import zipfile
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from home.factories import LocaleFactory, copy_translation
from learners import erasure, export
from learners.factories import (
    LEARNER_PASSWORD,
    AssessmentAnswerFactory,
    AssessmentFactory,
    GoalActionFactory,
    GoalFactory,
    LearnerFactory,
    ReflectionFactory,
    StepProgressFactory,
)
from learners.models import (
    Assessment,
    AssessmentAnswer,
    Goal,
    GoalAction,
    LearnerProfile,
    Reflection,
    StepProgress,
)
from tests.learners.journal_checks import assert_sound_html
from tests.utils import redirect_target

DATA = "/en/my/data/"
EXPORT = "/en/my/data/export.zip"
DELETE = "/en/my/data/delete/"
User = get_user_model()


def soup(content):
    return BeautifulSoup(content, "html.parser")


def iso(value):
    """A datetime as the export writes it: UTC, to the second."""
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def open_export(response):
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return archive, json.loads(archive.read("leader-export.json")), archive.read("leader-export.html").decode()


@pytest.fixture
def everything(learner, platform):
    """One of every kind of row a learner can have, with texts that need escaping."""
    path, steps = platform.path, platform.steps
    progress = StepProgressFactory(user=learner, path_key=path.translation_key, step_key=steps[0].translation_key)
    gone = StepProgressFactory(user=learner, path_key=path.translation_key, step_key=uuid.uuid4())
    assessment = AssessmentFactory(user=learner, framework_key=platform.framework.framework.translation_key)
    answers = [
        AssessmentAnswerFactory(assessment=assessment, competence_code="SA.1", position=0, level=2, note="Good <b>"),
        AssessmentAnswerFactory(assessment=assessment, competence_code="SA.2", position=1, level=None, statement=""),
    ]
    reflection = ReflectionFactory(
        user=learner, step_key=steps[0].translation_key, text="I expect <em>a lot</em> & more"
    )
    goal = GoalFactory(user=learner, title="Become a <nurse>", why="Care & help", competence_codes=["SA.1", "OLD.1"])
    actions = [
        GoalActionFactory(goal=goal, text="Ask about <courses>", position=0, target_date=datetime.date(2031, 2, 3)),
        GoalActionFactory(goal=goal, text="Visit a hospital", position=1, target_date=None, status=GoalAction.DONE),
    ]
    return {
        "progress": [progress, gone],
        "assessment": assessment,
        "answers": answers,
        "reflection": reflection,
        "goal": goal,
        "actions": actions,
    }


def turn_on_two_factor(user):
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


class TestAccess:
    @pytest.mark.parametrize("url", [DATA, EXPORT, DELETE])
    def test_visitors_are_sent_to_log_in(self, client, url):
        assert redirect_target(client.get(url)) == f"/en/accounts/login/?next={url}"

    def test_visitors_cannot_delete_anything(self, client, learner):
        assert redirect_target(client.post(DELETE, {"password": LEARNER_PASSWORD, "understand": "on"})).startswith(
            "/en/accounts/login/"
        )
        assert User.objects.filter(pk=learner.pk).exists()

    @pytest.mark.parametrize("url", [DATA, EXPORT, DELETE])
    def test_private_and_never_stored(self, learner_client, url):
        cache_control = learner_client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control

    def test_another_learners_export_holds_only_their_own(self, client, learner, other_learner, everything):
        client.force_login(other_learner)
        _archive, data, html = open_export(client.get(EXPORT))
        assert data["account"]["email"] == other_learner.email
        assert (data["progress"], data["assessments"], data["reflections"], data["goals"]) == ([], [], [], [])
        for text in (learner.email, "nurse", "I expect", "Visit a hospital"):
            assert text not in html and text not in json.dumps(data)


class TestDataPage:
    def test_explains_and_offers_the_two_actions(self, learner_client, platform):
        response = learner_client.get(DATA)
        assert_sound_html(response.content)
        page = soup(response.content)
        assert page.select_one(f"a[href='{EXPORT}']")
        assert page.select_one(f"a[href='{DELETE}']")
        text = page.get_text(" ")
        assert "leader-export.html" in text and "leader-export.json" in text
        assert page.select_one(f"a[href='{platform.privacy.url}']")


class TestExport:
    def test_the_download(self, learner_client, everything):
        response = learner_client.get(EXPORT)
        assert response["Content-Type"] == "application/zip"
        today = datetime.date.today().isoformat()
        assert response["Content-Disposition"] == f'attachment; filename="leader-export-{today}.zip"'
        archive, _data, _html = open_export(response)
        assert archive.namelist() == ["leader-export.json", "leader-export.html"]
        assert archive.testzip() is None

    def test_the_json_field_by_field(self, learner_client, learner, platform, everything):
        learner.refresh_from_db()
        _archive, data, _html = open_export(learner_client.get(EXPORT))
        # Part 1's sections; the apps above learners (groups, portfolio) add theirs, tested in their own folders.
        assert set(data) >= {
            "schema",
            "exported_at",
            "language",
            "account",
            "progress",
            "assessments",
            "reflections",
            "goals",
            "portfolio",  # the e-portfolio's part (tests/portfolio/test_data_rights.py)
        }
        assert data["schema"] == "leader-learner-export/1"
        assert data["language"] == "en"
        exported_at = datetime.datetime.fromisoformat(data["exported_at"])
        assert abs(exported_at - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=1)

        profile = learner.learner_profile
        assert data["account"] == {
            "email": learner.email,
            "email_addresses": [{"email": learner.email, "primary": True, "verified": True}],
            "username": learner.username,
            "name": "",
            "date_joined": iso(learner.date_joined),
            "last_login": iso(learner.last_login),
            "language": "en",
            "privacy_accepted_at": iso(profile.privacy_accepted_at),
            "consent_confirmed_at": iso(profile.consent_confirmed_at),
            "two_factor": False,
            "two_factor_methods": [],
        }

        step = platform.steps[0]
        done, gone = everything["progress"]
        assert data["progress"] == [
            {
                "path_key": str(platform.path.translation_key),
                "path_title": platform.path.title,
                "step_key": str(step.translation_key),
                "step_title": step.title,
                "done_at": iso(done.done_at),
            },
            {
                "path_key": str(platform.path.translation_key),
                "path_title": platform.path.title,
                "step_key": str(gone.step_key),
                "step_title": None,
                "done_at": iso(gone.done_at),
            },
        ]

        assessment = everything["assessment"]
        first, second = (AssessmentAnswer.objects.get(pk=answer.pk) for answer in everything["answers"])
        assert data["assessments"] == [
            {
                "id": str(assessment.pk),
                "framework_key": str(assessment.framework_key),
                "framework_title": "Sample framework",
                "framework_version": "1.0",
                "level_names": ["Discover", "Develop", "Master"],
                "language": "en",
                "started_at": iso(assessment.started_at),
                "completed_at": iso(assessment.completed_at),
                "answers": [
                    {
                        "area_code": "SA",
                        "area_title": "Self-awareness",
                        "competence_code": "SA.1",
                        "competence_title": first.competence_title,
                        "position": 0,
                        "level": 2,
                        "level_name": "Develop",
                        "level_count": 3,
                        "statement": "I can name some of my interests.",
                        "note": "Good <b>",
                        "answered_at": iso(first.answered_at),
                    },
                    {
                        "area_code": "SA",
                        "area_title": "Self-awareness",
                        "competence_code": "SA.2",
                        "competence_title": second.competence_title,
                        "position": 1,
                        "level": None,
                        "level_name": None,
                        "level_count": 3,
                        "statement": "",
                        "note": "",
                        "answered_at": iso(second.answered_at),
                    },
                ],
            }
        ]

        reflection = everything["reflection"]
        assert data["reflections"] == [
            {
                "id": str(reflection.pk),
                "step_key": str(step.translation_key),
                "step_title": step.title,
                "prompt": "What do you expect from your next year?",
                "text": "I expect <em>a lot</em> & more",
                "created_at": iso(reflection.created_at),
                "updated_at": iso(reflection.updated_at),
            }
        ]

        goal = everything["goal"]
        assert data["goals"] == [
            {
                "id": str(goal.pk),
                "title": "Become a <nurse>",
                "why": "Care & help",
                "competences": [
                    {"code": "SA.1", "title": "Self-awareness competence 1"},
                    {"code": "OLD.1", "title": None},
                ],
                "created_at": iso(goal.created_at),
                "updated_at": iso(goal.updated_at),
                "actions": [
                    {
                        "text": "Ask about <courses>",
                        "target_date": "2031-02-03",
                        "status": "planned",
                        "status_label": "Planned",
                        "position": 0,
                    },
                    {
                        "text": "Visit a hospital",
                        "target_date": None,
                        "status": "done",
                        "status_label": "Done",
                        "position": 1,
                    },
                ],
            }
        ]

    def test_never_a_secret(self, learner_client, learner, everything):
        turn_on_two_factor(learner)
        learner.refresh_from_db()
        archive, data, html = open_export(learner_client.get(EXPORT))
        assert data["account"]["two_factor"] is True
        assert data["account"]["two_factor_methods"] == ["recovery_codes", "totp"]
        everything_written = b"".join(archive.read(name) for name in archive.namelist()).decode()
        assert learner.password not in everything_written
        for authenticator in Authenticator.objects.filter(user=learner):
            for value in authenticator.data.values():
                if isinstance(value, str) and len(value) > 4:
                    assert value not in everything_written
        assert "seed" not in everything_written and "secret" not in everything_written.lower()

    def test_the_html_for_people(self, learner_client, learner, everything):
        _archive, _data, html = open_export(learner_client.get(EXPORT))
        assert_sound_html(html)
        page = soup(html)
        assert page.html["lang"] == "en"
        assert [h2.get_text() for h2 in page.select("main h2")] == [
            "Your account",
            "Steps you marked done",
            "Your self-assessments",
            "Your reflections",
            "Your goals and actions",
            "Your e-portfolio",
            "Your groups",  # the practitioner groups' part (tests/groups/test_groups.py)
        ]
        for text in ("I expect <em>a lot</em> & more", "Become a <nurse>", "Ask about <courses>", "Care & help"):
            assert text in page.get_text()
        for escaped in ("I expect &lt;em&gt;a lot&lt;/em&gt; &amp; more", "Become a &lt;nurse&gt;", "Good &lt;b&gt;"):
            assert escaped in html
        assert "<em>a lot" not in html and "<nurse>" not in html
        # Self-contained: its style inside, nothing fetched from anywhere.
        assert page.select_one("head style")
        assert not page.select("link, script, img, iframe, [src]")
        assert "Not sure yet" in page.select_one("#assessments").get_text()
        assert learner.email in page.select_one("#account").get_text()
        assert "Off" in page.select_one("#account").get_text()

    def test_in_the_learners_language(self, learner_client, learner, platform, everything):
        locale = LocaleFactory(language_code="el")
        for page in (platform.framework.home, platform.section, platform.path):
            copy_translation(page, locale)
        greek_step = copy_translation(platform.steps[0], locale, lambda text: "Βήμα 1: σκέψου")
        _archive, data, html = open_export(learner_client.get("/el/my/data/export.zip"))
        assert data["language"] == "el"
        assert data["reflections"][0]["step_title"] == greek_step.title == "Βήμα 1: σκέψου"
        assert data["progress"][0]["step_title"] == "Βήμα 1: σκέψου"
        assert data["progress"][1]["step_title"] is None
        page = soup(html)
        assert page.html["lang"] == "el"
        exported_on = datetime.datetime.fromisoformat(data["exported_at"]).astimezone(ZoneInfo(settings.TIME_ZONE))
        greek_months = ["Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου"]
        greek_months += ["Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"]
        # Greek dates: the day, the month in the genitive, the year.
        greek_date = f"{exported_on.day} {greek_months[exported_on.month - 1]} {exported_on.year}"
        assert greek_date in page.title.get_text()

    def test_queries_do_not_grow_with_the_data(self, learner_client, learner, platform, everything):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert learner_client.get(EXPORT).status_code == 200
            return len(queries)

        count()
        few = count()
        for _ in range(3):
            goal = GoalFactory(user=learner)
            GoalActionFactory.create_batch(3, goal=goal)
            AssessmentAnswerFactory.create_batch(3, assessment=AssessmentFactory(user=learner))
            ReflectionFactory(user=learner, step_key=platform.steps[1].translation_key)
        assert count() == few


class TestExportRegistry:
    @pytest.fixture
    def registered(self):
        sections, files = list(export._sections), list(export._files)
        yield
        export._sections[:], export._files[:] = sections, files

    def test_another_part_adds_a_section_and_files(self, learner_client, learner, registered):
        @export.section("sample_part", title="A sample part")
        def portfolio(user):
            return [{"title": f"Evidence of {user.email}", "added": datetime.date(2030, 1, 2)}]

        @export.export_file
        def portfolio_files(user):
            yield "sample_part/evidence.txt", b"my evidence"

        archive, data, html = open_export(learner_client.get(EXPORT))
        assert data["sample_part"] == [{"title": f"Evidence of {learner.email}", "added": "2030-01-02"}]
        assert archive.read("sample_part/evidence.txt") == b"my evidence"
        section = soup(html).select_one("#sample_part")
        assert section.h2.get_text() == "A sample part"
        assert f"Evidence of {learner.email}" in section.pre.get_text()

    @pytest.mark.parametrize("name", ["leader-export.json", "../escape.txt", "/etc/passwd", "a\\b.txt", ""])
    def test_a_file_name_outside_the_export_is_refused(self, learner, registered, name):
        export.export_file(lambda user: [(name, b"x")])
        with pytest.raises(ValueError, match="cannot hold a file"):
            export.export_zip(learner)

    @pytest.mark.parametrize("key", ["goals", "schema"])
    def test_a_section_key_is_taken_once(self, registered, key):
        with pytest.raises(ImproperlyConfigured):
            export.section(key, title="Again")(lambda user: None)


class TestDeleteAccount:
    def test_the_page_says_what_goes_and_what_stays(self, learner_client, platform):
        response = learner_client.get(DELETE)
        assert_sound_html(response.content)
        page = soup(response.content)
        assert "Everything, at once" in page.get_text()
        assert page.select_one(f"a[href='{platform.privacy.url}']").get_text() == "privacy notice"
        password = page.select_one("input[name=password]")
        assert password["type"] == "password" and password["autocomplete"] == "current-password"
        assert page.select_one("label[for=id_password]").get_text(strip=True) == "Your password"
        assert page.select_one("input[name=understand][type=checkbox]")
        assert page.select_one("form[method=post] button[type=submit]")

    def test_a_wrong_password_deletes_nothing(self, learner_client, learner):
        response = learner_client.post(DELETE, {"password": "not my password", "understand": "on"})
        assert response.status_code == 400
        page = soup(response.content)
        assert page.select_one("#id_password_error").get_text() == "Incorrect password."
        assert "Your account was not deleted" in page.select_one("[role=alert]").get_text()
        assert "id_password_error" in page.select_one("#id_password")["aria-describedby"]
        assert User.objects.filter(pk=learner.pk).exists()
        assert learner_client.get(DATA).status_code == 200  # still signed in

    def test_without_ticking_i_understand_nothing_is_deleted(self, learner_client, learner):
        response = learner_client.post(DELETE, {"password": LEARNER_PASSWORD})
        assert response.status_code == 400
        error = soup(response.content).select_one("#id_understand_error")
        assert "tick this box" in error.get_text()
        assert User.objects.filter(pk=learner.pk).exists()

    def test_password_guessing_is_rate_limited(self, learner_client, learner):
        statuses = [
            learner_client.post(DELETE, {"password": f"guess {n}", "understand": "on"}).status_code for n in range(11)
        ]
        assert statuses[:10] == [400] * 10 and statuses[10] == 429
        # allauth's lock on failed attempts holds even for the right password now.
        assert learner_client.post(DELETE, {"password": LEARNER_PASSWORD, "understand": "on"}).status_code == 429
        assert User.objects.filter(pk=learner.pk).exists()

    def test_everything_is_erased_at_once_and_the_address_is_free_again(
        self, client, learner, other_learner, everything
    ):
        client.force_login(learner)
        turn_on_two_factor(learner)
        UserProfile.get_for_user(learner)
        other_device = SessionStore()
        other_device.update(
            {
                SESSION_KEY: str(learner.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: learner.get_session_auth_hash(),
            }
        )
        other_device.create()
        keep = ReflectionFactory(user=other_learner)
        others_session = SessionStore()
        others_session.update({SESSION_KEY: str(other_learner.pk)})
        others_session.create()
        own_session = client.session.session_key
        rows = {
            LearnerProfile: {"user": learner},
            StepProgress: {"user": learner},
            Assessment: {"user": learner},
            AssessmentAnswer: {"assessment__user": learner},
            Reflection: {"user": learner},
            Goal: {"user": learner},
            GoalAction: {"goal__user": learner},
            EmailAddress: {"user": learner},
            Authenticator: {"user": learner},
            UserProfile: {"user": learner},
        }
        for model, lookup in rows.items():
            assert model.objects.filter(**lookup).exists(), model
        assert set(Authenticator.objects.filter(user=learner).values_list("type", flat=True)) == {
            "totp",
            "recovery_codes",
        }
        user_id, email = learner.pk, learner.email

        # Two-factor is on: the password is enough, the learner is already signed in.
        response = client.post(DELETE, {"password": LEARNER_PASSWORD, "understand": "on"})
        assert redirect_target(response) == "/en/"
        assert [str(message) for message in client.get("/en/").context["messages"]] == [
            "Your account and all its data have been deleted."
        ]

        assert not User.objects.filter(pk=user_id).exists()
        for model, lookup in rows.items():
            field = next(iter(lookup)) + "_id"
            assert not model.objects.filter(**{field: user_id}).exists(), model
        assert not Session.objects.filter(session_key__in=[own_session, other_device.session_key]).exists()
        assert Session.objects.filter(session_key=others_session.session_key).exists()
        assert Reflection.objects.filter(pk=keep.pk).exists() and User.objects.filter(pk=other_learner.pk).exists()
        assert redirect_target(client.get(DATA)).startswith("/en/accounts/login/")

        signup = {
            "email": email,
            "password1": "another-long-passphrase-42",
            "password2": "another-long-passphrase-42",
            "accept_privacy": "on",
            "confirm_consent": "on",
        }
        assert client.post("/en/accounts/signup/", signup).status_code == 302
        again = User.objects.get(email=email)
        assert again.pk != user_id
        assert EmailAddress.objects.get(user=again).email == email
        assert LearnerProfile.objects.filter(user=again).exists()

    def test_nothing_protects_a_user_from_deletion(self):
        for field in User._meta.get_fields(include_hidden=True):
            if field.auto_created and not field.concrete and field.on_delete is not None:
                assert field.on_delete not in (models.PROTECT, models.RESTRICT), field.related_model
                if field.on_delete is models.DO_NOTHING:
                    assert not field.remote_field.db_constraint, field.related_model

    def test_a_failing_part_deletes_nothing(self, learner_client, learner, everything, monkeypatch):
        def broken(user):
            Reflection.objects.filter(user=user).delete()
            raise RuntimeError("storage unreachable")

        monkeypatch.setattr(erasure, "_erasers", [broken])
        with pytest.raises(RuntimeError):
            learner_client.post(DELETE, {"password": LEARNER_PASSWORD, "understand": "on"})
        assert User.objects.filter(pk=learner.pk).exists()
        assert Reflection.objects.filter(user=learner).exists()
        assert learner_client.get(DATA).status_code == 200

    def test_an_editor_is_sent_to_an_administrator(self, client, db):
        editor = LearnerFactory(is_staff=True)
        client.force_login(editor)
        page = soup(client.get(DELETE).content)
        assert "ask an administrator" in page.get_text()
        assert not page.select("input[name=password]")
        assert client.post(DELETE, {"password": LEARNER_PASSWORD, "understand": "on"}).status_code == 403
        assert User.objects.filter(pk=editor.pk).exists()


class TestSecondLearnerWalk:
    START = [DATA, "/en/my/reflections/", "/en/my/goals/", "/en/my/goals/plan/"]

    def links(self, client, url):
        page = soup(client.get(url).content)
        found = {a["href"] for a in page.select("main a[href]")} | {
            f["action"] for f in page.select("main form[action]")
        }
        mine = ("/en/my/reflections/", "/en/my/goals/", "/en/my/data/")  # the dashboard and the rest are other parts'
        return {link.split("#")[0].split("?")[0] for link in found if link.startswith(mine)}

    def test_every_link_of_the_journal_is_a_404_or_their_own_for_another_learner(
        self, client, learner, other_learner, everything
    ):
        client.force_login(learner)
        seen, queue = set(), list(self.START)
        while queue:
            url = queue.pop()
            if url in seen or url.endswith(".zip"):
                seen.add(url)
                continue
            seen.add(url)
            assert client.get(url).status_code == 200, url
            queue.extend(self.links(client, url) - seen)
        ids = [str(everything["reflection"].pk), str(everything["goal"].pk)]
        with_ids = {url for url in seen if any(pk in url for pk in ids)}
        assert len(with_ids) == 4  # edit and delete of the reflection and of the goal

        client.force_login(other_learner)
        for url in sorted(seen):
            response = client.get(url)
            if url in with_ids:
                assert response.status_code == 404, url
                assert client.post(url, {"text": "x", "title": "x"}).status_code == 404, url
            elif url.endswith(".zip"):
                assert open_export(response)[1]["account"]["email"] == other_learner.email
            else:
                assert response.status_code == 200, url
                body = response.content.decode()
                assert learner.email not in body and "nurse" not in body and "I expect" not in body, url
        assert Reflection.objects.filter(pk=everything["reflection"].pk).exists()
        assert Goal.objects.filter(pk=everything["goal"].pk).exists()

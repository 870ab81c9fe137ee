"""How long a signed-in session lasts: an idle one ends, "remember me" keeps a learner's, staff sessions are short."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from learners.factories import LEARNER_PASSWORD, LearnerFactory
from portal.middleware import SessionLifetimeMiddleware

User = get_user_model()
KEY = SessionLifetimeMiddleware.KEY
DASHBOARD = "/en/my/"


def learner_signs_in(client, remember):
    learner = LearnerFactory()
    data = {"login": learner.email, "password": LEARNER_PASSWORD, **({"remember": "on"} if remember else {})}
    assert client.post("/en/accounts/login/", data).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    return learner


def staff_signs_in(client):
    User.objects.create_superuser("root", "root@example.org", LEARNER_PASSWORD)
    response = client.post("/admin/login/", {"username": "root", "password": LEARNER_PASSWORD, "remember": "on"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def age_session(client, **seconds_ago):
    """Move the session's recorded times into the past, as if that much time had gone by."""
    session = client.session
    times = dict(session[KEY])
    for name, seconds in seconds_ago.items():
        times[name] -= seconds
    session[KEY] = times
    session.save()


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
class TestLearnerSessions:
    def test_an_idle_session_without_remember_me_ends_with_a_message(self, client):
        learner_signs_in(client, remember=False)
        age_session(client, seen=settings.SESSION_IDLE_TIMEOUT + 1)
        response = client.get(DASHBOARD, follow=True)
        assert response.redirect_chain[0][0].startswith("/en/accounts/login/")
        assert not is_signed_in(client)
        assert "session had ended" in response.content.decode()

    def test_a_session_used_within_the_idle_time_goes_on_and_records_the_visit(self, client):
        learner_signs_in(client, remember=False)
        age_session(client, seen=settings.SESSION_IDLE_TIMEOUT - 60)
        assert client.get(DASHBOARD).status_code == 200
        # The visit was recorded: the idle time starts again.
        age_session(client, seen=settings.SESSION_IDLE_TIMEOUT - 60)
        assert client.get(DASHBOARD).status_code == 200
        assert is_signed_in(client)

    def test_remember_me_keeps_an_idle_learner_signed_in(self, client):
        learner_signs_in(client, remember=True)
        age_session(client, seen=settings.SESSION_IDLE_TIMEOUT * 5, since=settings.SESSION_IDLE_TIMEOUT * 5)
        assert client.get(DASHBOARD).status_code == 200
        assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE

    def test_the_visit_is_written_at_most_once_a_minute(self, client):
        learner_signs_in(client, remember=False)
        before = client.session[KEY]["seen"]
        client.get(DASHBOARD)
        assert client.session[KEY]["seen"] == before


@pytest.mark.django_db
class TestStaffSessions:
    def test_a_staff_session_ends_after_its_idle_time_even_when_remembered(self, client):
        staff_signs_in(client)
        assert client.session[KEY]["staff"] is True
        age_session(client, seen=settings.STAFF_SESSION_IDLE_TIMEOUT + 1)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert not is_signed_in(client)

    def test_a_busy_staff_session_ends_at_its_maximum_age(self, client):
        staff_signs_in(client)
        age_session(client, since=settings.STAFF_SESSION_MAX_AGE + 1)
        assert client.get("/admin/").status_code == 302
        assert not is_signed_in(client)

"""Every way in has the accounts' limits: the admin's login, Wagtail's front-end login, the admin's password reset."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.models import PageViewRestriction

from home.factories import HomePageFactory, LocaleFactory
from tests.trees import make_root

User = get_user_model()
PASSWORD = "an-editors-long-password-7"


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor-el", "editor-el@example.org", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_log_in(client, password):
    return client.post("/admin/login/", {"username": "editor-el", "password": password})


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_at_the_admin_are_limited_and_then_even_the_right_one_waits(client, editor):
    for _ in range(5):
        response = admin_log_in(client, "not-the-password")
        assert response.status_code == 200
        assert "Too many failed login attempts" not in response.content.decode()
    response = admin_log_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert not is_signed_in(client)


def test_the_accounts_limit_holds_whatever_host_port_and_address_the_client_writes(client, editor):
    # Each failure from another client address and with another port in Host: only the account's own count is left.
    for number in range(5):
        response = client.post(
            "/admin/login/",
            {"username": "editor-el", "password": "not-the-password"},
            HTTP_HOST=f"testserver:{8001 + number}",
            REMOTE_ADDR=f"192.0.2.{10 + number}",
        )
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(
        "/admin/login/",
        {"username": "editor-el", "password": PASSWORD},
        HTTP_HOST="testserver:9000",
        REMOTE_ADDR="192.0.2.99",
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert not is_signed_in(client)


def test_a_right_password_at_the_admin_signs_in_and_does_not_count_against_the_limit(client, editor):
    for _ in range(4):
        admin_log_in(client, "not-the-password")
    for _ in range(3):
        assert admin_log_in(client, PASSWORD).status_code == 302
        assert is_signed_in(client)
        client.logout()
    assert admin_log_in(client, "not-the-password").status_code == 200  # the fifth failure is still allowed
    assert "Too many failed login attempts" in admin_log_in(client, PASSWORD).content.decode()


def test_wagtails_front_end_login_leads_to_the_accounts_login(client, db):
    response = client.get("/el/_util/login/?next=/el/private/")
    assert response.status_code == 302
    assert response["Location"] == "/el/accounts/login/?next=/el/private/"
    assert client.post("/el/_util/login/", {"username": "x", "password": "y"}).status_code in (302, 405)


def test_a_page_for_signed_in_readers_sends_visitors_to_the_accounts_login(client, db):
    home = HomePageFactory(locale=LocaleFactory(language_code="en"))
    make_root(home)
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_admin_password_reset_mails_for_one_address_are_throttled(client, editor):
    answers = [client.post("/admin/password_reset/", {"email": "editor-el@example.org"}).status_code for _ in range(20)]
    assert answers[:5] == [302] * 5
    assert set(answers[5:]) == {429}
    assert len(mail.outbox) == 5
    assert all(message.to == ["editor-el@example.org"] for message in mail.outbox)

"""Without e-mail settings, or with a mail server that is down, the password resets say that nothing was sent."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings

from learners.factories import LearnerFactory

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def closed_port():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def production_email_settings(**env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    environment.update(SECRET_KEY="k" * 60, ALLOWED_HOSTS="portal.example.org", **env)
    code = (
        "import json, portal.settings.production as s;"
        "print(json.dumps([s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_CONFIGURED]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_without_an_email_host_knows_it_cannot_send():
    assert production_email_settings() == [SMTP, "", False]
    assert production_email_settings(EMAIL_HOST="smtp.example.org") == [SMTP, "smtp.example.org", True]


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="", EMAIL_CONFIGURED=False)
@pytest.mark.parametrize("known", [True, False], ids=["an account's address", "an unknown address"])
def test_the_public_reset_says_it_cannot_send_when_email_is_not_configured(client, known):
    address = LearnerFactory().email if known else "nobody@example.org"
    response = client.post("/it/accounts/password/reset/", {"email": address})
    assert response.status_code == 503
    html = response.content.decode()
    assert "L'e-mail non è stata inviata" in html
    assert '<html lang="it"' in html
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_public_reset_says_it_cannot_send_when_the_mail_server_is_down(client):
    learner = LearnerFactory()
    with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=closed_port(), EMAIL_TIMEOUT=2):
        response = client.post("/en/accounts/password/reset/", {"email": learner.email})
    assert response.status_code == 503
    assert "The e-mail was not sent" in response.content.decode()


@pytest.mark.django_db
def test_the_public_reset_still_sends_when_email_works(client):
    learner = LearnerFactory()
    response = client.post("/en/accounts/password/reset/", {"email": learner.email})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[learner.email]]


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="", EMAIL_CONFIGURED=False)
def test_the_admin_reset_says_it_cannot_send_when_email_is_not_configured(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", "root@example.org", "long-password-1")
    response = client.post("/admin/password_reset/", {"email": "root@example.org"})
    assert response.status_code == 503
    assert "no reset link was sent" in response.content.decode()
    assert mail.outbox == []

"""Production settings: refuse to start half-configured, pass check --deploy, send the security headers."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from tests.trees import copy_of, shared, site_tree

STRONG_KEY = "k3y-for-tests-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"


english_site = shared(site_tree, languages=["en"])


@pytest.fixture
def site(english_site, db):
    """The outline in English: /en/ and its sections, /en/introduction/ with headings, text and a quote."""
    return copy_of(english_site)


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def cache_settings(settings_module, **env):
    """The CACHES a settings module gives, read in a fresh process with `env` as its environment's additions."""
    environment = {
        key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="portal.example.org", **env)
    code = f"import json, importlib; print(json.dumps(importlib.import_module({settings_module!r}).CACHES))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("module", ["portal.settings.dev", "portal.settings.production"])
@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "django.core.cache.backends.db.DatabaseCache"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "portal.cache.ResilientRedisCache"),
    ],
    ids=["database", "redis"],
)
def test_caches_are_shared_by_every_process_outside_tests(module, env, backend):
    """allauth's rate limits count in the default cache: a per-process memory would let each process count alone."""
    caches = cache_settings(module, **env)
    assert caches["default"]["BACKEND"] == backend
    for alias, cache in caches.items():
        assert cache["BACKEND"] not in (
            "django.core.cache.backends.locmem.LocMemCache",
            "django.core.cache.backends.dummy.DummyCache",
        ), alias


def test_refuses_to_start_without_secret_key():
    result = manage("check", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_check_deploy_is_clean():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="portal.example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean_with_redis():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="portal.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_pages_send_a_strict_content_security_policy(site):
    response = Client().get("/en/")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    # Anonymous public pages stay cacheable by shared caches.
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "Set-Cookie" not in response.headers


def test_public_pages_have_no_inline_script_or_style(site):
    response = Client().get("/en/introduction/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lifelong guidance" in html
    assert "<script>" not in html and "<style" not in html and "style=" not in html


def test_every_response_names_who_may_embed_it_and_the_features_it_may_use(site):
    for response in (Client().get("/en/"), Client().get("/admin/login/")):
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "base-uri 'none'" in response.headers["Content-Security-Policy"]


def test_the_admin_has_its_own_content_security_policy(site):
    response = Client().get("/admin/login/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "form-action 'self'" in policy
    assert "frame-ancestors 'self'" in policy


def test_no_admin_page_sends_an_editors_address_hash_to_gravatar(site):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "long-password-1"))
    for path in ("/admin/", "/admin/account/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "gravatar" not in response.content.decode()

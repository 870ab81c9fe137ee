"""Two application processes (gunicorn, on two ports) sharing PostgreSQL and Redis behave as one site: a session made
on one is honoured by the other, a login limit counted on one holds on the other, and a page unpublished through
one is no longer served from the other's cache."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection

from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory
from tests.trees import make_root

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-password-for-two-processes-7"
User = get_user_model()

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"),
    reason="two processes share PostgreSQL and Redis: set DATABASE_URL (PostgreSQL) and REDIS_URL",
)


def free_port():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def database_url():
    """The test database (the one this test writes to, and commits), for the servers."""
    settings = connection.settings_dict
    user, host, port = settings["USER"] or "postgres", settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


class Server:
    def __init__(self, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        environ = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.portal.two_process_settings",
            "DATABASE_URL": database_url(),
        }
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
        command += ["--timeout", "120"]
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            command, cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def wait(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode()[-2000:]
                raise AssertionError(f"the server on {self.port} stopped: {error}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=15).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.3)
        raise AssertionError(f"the server on {self.port} did not answer in {seconds} s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def site(transactional_db):
    """An English home with an introduction, an editor and a superuser, committed (the servers read them)."""
    english = LocaleFactory(language_code="en")
    from wagtail.models import Page

    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")
    make_root(home)
    intro = ContentPageFactory(parent=home, title="Introduction", slug="introduction")
    editor = User.objects.create_user("editor-two", "editor-two@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    User.objects.create_superuser("root-two", "root-two@example.org", PASSWORD)
    return intro


def forget_login_limits():
    """The limits the servers counted in Redis (this process's own cache is the test settings' memory), and
    Wagtail's site root paths, which an earlier run's servers kept there for a tree that no longer exists (this
    test's changes clear them in this process's cache only)."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    for pattern in ("*allauth:rl:*", "*wagtail_site_root_paths*"):
        for key in client.scan_iter(match=pattern):
            client.delete(key)


@pytest.fixture
def servers(site):
    forget_login_limits()
    started = [Server(free_port()), Server(free_port())]
    try:
        for server in started:
            server.wait()
        yield started
    finally:
        for server in started:
            server.stop()
        forget_login_limits()


def reader():
    """A browser behind the one reverse proxy in front of both processes: the same `Host` (nginx's `$host`, without a
    port) whichever process answers. allauth counts an account's failed logins per host (`get_current_site`)."""
    session = requests.Session()
    session.headers["Host"] = "127.0.0.1"
    return session


def csrf_token(session, url):
    page = session.get(url, timeout=10)
    assert page.status_code == 200, (url, page.status_code)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def admin_log_in(session, server, username, password):
    token = csrf_token(session, f"{server.url}/admin/login/")
    data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    return session.post(
        f"{server.url}/admin/login/", data=data, headers={"Referer": f"{server.url}/admin/login/"}, timeout=10
    )


def test_two_processes_share_sessions_limits_and_cache_invalidation(servers, site):
    a, b = servers

    # A session made on A is honoured by B.
    root = reader()
    assert admin_log_in(root, a, "root-two", PASSWORD).status_code == 200
    assert root.get(f"{b.url}/admin/", allow_redirects=False, timeout=10).status_code == 200

    # Failed logins counted on A and B together reach the limit: then even the right password waits, on either.
    for server in (a, a, a, b, b):
        response = admin_log_in(reader(), server, "editor-two", "not-the-password")
        assert "Too many failed login attempts" not in response.text
    for server in (a, b):
        response = admin_log_in(reader(), server, "editor-two", PASSWORD)
        assert "Too many failed login attempts" in response.text, server.port

    # The page cache is shared: cached through A, served from the cache by B too.
    path = "/en/introduction/"
    assert reader().get(a.url + path, timeout=10).headers.get("X-Page-Cache") == "miss"
    assert reader().get(b.url + path, timeout=10).headers.get("X-Page-Cache") == "hit"
    # Unpublished through A's admin: B no longer serves its cached copy.
    token = csrf_token(root, f"{a.url}/admin/pages/{site.pk}/unpublish/")
    response = root.post(
        f"{a.url}/admin/pages/{site.pk}/unpublish/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{a.url}/admin/"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302
    assert reader().get(b.url + path, timeout=10).status_code == 404
    assert reader().get(a.url + path, timeout=10).status_code == 404

"""A running portal with the demo content, in a database of its own, for the browser tests.

The server is a separate `manage.py runserver` process, as a visitor would meet it; the tests drive Debian's
Chromium through Playwright (never a browser that Playwright downloads).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"Chromium is required in CI but {CHROMIUM} is missing (apt-get install chromium).")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# The folder where each running portal writes its e-mails (Django's file-based backend), by the portal's address.
OUTBOXES = {}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_database_url(tmp_dir):
    """A fresh database beside the test database: PostgreSQL when DATABASE_URL says so, SQLite otherwise."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith("postgres"):
        return f"sqlite:///{tmp_dir / 'browser.sqlite3'}"
    import psycopg

    config = dj_database_url.parse(configured)
    # Named after this worker's test database (pytest-django: test_<name>, then _gw0, _gw1… under pytest-xdist), so
    # that neither two workers nor the configured database itself can meet it.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    name = f"test_{config['NAME']}{f'_{worker}' if worker else ''}_browser"
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return configured.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def portal_url(tmp_path_factory):
    tmp_dir = tmp_path_factory.mktemp("portal")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": browser_database_url(tmp_dir),
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "EMAIL_FILE_PATH": str(tmp_dir / "outbox"),
    }
    base = settings.BASE_DIR

    def manage(*args, **kwargs):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=base, env=env, check=True, **kwargs)

    manage("migrate", "--no-input", "-v0")
    # With the demo accounts (superuser, coordinator, each country's editor and moderator) for the admin journeys.
    manage("load_demo", "--superuser", capture_output=True)
    port = free_port()
    # The server's log goes to a file: a pipe nobody reads fills after some hundred requests (64 KiB of log lines),
    # and the server then blocks on its next write, which a browser test meets as a page that never loads.
    log_path = tmp_dir / "server.log"
    log = log_path.open("wb")
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        cwd=base,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    OUTBOXES[url] = tmp_dir / "outbox"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 - loopback only
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.close()
                raise RuntimeError("the portal did not start: " + log_path.read_text()[-2000:]) from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()
    shutil.rmtree(tmp_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module of browser tests.

    Playwright's sync API keeps an asyncio loop running while it is open, and Django refuses database work from a
    thread with a running loop: closed after each module, it never outlives the browser tests on a worker that
    goes on with database tests.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()

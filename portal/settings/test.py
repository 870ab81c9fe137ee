"""Settings for the test suite: fast hashing, in-memory e-mail, no manifest for static files."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-leader-portal"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The browser tests' server is another process: it writes its e-mails as files there, and the tests read them.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
# Serve static files from the apps and static/ directly, as the browser tests run without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The suite never calls an outside translator, whatever the environment says; tests opt in with override_settings.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# The portal has no search of its own yet, and indexing every page save is an eighth of the demo's load time; a test
# of search turns it on with override_settings.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
# Each test process counts allauth's rate limits in its own memory, cleared before every test (tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change pages inside transactions that never commit (no bump): the page cache's own tests turn it on.
PAGE_CACHE_ENABLED = False

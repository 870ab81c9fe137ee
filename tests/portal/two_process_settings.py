"""Settings of the application processes the two-process test starts: the base settings (the cache in Redis from
REDIS_URL, the database from DATABASE_URL, the page cache on) with a test key and fast hashing."""

from portal.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-two-processes"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
WHITENOISE_USE_FINDERS = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
PAGE_CACHE_ENABLED = True

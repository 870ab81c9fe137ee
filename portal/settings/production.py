"""Production settings: refuse to start without a secret key and allowed hosts, and pass check --deploy."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list, media_storages

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the portal's host names (comma-separated).")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", ",".join(f"https://{host}" for host in ALLOWED_HOSTS))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

STORAGES = media_storages(static_backend="whitenoise.storage.CompressedManifestStaticFilesStorage")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Large spreadsheet imports run in the worker (`manage.py db_worker --backend imports`), not in a web process.
TASKS["imports"]["BACKEND"] = os.environ.get("IMPORT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")  # noqa: F405
TASKS["notifications"]["BACKEND"] = os.environ.get(  # noqa: F405
    "NOTIFICATION_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
)
# No SMTP server unless EMAIL_HOST names one (base.py's "localhost" is for a development machine's own server).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_CONFIGURED = EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend" or bool(EMAIL_HOST)  # noqa: F405

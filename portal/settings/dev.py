"""Settings for the local demo: debug on, a fixed development key, the dummy machine translator."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-9c1f2e7a-leader-portal"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Without a configured translator, the dummy one (it reverses words) shows where machine translation plugs in.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {  # noqa: F405
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}

"""Settings shared by every environment; each environment variable is read here or in production.py."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def translator_settings(environ=None):
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting for the environment: DeepL first, then LibreTranslate."""
    environ = os.environ if environ is None else environ
    timeout = int(environ.get("MACHINE_TRANSLATION_TIMEOUT", "30"))
    if deepl_key := environ.get("DEEPL_AUTH_KEY", "").strip():
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_key, "TIMEOUT": timeout},
        }
    if libretranslate_url := environ.get("LIBRETRANSLATE_URL", "").strip():
        return {
            "CLASS": "editorial.machine_translation.SelfHostedLibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    return None


def database_timeouts(database, environ=None):
    """The ENGINE and OPTIONS of a PostgreSQL database with its connection and statement timeouts; {} otherwise."""
    environ = os.environ if environ is None else environ
    if database["ENGINE"] != "django.db.backends.postgresql":
        return {}
    connect = int(environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    statement = round(float(environ.get("DATABASE_STATEMENT_TIMEOUT", "10")) * 1000)
    options = {**database.get("OPTIONS", {}), "connect_timeout": connect}
    options["options"] = " ".join(filter(None, [options.get("options", ""), f"-c statement_timeout={statement}"]))
    return {"ENGINE": "portal.database", "OPTIONS": options}


def cache_settings(environ=None):
    """The default cache: Redis when REDIS_URL is set (our backend, which survives a stopped Redis), otherwise a
    table of the database."""
    environ = os.environ if environ is None else environ
    if redis_url := environ.get("REDIS_URL", ""):
        timeout = float(environ.get("REDIS_TIMEOUT", "0.5"))
        return {
            "default": {
                "BACKEND": "portal.cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}}


def frontend_cache_settings(environ=None):
    """WAGTAILFRONTENDCACHE for the CDN or caching proxy in front, which Wagtail purges of a page's addresses when it
    is published or unpublished: an HTTP purge (Varnish, nginx: FRONTEND_CACHE_URL), Cloudflare (CLOUDFLARE_ZONE_ID
    and CLOUDFLARE_API_TOKEN) or CloudFront (CLOUDFRONT_DISTRIBUTION_ID); {} when none is in front."""
    environ = os.environ if environ is None else environ
    backends = {}
    if url := environ.get("FRONTEND_CACHE_URL", "").strip():
        backends["proxy"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    if zone := environ.get("CLOUDFLARE_ZONE_ID", "").strip():
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": environ.get("CLOUDFLARE_API_TOKEN", ""),
        }
    if distribution := environ.get("CLOUDFRONT_DISTRIBUTION_ID", "").strip():
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends


def media_storages(environ=None, static_backend="django.contrib.staticfiles.storage.StaticFilesStorage"):
    """STORAGES for the environment. With MEDIA_BUCKET, uploaded files go to an S3-compatible bucket through
    django-storages: images and documents under MEDIA_PUBLIC_LOCATION, readable by anyone with the address (a CDN
    may sit in front: MEDIA_CUSTOM_DOMAIN); the `private` storage under MEDIA_PRIVATE_LOCATION, for learners' files,
    whose addresses are signed and expire. Without it, files are written under MEDIA_ROOT (the reverse proxy serves
    them at /media/, see docs/deployment.md), private ones under PRIVATE_MEDIA_ROOT."""
    environ = os.environ if environ is None else environ
    static = {"BACKEND": static_backend}
    if not (bucket := environ.get("MEDIA_BUCKET", "").strip()):
        filesystem = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        # Outside MEDIA_ROOT, which the reverse proxy publishes; served only by views that check who asks.
        location = environ.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
        private = {**filesystem, "OPTIONS": {"location": location}}
        return {"default": filesystem, "private": private, "staticfiles": static}
    common = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("MEDIA_ENDPOINT_URL") or None,
        "region_name": environ.get("MEDIA_REGION") or None,
        "access_key": environ.get("MEDIA_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,  # a new upload with an existing name gets a name of its own
        "default_acl": None,  # what is public is said by the bucket's policy on the public location
        "signature_version": "s3v4",
    }
    public = {
        **common,
        "location": environ.get("MEDIA_PUBLIC_LOCATION", "public"),
        "querystring_auth": False,
        "custom_domain": environ.get("MEDIA_CUSTOM_DOMAIN") or None,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }
    private = {
        **common,
        "location": environ.get("MEDIA_PRIVATE_LOCATION", "private"),
        "querystring_auth": True,
        "querystring_expire": 300,
    }
    backend = "storages.backends.s3.S3Storage"
    return {
        "default": {"BACKEND": backend, "OPTIONS": public},
        "private": {"BACKEND": backend, "OPTIONS": private},
        "staticfiles": static,
    }


INSTALLED_APPS = [
    "editorial",
    "home",
    "cms_framework",
    "resources",
    "training",
    "careers",
    "learners",
    "portfolio",
    "groups",
    "opendata",
    "users",
    "sitesearch",
    "portal",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "users.apps.AdminUsersConfig",  # wagtail.users, with our user views
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
]

# A CDN or caching proxy in front, purged on publish (see frontend_cache_settings and docs/deployment.md). Each page
# address already names its language (/<lang>/…): Wagtail must not multiply it into one per language.
WAGTAILFRONTENDCACHE = frontend_cache_settings()
WAGTAILFRONTENDCACHE_LANGUAGES = []
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.DatabaseOutageMiddleware",  # outside the sessions: its 503 replaces what they answered
    "portal.pagecache.PageCacheMiddleware",  # a hit runs nothing below: no session, language or CSRF work
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",  # Django's, keeping the 404s of unprefixed views
    "django.middleware.common.CommonMiddleware",
    "home.sites.CurrentSiteMiddleware",  # Wagtail's Site of the request, remembered (home/memos.py)
    "portal.middleware.ArrivalMarkerMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.SessionLifetimeMiddleware",
    "portal.middleware.PrivateWhenSignedInMiddleware",
    "editorial.middleware.TranslationPermissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite for the one-command demo; PostgreSQL through DATABASE_URL everywhere else.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# PostgreSQL fails fast rather than hanging a request: a connection gives up after DATABASE_CONNECT_TIMEOUT seconds,
# a statement after DATABASE_STATEMENT_TIMEOUT (0: no limit). Our backend (Django's, see portal/database/) tells
# portal.outages when the database goes and comes back; CONN_HEALTH_CHECKS reconnects after an outage.
DATABASES["default"].update(database_timeouts(DATABASES["default"]))
# Seconds a client is asked to wait (Retry-After) when the database or the accounts' limits cannot be reached.
OUTAGE_RETRY_AFTER = int(os.environ.get("OUTAGE_RETRY_AFTER", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; names are written in their own language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("ro", "Română"),
    ("es", "Español"),
    ("el", "Ελληνικά"),
    ("tr", "Türkçe"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# locale-admin/ first: our translations of the admin's messages (Wagtail's, wagtail-localize's, Django's) where the
# libraries' catalogues leave them in English or misspell them; locale/ holds the catalogues of our own code.
LOCALE_PATHS = [BASE_DIR / "locale-admin", BASE_DIR / "locale"]
USE_I18N = True
# Our dates where Django's read wrongly in running text (lower-case months, the Greek genitive): portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Rome"

# A new translation starts as a draft and goes live through its country's review, never with English text in it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# DEEPL_AUTH_KEY, or LIBRETRANSLATE_URL (and LIBRETRANSLATE_API_KEY); neither means no machine translation.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_settings()

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = media_storages()

# A cache every process shares: the accounts' rate limits count there. Redis when REDIS_URL is set (a stopped Redis
# is a miss, see portal/cache.py), otherwise a table of the database (`manage.py createcachetable`, `make migrate`).
CACHES = cache_settings()

# The page cache (portal/pagecache.py): anonymous readers' public pages, keyed by the content generation
# (home/freshness.py), so that any publish or snippet change makes older entries unreachable; the timeout only
# bounds the memory they take. Browsers may keep a page MAX_AGE seconds, a CDN S_MAXAGE (publishing purges it there
# when WAGTAILFRONTENDCACHE is set; a snippet's change reaches it within S_MAXAGE).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "300"))
PAGE_CACHE_MAX_QUERY = 512  # characters of query string: longer addresses are served, never stored
PAGE_CACHE_VIEWS = frozenset({"wagtail_serve", "sitemap"})  # view names whose answers may be stored
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/healthz")

WAGTAIL_SITE_NAME = _("LE.A.DE.R Career Management Skills Portal")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Each uploaded document's content must be what its extension says (home/uploads.py): no HTML called report.pdf.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.CheckedDocumentForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would call an outside host on every dashboard load
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # Gravatar would receive a hash of each editor's e-mail address on every page
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Public accounts (learners) sign in on the public site with django-allauth; editors sign in at /admin/.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "learners:dashboard"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"  # pages restricted to signed-in readers: allauth's login, one for all
# How long a signed-in session lasts (portal.middleware.SessionLifetimeMiddleware), in seconds: "remember me" keeps
# a learner's session two weeks; without it, two idle hours end it; an account that can use the admin is signed out
# after two idle hours and at the latest ten hours after signing in.
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_IDLE_TIMEOUT = 2 * 60 * 60
STAFF_SESSION_IDLE_TIMEOUT = 2 * 60 * 60
STAFF_SESSION_MAX_AGE = 10 * 60 * 60
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "learners.accounts.AccountAdapter"  # after logging out: the home page in the reader's language
ACCOUNT_FORMS = {"signup": "learners.accounts.SignupForm"}
ACCOUNT_USER_DISPLAY = "learners.accounts.user_display"
# The admin's login refuses every account without access to the admin: public accounts sign in on the public site.
WAGTAILADMIN_USER_LOGIN_FORM = "learners.accounts.AdminLoginForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[LE.A.DE.R] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# allauth's rate limits (ACCOUNT_RATE_LIMITS: allauth's defaults) count per client address: behind proxies that set
# X-Forwarded-For, say how many, or every visitor would share the last proxy's address and its limits.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "LE.A.DE.R"

# E-mail: every setting from the environment (see the README); the development settings print e-mails instead.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Whether e-mail can be sent at all: SMTP needs a host. Without it, the accounts' pages that send mail say they cannot
# (learners.accounts.AccountAdapter.send_mail, portal.views.AdminPasswordResetView) rather than pretend they sent.
EMAIL_CONFIGURED = EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend" or bool(EMAIL_HOST)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The e-portfolio's limits: a file, and all of a learner's files together (bytes).
PORTFOLIO_MAX_FILE_SIZE = int(os.environ.get("PORTFOLIO_MAX_FILE_SIZE", str(10 * 1024 * 1024)))
PORTFOLIO_MAX_TOTAL_SIZE = int(os.environ.get("PORTFOLIO_MAX_TOTAL_SIZE", str(200 * 1024 * 1024)))

# Background tasks (django-tasks). Wagtail's own tasks run at once, as before; the Matrix's large spreadsheet imports
# go to the `imports` backend: at once in development and tests, the database (django-tasks-db, whose worker is
# `manage.py db_worker --backend imports`) in production.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {
        "BACKEND": os.environ.get("IMPORT_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    },
    # The groups' e-mails (feedback arrived): groups/tasks.py.
    "notifications": {
        "BACKEND": os.environ.get("NOTIFICATION_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    },
}
# The spreadsheet import's limits (resources/spreadsheet.py, DEFAULT_LIMITS): any of them may be set here.
RESOURCE_IMPORT = {
    "MAX_UPLOAD_BYTES": 5 * 1024 * 1024,
    "MAX_UNCOMPRESSED_BYTES": 50 * 1024 * 1024,
    "MAX_ROWS": 10_000,
    "MAX_COLUMNS": 40,
    "MAX_CELL_CHARACTERS": 10_000,
    "MAX_CHARACTERS": 20_000_000,
    "BACKGROUND_ROWS": int(os.environ.get("IMPORT_BACKGROUND_ROWS", "50")),
}

# Content-Security-Policy (django-csp; portal.middleware.ContentSecurityPolicyMiddleware picks the admin's policy
# under /admin/). Public pages: no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin: Wagtail's own templates and wagtail-localize's editor write inline scripts and styles, so those are
# allowed there (and only there); everything is still loaded from this host alone, no plug-in, no <base>, forms
# post only here, and only this host may frame it (Wagtail's preview frames its own pages).
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_PATH_PREFIX = "/admin/"
# Headers Django has no setting for: who may embed our resources, and the browser features pages may use (none).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Background tasks and Wagtail's audit messages are one line per page save: too loud at INFO.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# The open data API (/api/v1/): how many requests a client may make, and how long anyone may cache an answer.
OPEN_DATA_RATE = os.environ.get("OPEN_DATA_RATE", "120/min")
OPEN_DATA_MAX_AGE = int(os.environ.get("OPEN_DATA_MAX_AGE", "300"))
OPEN_DATA_PAGE_SIZE = 50
# The API's throttle counts per client address the same way as allauth's limits: the proxies we trust, else the
# connection's address (django-ninja would otherwise believe any X-Forwarded-For a client sends).
NINJA_NUM_PROXIES = ALLAUTH_TRUSTED_PROXY_COUNT

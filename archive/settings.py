"""Settings for congress-archive, read from the environment.

The embedded default is a SQLite file beside the project; point ``DATABASE_URL`` at
PostgreSQL (``postgres://user@host:5432/name``) for production.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from archive.caches import caches_from_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# DJANGO_PRODUCTION=1 turns on everything a public deployment needs (a real secret key,
# HTTPS only, HSTS, secure cookies); each setting below can still be set on its own.
PRODUCTION = env_bool("DJANGO_PRODUCTION", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_PRODUCTION=1.")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("DJANGO_REQUIRE_SECRET_KEY", PRODUCTION):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    # A fixed development key keeps sessions valid across restarts of the local site;
    # production sets DJANGO_REQUIRE_SECRET_KEY=1 so it can never be used there.
    SECRET_KEY = "insecure-development-key-for-the-embedded-default-only"
elif PRODUCTION and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a random value of 50+ characters.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# HTTPS. Off by default so that the local site and the tests run over plain HTTP.
HTTPS = env_bool("DJANGO_HTTPS", PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (only trust a proxy you run).
if env_bool("DJANGO_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = os.environ.get("DJANGO_REFERRER_POLICY", "same-origin")
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
# Public pages are cached whole until the content changes (congress/page_cache.py), and the
# API counts its rate limits in the cache. The default cache is each worker's memory;
# DJANGO_CACHE_URL=redis://… shares one between workers (archive/caches.py says when to).
CACHES = caches_from_url(
    os.environ.get("DJANGO_CACHE_URL"),
    max_entries=int(os.environ.get("DJANGO_CACHE_ENTRIES", "2000")),
)
PAGE_CACHE_ALIAS = "default"
# How long a cached page may live at most (0: no page cache). Writes through the import, the
# admin, the API and migrate clear it at once; this bounds any other write.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))

IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the write lock when their transaction begins (not at their first write,
    # when SQLite can only fail with "database is locked"), and wait for it up to the
    # timeout: two imports, or an import and an editor, then queue instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=int(os.environ.get("SQLITE_BUSY_TIMEOUT", "30")),
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "congress",
]
if IS_POSTGRES:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("django_filters"), "django.contrib.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "congress.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "congress.page_cache.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "congress.middleware.AdminBadRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The import: where the seed reports live, and whether imported content is public at once.
SEED_REPORTS_DIR = BASE_DIR / "fixtures" / "seeds"
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", str(5 * 1024 * 1024)))
# Processes that read and extract reports while the import writes (0: one per core, up to
# four, for 40 files or more; 1: none).
IMPORT_WORKERS = int(os.environ.get("IMPORT_WORKERS", "0"))
# New reports written per transaction (one transaction per file: 1). A batch that the
# database refuses is written again file by file, so one bad file fails alone.
IMPORT_BATCH_FILES = int(os.environ.get("IMPORT_BATCH_FILES", "50"))
IMPORT_DEFAULT_STATUS = os.environ.get("IMPORT_DEFAULT_STATUS", "published")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The open-data API (/api/): read-only, anonymous, rate-limited. Rates are "N/second|minute|
# hour|day"; API_NUM_PROXIES is how many trusted proxies stand in front of the site (0: the
# client address is REMOTE_ADDR, so a forged X-Forwarded-For cannot dodge the limit).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "congress.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "congress.api.schema.ArchiveAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "congress.api.throttling.BurstRateThrottle",
        "congress.api.throttling.SustainedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "burst": os.environ.get("API_THROTTLE_BURST", "120/minute"),
        "sustained": os.environ.get("API_THROTTLE_SUSTAINED", "10000/day"),
    },
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0")),
    "EXCEPTION_HANDLER": "congress.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "congress-archive open data API",
    "DESCRIPTION": (
        "Read-only access to the published archive of Vietnamese local Party congress "
        "reports: units, terms, congresses, reports, indicators and people."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},  # no outside calls
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "congress.models.organisations.UnitKind",
        "IndicatorKindEnum": "congress.models.indicators.IndicatorKind",
    },
}

# Content Security Policy (django-csp): everything from this site, nothing inline, no
# frames, no plugins. Templates keep scripts and styles in static files for this reason
# (the API docs use drf-spectacular's split Swagger view, whose script is a separate file).
# Swagger UI draws its icons as data: images. CSP_REPORT_URI adds a report endpoint.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
if os.environ.get("CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [os.environ["CSP_REPORT_URI"]]

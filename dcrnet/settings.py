"""Settings: every knob from the environment, with safe development defaults."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """A variable, or the content of the file named by NAME_FILE (for secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = env(name, "")
    if value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = env(name, "")
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)
TESTING = envbool("TESTING", "pytest" in sys.modules)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdefghij"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Before the admin: translated content fields, edited side by side (docs/decisions/0005).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Before allauth: our formal-address translations of allauth's texts win over its own.
    "dcrnet.community",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "axes",
    "simple_history",
    "django_countries",
    "django_htmx",
    "django_tasks_db",
    "statici18n",
    "dcrnet.directory",
    "dcrnet.pages",
    "dcrnet.evidence",
    "dcrnet.monitoring",
    "dcrnet.organisations",
    "dcrnet.forum",
    "dcrnet.documents",
    "dcrnet.guide",
    "dcrnet.experts",
    "dcrnet.planning",
    "dcrnet.trainings",
    "dcrnet.visits",
    "dcrnet.advocacy",
    "dcrnet.policy",
    "dcrnet.news",
    "dcrnet.newsletter",
    "dcrnet.sitesearch",
    "dcrnet.impact",
    "dcrnet.alerts",
    "dcrnet.peers",
    "dcrnet.demo",
    "dcrnet.operations",
]

MIDDLEWARE = [
    # Request id, access log, a security event for each 403 and 429: sees every response.
    "dcrnet.lib.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Every header before anything may answer early (static files, the control-character check).
    "dcrnet.lib.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A first visit follows Accept-Language once; after that, the visitor's own choice.
    "dcrnet.lib.i18n.FirstVisitLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before the page cache and every view: no NUL reaches a cache key or a query.
    "dcrnet.lib.middleware.RefuseControlCharactersMiddleware",
    "dcrnet.lib.pagecache.AnonymousPageCacheMiddleware",
    "dcrnet.lib.middleware.AllowedMethodsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "dcrnet.community.middleware.RequireMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dcrnet.urls"
WSGI_APPLICATION = "dcrnet.wsgi.application"
ASGI_APPLICATION = "dcrnet.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dcrnet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["dcrnet.lib.templatetags"],
        },
    }
]

# Database: SQLite (WAL, IMMEDIATE, synchronous=FULL) by default; DATABASE_URL for PostgreSQL.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        " PRAGMA busy_timeout=20000;"
    ),
}
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": SQLITE_OPTIONS,
            # Persistent connections: opening one costs ~2 ms and closing the last one
            # checkpoints the WAL (bench/README.md).
            "CONN_MAX_AGE": envint("CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "dcrnet",
        }
    }
elif DEBUG:
    # One process (runserver, tests): memory is enough and keeps tests fast.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Several app processes must share rate limits and cached pages: without Redis, the
    # database (`manage.py createcachetable`; `make serve` runs it).
    CACHES = {
        "default": {
            "BACKEND": "dcrnet.lib.dbcache.DatabaseCache",
            "LOCATION": "dcrnet_cache",
            "KEY_PREFIX": "dcrnet",
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 50000)},
        }
    }

# Public pages for anonymous visitors (dcrnet.lib.pagecache): kept whole in the cache for
# PAGE_CACHE_SECONDS, and sent as `Cache-Control: public, max-age=PUBLIC_CACHE_MAX_AGE` with an
# ETag, so a shared cache in front may serve them: an edit shows there within that many seconds.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 0 if TESTING else 60)
PUBLIC_CACHE_MAX_AGE = envint("PUBLIC_CACHE_MAX_AGE", 60)

# Accounts
AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PASSWORD_RESET_TIMEOUT = 3600
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DCR Network] "
# allauth's own per-email limit would let anyone lock a member out by guessing; axes (below)
# limits per email+IP instead. The per-IP limits stay as a defence against credential stuffing.
# Wrong second-factor codes are limited per account too (dcrnet.community.forms).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip", "mfa_code_failed": "5/300s/key"}
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_FORMS = {
    "login": "dcrnet.community.forms.LoginForm",
    "signup": "dcrnet.community.forms.SignupForm",
    "reauthenticate": "dcrnet.community.forms.PasswordReauthenticateForm",
}
# Account mail goes out through background tasks; rate limits use dcrnet.lib.clientip.
ACCOUNT_ADAPTER = "dcrnet.community.adapter.AccountAdapter"
MFA_FORMS = {
    "authenticate": "dcrnet.community.forms.AuthenticateForm",
    "reauthenticate": "dcrnet.community.forms.ReauthenticateForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "DCR Network"
# Who must have TOTP follows what an account can do, not its groups: dcrnet.community.roles.

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "login"
# allauth authenticates with email=..., not the form field: this finds the address on every path.
AXES_USERNAME_CALLABLE = "dcrnet.community.auth.axes_username"
AXES_SENSITIVE_PARAMETERS = ["password", "login"]
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
# Proxies in front of the app; dcrnet.lib.clientip reads the client from X-Forwarded-For by it.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "dcrnet.lib.clientip.known_client_ip"

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Messages live in the session: no extra cookie outside the __Host- prefix.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 24 * 7)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Security headers (tests 1–10 of shared/RELIABILITY.md)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *envlist("MAP_TILE_HOSTS")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
if not DEBUG:
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    if envbool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Uploaded files (documents, planning attachments): checked by content, at most this size.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

# Internationalisation: every string is marked and translated into all five languages; English
# is the first language, at the paths without a prefix (docs/decisions/0005-languages.md).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("nl", _("Dutch")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "dcrnet" / "locale"]
FORMAT_MODULE_PATH = ["dcrnet.formats"]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The JavaScript catalogues are static files (strict CSP: no inline script, no view per request);
# `make messages` writes them, CI checks that they match the catalogues.
STATICI18N_ROOT = BASE_DIR / "dcrnet" / "static"
STATICI18N_OUTPUT_DIR = "jsi18n"
# Only our strings (dcrnet/locale, always included), not Django admin's JavaScript translations
# (the admin has its own catalogue view): the package named has no djangojs catalogue of its own.
STATICI18N_PACKAGES = ("dcrnet.directory",)
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "dcrnet" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Email goes through Django's mail framework (MAILERS, Django 6.1); sending happens in background
# tasks. The environment variables keep their EMAIL_* names; SMTP options apply to SMTP only.
_email_backend = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": envint("EMAIL_PORT", 25),
            "username": env("EMAIL_HOST_USER"),
            "password": env("EMAIL_HOST_PASSWORD"),
            "use_tls": envbool("EMAIL_USE_TLS", False),
            "use_ssl": envbool("EMAIL_USE_SSL", False),
            # An unreachable server must not hold a worker for ever.
            "timeout": envint("EMAIL_TIMEOUT", 10),
        }
        if _email_backend == "django.core.mail.backends.smtp.EmailBackend"
        else {},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "DCR Network <noreply@dcrnet.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# Map: an offline basemap is always drawn; MAP_TILE_URL adds a tile layer a site hosts itself.
MAP_TILE_URL = env("MAP_TILE_URL")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION")

NINJA_PAGINATION_MAX_LIMIT = 500

# Forum: how many of a new member's first posts wait for a moderator (0: none are held).
FORUM_HOLD_FIRST_POSTS = int(env("FORUM_HOLD_FIRST_POSTS", "1"))

# Logs: one JSON object a line on stderr (dcrnet.lib.logging), every logger through it.
LOG_LEVEL = env("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "dcrnet.lib.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handlers (plain text, mail to admins) give way to the JSON one.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # Security events are always written (shared/RELIABILITY.md tests 48–50).
        "dcrnet.security": {"level": "INFO"},
        # One access line per request: with DEBUG runserver prints its own.
        "dcrnet.request": {"level": env("ACCESS_LOG_LEVEL", "WARNING" if DEBUG else "INFO")},
    },
}

"""Django settings for DigiSkill, read from environment variables.

Every setting that can change between machines comes from the environment through the typed
helpers below; a bad value stops start-up with one line that says what to fix.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("DIGISKILL_HOME", BASE_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("DIGISKILL_VAR", PROJECT_DIR / "var")).resolve()


class ConfigError(SystemExit):
    """A configuration value is missing or wrong; the message says what to fix."""

    def __init__(self, message: str) -> None:
        super().__init__(f"DigiSkill configuration error: {message}")


def env_str(name: str, default: str | None = None) -> str | None:
    """Return an environment variable as text, or the default when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name: str, default: bool) -> bool:
    """Return an environment variable as a boolean; refuse anything but the usual spellings."""
    raw = env_str(name)
    if raw is None:
        return default
    lowered = raw.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean; use true or false.")


def env_int(name: str, default: int) -> int:
    """Return an environment variable as an integer."""
    raw = env_str(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated environment variable as a list of stripped items."""
    raw = env_str(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, Any]:
    """Parse DATABASE_URL into Django's form; only SQLite and PostgreSQL are supported."""
    try:
        config = dict(dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60)))
    except Exception as exc:  # the library raises several types for a malformed URL
        raise ConfigError(f"DATABASE_URL={url!r} cannot be parsed ({exc}).") from None
    engine = str(config.get("ENGINE", ""))
    if engine.endswith("sqlite3"):
        if config.get("NAME") and str(config["NAME"]) != ":memory:":
            Path(str(config["NAME"])).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        config["CONN_MAX_AGE"] = 0
        config["TEST"] = {"NAME": None}
    elif engine.endswith("postgresql"):
        if not config.get("NAME"):
            raise ConfigError(f"DATABASE_URL={url!r} names no database; use postgres://USER@HOST:PORT/NAME.")
        config.setdefault("OPTIONS", {})
    else:
        raise ConfigError(
            f"DATABASE_URL={url!r} names engine {engine or 'unknown'}; use sqlite:///PATH or "
            "postgres://USER@HOST:PORT/NAME."
        )
    return config


DEBUG = env_bool("DEBUG", False)
# With DEBUG on, unknown addresses still get the project's 404 page (urls.py); false shows Django's list.
OWN_404_IN_DEBUG = env_bool("DEBUG_OWN_404", True)
TESTING = "pytest" in sys.modules or env_bool("DIGISKILL_TESTING", False)

_secret = env_str("SECRET_KEY")
if _secret is None and not (DEBUG or TESTING):
    if env_bool("DIGISKILL_SECRET_OPTIONAL", False):
        # Set by cli.py for commands that sign nothing (no sessions, no links): a throw-away key will do.
        _secret = secrets.token_urlsafe(50)
    else:
        _command = env_str("DIGISKILL_COMMAND")
        _needed_by = f" (`digiskill {_command}` needs it)" if _command else ""
        raise ConfigError(
            f"SECRET_KEY is not set{_needed_by}; set SECRET_KEY to a long random string (or DEBUG=true)."
        )
SECRET_KEY = _secret or "digiskill-insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'digiskill.sqlite3'}") or "")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves the API docs' scripts itself (no CDN)
    "axes",
    "digiskill.core",
    "digiskill.accounts",
    "digiskill.agencies",
    "digiskill.people",
    "digiskill.frameworks",
    "digiskill.assessments",
    "digiskill.gaps",
    "digiskill.learning",
    "digiskill.plans",
    "digiskill.inbox",
    "digiskill.reports",
    "digiskill.api",
    "digiskill.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "digiskill.core.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "digiskill.core.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "digiskill.accounts.middleware.ActorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "digiskill.urls"
WSGI_APPLICATION = "digiskill.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

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
                "digiskill.core.context_processors.actor",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock-out after repeated failed logins (django-axes): by username and client address together,
# so one person mistyping does not lock a shared office address out.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0)

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "digiskill_language"
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "DigiSkill <no-reply@digiskill.local>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_AGE_SECONDS", 8 * 3600)
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): everything from the app itself, no inline script or
# style (templates use classes from static/css/app.css), pictures also as data: URLs (Pico's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
if not DEBUG and not TESTING:
    SECURE = env_bool("SECURE_COOKIES", True)
    SESSION_COOKIE_SECURE = SECURE
    CSRF_COOKIE_SECURE = SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None

# Roster imports (people): refused before any parsing when over these limits.
ROSTER_MAX_BYTES = env_int("ROSTER_MAX_BYTES", 20 * 1024 * 1024)
ROSTER_MAX_ROWS = env_int("ROSTER_MAX_ROWS", 200_000)
ROSTER_MAX_CELL = env_int("ROSTER_MAX_CELL", 1000)
# What an XLSX may unpack to (its zip members' declared sizes), so a small file cannot hide a huge cell.
ROSTER_MAX_UNPACKED_BYTES = env_int("ROSTER_MAX_UNPACKED_BYTES", 256 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

"""Django settings of the disclosure office (政府信息公开办公室).

SQLite is the embedded default, kept at var/gongkai.sqlite3 under $GONGKAI_HOME (or the working
directory); DATABASE_URL (dj-database-url syntax) selects PostgreSQL in production.

The environment (README「部署」):
- GONGKAI_HTTPS=1: the site is served over HTTPS behind a reverse proxy (nginx) that sets
  X-Forwarded-Proto and X-Forwarded-For: Secure cookies, HSTS, redirect to HTTPS, the client's
  address from the proxy (login throttling). `check --deploy` is clean in this mode.
- GONGKAI_ALLOWED_HOSTS: the site's host names, comma-separated; GONGKAI_SECRET_KEY (else a key
  kept in var/secret_key, mode 0600); GONGKAI_DEBUG=1 for development only.
- GONGKAI_EMAIL_HOST (and _PORT, _USER, _PASSWORD, _TLS=1 or _SSL=1, _FROM): the mail server for
  reminders (`gongkai reminders`) and applicants' letters; without it no mail is sent.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = Path(os.environ.get("GONGKAI_HOME") or os.getcwd())
VAR_DIR = HOME / "var"


def _secret_key() -> str:
    """A key from the environment, else one generated once and kept beside the database."""
    if os.environ.get("GONGKAI_SECRET_KEY"):
        return os.environ["GONGKAI_SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(key)
    if path.stat().st_mode & 0o077:  # a key written by an older version, readable by others
        path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("GONGKAI_DEBUG", "") == "1"
HTTPS = os.environ.get("GONGKAI_HTTPS", "") == "1"
ALLOWED_HOSTS = [
    h
    for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h
]

OFFICE_APPS = ["audit", "agencies", "applications", "appeals", "annual", "portal"]
OFFICE_APPS += ["api"]
OFFICE_APPS += ["catalogue"]
OFFICE_APPS += ["supervision"]
OFFICE_APPS += ["notices"]
OFFICE_APPS += ["today"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    *[f"gongkai.office.{a}" for a in OFFICE_APPS],
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gongkai.office.request_checks.RefuseNulInParameters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gongkai.office.audit.watched.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.office.privacy.NoStoreForSignedIn",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "office" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.office.portal.text_size.large_text",
            ]
        },
    }
]

#: seconds a writer waits for SQLite's write lock before giving up (a 500 only after this long)
SQLITE_BUSY_SECONDS = 30

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Parameters bound by the server, and a query prepared once it has run 5 times on a
        # connection: PostgreSQL then parses and plans the pages' repeated queries once, not
        # on every request (a quarter of its CPU on a portal search, bench/catalogue_speed.py).
        # A transaction-mode pooler (pgbouncer) in front needs its prepared-statement support.
        DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
else:
    # WAL: readers never wait for the writer; IMMEDIATE: a transaction takes the write lock when
    # it begins, so two writers queue (busy timeout) instead of failing with "database is locked"
    # when the second tries to upgrade its read lock.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "gongkai.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": SQLITE_BUSY_SECONDS,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000};"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "office" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# WhiteNoise serves the packaged static files from the package itself (no collectstatic step
# to forget, so no STATIC_ROOT: one that does not exist made every process warn at start)
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None

LOGIN_URL = "login"
# Sessions stay in the database (revocable, nothing but a key in the cookie); each process
# keeps the ones it has read in memory, so a page does not read its session again.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

#: [U] domain-spec §5.5: whether the time from a fee notice to payment is excluded from the reply
#: period is not confirmed; common local practice pauses the clock, so that is the default.
GONGKAI_FEE_PAUSES_CLOCK = os.environ.get("GONGKAI_FEE_PAUSES_CLOCK", "1") != "0"

# ---------------------------------------------------------------- mail
# Reminders to staff and letters to applicants go by mail only once the office names its mail
# server (gongkai.office.mail.configured); nothing is sent, and nothing fails, without one.
EMAIL_HOST = os.environ.get("GONGKAI_EMAIL_HOST", "")
_EMAIL_PORT = os.environ.get("GONGKAI_EMAIL_PORT", "").strip()
EMAIL_PORT = int(_EMAIL_PORT) if _EMAIL_PORT.isdigit() else 25
EMAIL_HOST_USER = os.environ.get("GONGKAI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_EMAIL_PASSWORD", "")
EMAIL_USE_SSL = os.environ.get("GONGKAI_EMAIL_SSL", "") == "1"
EMAIL_USE_TLS = os.environ.get("GONGKAI_EMAIL_TLS", "") == "1" and not EMAIL_USE_SSL
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_EMAIL_FROM", "") or "gongkai@localhost"

# ---------------------------------------------------------------- security

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): failures are counted in the database, which every worker
# shares; an account, and separately an address, is locked for a while after too many.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_CLIENT_IP_CALLABLE = "gongkai.office.privacy.client_ip"

# Content-Security-Policy (django-csp), in every mode: scripts only from the site itself (the
# vendored htmx), no plugins, no framing by other sites, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if h not in ("testserver",)]

# Exceptions go to the log (stderr: the server's error log or the journal) with their
# traceback, whether DEBUG is on or off.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"}
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": True},
        "gongkai": {"handlers": ["stderr"], "level": "WARNING", "propagate": True},
    },
}

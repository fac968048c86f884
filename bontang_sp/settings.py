"""Settings of Bontang SP, read from the environment (see .env.example).

With no environment at all the application runs on SQLite, local-memory cache,
console e-mail and eager Celery tasks: `make run` needs nothing else.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Public base URL of the portal: QR codes and e-mails link here.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
# The Wali Kota's name, typed under the signature of a Keputusan Wali Kota.
MAYOR_NAME = env.str("MAYOR_NAME", default="")
# The address on the Wali Kota's letterhead (kop) of a Keputusan Wali Kota.
MAYOR_OFFICE_ADDRESS = env.str("MAYOR_OFFICE_ADDRESS", default="")


def _development_secret_key() -> str:
    """A key kept in var/ so that sessions survive a restart of `make run`."""
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY wajib diisi bila DEBUG tidak aktif.")
    SECRET_KEY = _development_secret_key()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "guardian",
    "simple_history",
    "django_htmx",
    "csp",
    "agencies",
    "documents",
    "maklumat",
    "standards",
    "consultations",
    "monitoring",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Staff pages (even their error pages) are never stored by a browser or shared cache.
    "bontang_sp.middleware.staff_pages_not_stored",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Deny by default: every view needs a login unless marked @login_not_required.
    "bontang_sp.middleware.LoginRequiredMiddleware",  # Django's, the view asked first
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "bontang_sp.urls"
WSGI_APPLICATION = "bontang_sp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bontang_sp.context_processors.site",
                "agencies.context_processors.notifications",
            ],
            # The one `rupiah` filter, in every template without a {% load %}.
            "builtins": ["bontang_sp.rupiah"],
        },
    },
    # The public portal's pages (the hot path citizens load): Jinja2 compiles a template to
    # Python and renders a page several times faster (docs/decisions/0007).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates_jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "bontang_sp.jinja2.environment"},
    },
]

# ---------------------------------------------------------------------------
# Database: DATABASE_URL, default a SQLite file in the project folder
# ---------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Cache: REDIS_URL, default local memory
# ---------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bontang-sp",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------
# Celery: CELERY_BROKER_URL, default none (tasks run eagerly in-process)
# ---------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged only when it finished, and redelivered when its worker died.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A frozen broker must fail an enqueue within seconds, not block the request.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": 3,
    "socket_connect_timeout": 3,
    "max_retries": 1,
    "visibility_timeout": 3600,
}
CELERY_REDIS_SOCKET_TIMEOUT = 3
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 3
CELERY_TIMEZONE = "Asia/Makassar"
CELERY_BEAT_SCHEDULE: dict = {
    "resend-unsent-notifications": {
        "task": "agencies.tasks.resend_unsent_notifications",
        "schedule": 300.0,
    },
    # Render jobs left pending or rendering (broker down, worker killed) are queued again.
    "sweep-stale-documents": {
        "task": "documents.tasks.sweep_stale_documents",
        "schedule": 120.0,
    },
    # Pasal 15-16: SKM and evaluations due, acts waiting > 7 days, follow-ups past due.
    "monitoring-reminders": {
        "task": "monitoring.tasks.send_monitoring_reminders",
        "schedule": 6 * 3600.0,
    },
}

# ---------------------------------------------------------------------------
# E-mail: EMAIL_URL, default the console
# ---------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Bontang SP <noreply@bontangkota.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------
# Authentication and permissions
# ---------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user row
GUARDIAN_RAISE_403 = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Throttles on the shared cache (agencies/signin.py, docs/decisions/0014): failed logins
# per account from one address and per address, reset mails per account and per address.
LOGIN_FAILURE_WINDOW = env.int("LOGIN_FAILURE_WINDOW", default=15 * 60)
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=20)
PASSWORD_RESET_WINDOW = env.int("PASSWORD_RESET_WINDOW", default=60 * 60)
PASSWORD_RESET_PER_ACCOUNT = env.int("PASSWORD_RESET_PER_ACCOUNT", default=3)
PASSWORD_RESET_PER_ADDRESS = env.int("PASSWORD_RESET_PER_ADDRESS", default=5)

# ---------------------------------------------------------------------------
# Behind a reverse proxy (README, "Di balik reverse proxy"): the client's address for the
# rate limits and the login throttle. Off by default: REMOTE_ADDR is the client. With
# CLIENT_IP_HEADER set (e.g. X-Real-IP), the header is read only on requests coming from
# TRUSTED_PROXIES (addresses or networks), and must be written by the proxy itself.
# ---------------------------------------------------------------------------
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

# ---------------------------------------------------------------------------
# Security headers and the Content Security Policy
# ---------------------------------------------------------------------------
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_COOKIES else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "bontang_sp.errors.csrf_failure"
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
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# ---------------------------------------------------------------------------
# Language and time: Bontang keeps WITA
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates "3 Desember 2026", moments "3 Desember 2026, 05.49", times "05.49" (one style each).
FORMAT_MODULE_PATH = ["bontang_sp.formats"]

# ---------------------------------------------------------------------------
# Static files and uploads (uploads are never served from a public URL)
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # pypdf reads untrusted uploads and warns about every quirk of a scanner's PDF.
    "loggers": {
        "pypdf": {"level": "ERROR"},
        # Refused logins and reset mails (agencies/signin.py): always kept.
        "security": {"level": "INFO"},
        # pyHanko logs a traceback for every changed file it is asked to verify.
        "pyhanko.sign.validation": {"level": "ERROR"},
        "pyhanko.sign.diff_analysis": {"level": "ERROR"},
    },
}

# ---------------------------------------------------------------------------
# Electronic signatures (TTE, decision 0009)
# ---------------------------------------------------------------------------
# Fernet key (urlsafe base64 of 32 bytes) sealing the signers' PKCS#12 files at rest and
# a passphrase for the signing job. Required for TTE; without it no one can sign.
# `make run` (DEBUG) falls back to a development key kept in var/, never in production.
TTE_ENCRYPTION_KEY = env.str("TTE_ENCRYPTION_KEY", default="")
if not TTE_ENCRYPTION_KEY and DEBUG:
    _tte_key = VAR_DIR / "dev-tte-key"
    if not _tte_key.exists():
        import base64

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _tte_key.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        _tte_key.chmod(0o600)
    TTE_ENCRYPTION_KEY = _tte_key.read_text().strip()
# PEM files of the root certificates a signature must chain to (BSrE's roots in
# production). `make run` creates a demo CA in TTE_DEMO_DIR and trusts it under DEBUG.
TTE_DEMO_DIR = Path(env.str("TTE_DEMO_DIR", default=str(VAR_DIR / "tte-demo")))
TTE_TRUST_ROOTS = env.list("TTE_TRUST_ROOTS", default=[])
TTE_TRUST_DEMO_CA = env.bool("TTE_TRUST_DEMO_CA", default=DEBUG)
# RFC 3161 timestamp authority: with a URL, signatures are PAdES B-T; without, B-B.
TTE_TSA_URL = env.str("TTE_TSA_URL", default="")

# ---------------------------------------------------------------------------
# Standar Pelayanan
# ---------------------------------------------------------------------------
# Hours in one hari kerja, to add step durations given in minutes or hours to those
# given in working days (Lampiran 1.B.5). Bontang's offices keep 7.5 hours on average
# (37.5 hours a week); set it to the agency's rule.
WORKING_HOURS_PER_DAY = env.float("WORKING_HOURS_PER_DAY", default=7.5)
# An act waiting longer than this many hari kerja is highlighted on the dashboard and
# reminded to the Sekretaris Daerah (Pasal 15); days off: agencies.workdays.
WAIT_ALERT_WORKING_DAYS = env.int("WAIT_ALERT_WORKING_DAYS", default=5)

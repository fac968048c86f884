"""What the test suite must change; everything else comes from settings.py."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
# Test-only TTE key (.ci/run exports one for its worker too).
os.environ.setdefault("TTE_ENCRYPTION_KEY", "dGVzdC1vbmx5LXR0ZS1rZXktbm90LWZvci1wcm9kISE=")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run inside transactions a worker cannot see: tasks run in-process here,
# and the tests marked `services` switch to the real worker themselves.
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_COOKIES = SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_PROXY_SSL_HEADER = None
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
TTE_DEMO_DIR = VAR_DIR / "test-tte-demo"  # noqa: F405
TTE_TRUST_DEMO_CA = True
TTE_TSA_URL = ""

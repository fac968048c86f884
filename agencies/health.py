"""Checks that the running parts answer: database, cache, broker and a worker."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from .tasks import health_check


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def check_cache() -> str:
    key = f"health-{uuid.uuid4().hex}"
    cache.set(key, "ok", 30)
    if cache.get(key) != "ok":
        raise RuntimeError("cache tidak mengembalikan nilai yang disimpan")
    cache.delete(key)
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_worker(timeout: float = 20) -> dict:
    """Send a task through the broker and wait for a worker's answer."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return health_check.apply().get()
    return health_check.apply_async().get(timeout=timeout)

"""A small per-IP rate limit on the shared cache (local memory, or Redis in production).

A fixed window per minute: enough to make guessing verification codes hopeless and to
keep one client from hashing uploads all day. When the cache is unreachable the request
is let through (and logged): verification must not go down with the cache.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    # REMOTE_ADDR: behind a reverse proxy, the proxy must set it (e.g. gunicorn's
    # --forwarded-allow-ips with a proxy that overwrites X-Forwarded-For).
    return request.META.get("REMOTE_ADDR") or "unknown"


def allow(request, *, scope: str, limit: int | None = None, window: int = 60) -> bool:
    """Count this request; False once the client made more than `limit` in the window."""
    limit = limit if limit is not None else getattr(settings, "VERIFY_RATE_LIMIT", 30)
    bucket = int(time.time() // window)
    key = f"ratelimit:{scope}:{client_ip(request)}:{bucket}"
    try:
        if cache.add(key, 1, timeout=window + 5):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, timeout=window + 5)
                count = 1
    except Exception:
        logger.exception("Batas laju tidak dapat diperiksa (cache); permintaan diteruskan.")
        return True
    return count <= limit

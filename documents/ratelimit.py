"""A small rate limit on the shared cache (local memory, or Redis in production).

`allow` is a fixed window per minute per client address: enough to make guessing
verification codes hopeless and to keep one client from hashing uploads all day.
`Counter` counts events under any key (a failed login for one account from one address)
in a window opened by the first event. When the cache is unreachable the request is let
through (and logged): verification and login must not go down with the cache.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind a trusted reverse proxy the address the
    proxy wrote into settings.CLIENT_IP_HEADER (off by default; see the README).

    The header is read only when the request comes from one of settings.TRUSTED_PROXIES,
    so a client talking to the application directly cannot choose its own budget. A list
    header (X-Forwarded-For) gives its last entry: the one the proxy itself appended.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if not header or not _is_trusted_proxy(remote):
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    candidate = value.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _is_trusted_proxy(remote: str) -> bool:
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return False
    return any(
        address in ipaddress.ip_network(network, strict=False)
        for network in getattr(settings, "TRUSTED_PROXIES", [])
    )


def hashed(value: str) -> str:
    """A cache-safe, fixed-length key part for text the client typed (a username)."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _count(key: str, timeout: int) -> int:
    """Add one to the counter at `key` (created with `timeout`) and return it."""
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=timeout)
        return 1


def allow(request, *, scope: str, limit: int | None = None, window: int = 60) -> bool:
    """Count this request; False once the client made more than `limit` in the window."""
    limit = limit if limit is not None else getattr(settings, "VERIFY_RATE_LIMIT", 30)
    bucket = int(time.time() // window)
    key = f"ratelimit:{scope}:{client_ip(request)}:{bucket}"
    try:
        count = _count(key, window + 5)
    except Exception:
        logger.exception("Batas laju tidak dapat diperiksa (cache); permintaan diteruskan.")
        return True
    return count <= limit


class Counter:
    """Events under `scope` and a key, counted for `window` seconds from the first one."""

    def __init__(self, scope: str, *, limit: int, window: int):
        self.scope, self.limit, self.window = scope, limit, window

    def _key(self, key: str) -> str:
        return f"ratelimit:{self.scope}:{key}"

    def exceeded(self, key: str) -> bool:
        try:
            return (cache.get(self._key(key)) or 0) >= self.limit
        except Exception:
            logger.exception("Batas laju tidak dapat diperiksa (cache); permintaan diteruskan.")
            return False

    def hit(self, key: str) -> int:
        """Count one event; returns the count so far (0 when the cache is unreachable)."""
        try:
            return _count(self._key(key), self.window)
        except Exception:
            logger.exception("Batas laju tidak dapat dicatat (cache).")
            return 0

    def reset(self, key: str) -> None:
        try:
            cache.delete(self._key(key))
        except Exception:
            logger.exception("Batas laju tidak dapat diatur ulang (cache).")

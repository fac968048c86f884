"""The generation of published data: every cached public page carries it in its key.

Lowest app, so that every app whose data the portal shows (a decree in force, a
Maklumat set, a survey opened) can say "published data changed" without importing the
portal. The bump happens after commit: a rolled-back act changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

PORTAL_GENERATION_KEY = "portal:generation"


def portal_cache_seconds() -> int:
    """How long a rendered public page is kept; 0 turns the portal cache off."""
    return int(getattr(settings, "PORTAL_CACHE_SECONDS", 24 * 60 * 60))


# Each process remembers the generation for at most this long, sparing a cache round trip
# on every page; another process sees a new generation within this time.
GENERATION_MEMO_SECONDS = 1.0
_memo: dict[str, float] = {"generation": 0, "until": 0.0}


def portal_generation() -> int:
    """The current generation of published data (starts at 1)."""
    now = time.monotonic()
    if now < _memo["until"]:
        return int(_memo["generation"])
    generation = cache.get(PORTAL_GENERATION_KEY)
    if generation is None:
        cache.add(PORTAL_GENERATION_KEY, 1, timeout=None)
        generation = cache.get(PORTAL_GENERATION_KEY) or 1
    _memo.update(generation=int(generation), until=now + GENERATION_MEMO_SECONDS)
    return int(generation)


def _bump_generation() -> None:
    try:
        cache.incr(PORTAL_GENERATION_KEY)
    except ValueError:  # the key was evicted: start from a number never used before
        cache.set(PORTAL_GENERATION_KEY, int(time.time()), timeout=None)
    _memo["until"] = 0.0  # this process reads the new generation at once


def forget_generation() -> None:
    """Read the generation from the cache on the next call (tests that clear the cache)."""
    _memo["until"] = 0.0


def portal_changed() -> None:
    """Published data changed (a decree in force or revoked, a Maklumat set, a survey
    opened or closed): every cached public page is stale once the transaction commits."""
    transaction.on_commit(_bump_generation)


def cached(key: str, produce: Callable[[], object]) -> object:
    """`produce()` cached under the current generation (not cached when disabled)."""
    seconds = portal_cache_seconds()
    if seconds <= 0:
        return produce()
    full_key = f"portal:{portal_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = produce()
        cache.set(full_key, value, timeout=seconds)
    return value

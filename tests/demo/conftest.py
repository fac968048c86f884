from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # The survey form's rate limit lives in the cache; seeding answers many surveys.
    cache.clear()
    yield
    cache.clear()

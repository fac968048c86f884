"""pyHanko's synchronous calls run their own event loop (asyncio.run), which fails in a
thread that already runs one (an async view, or a test process where Playwright's loop
is running). Such calls go through `outside_event_loop`: run here when no loop runs, in a
short-lived thread otherwise."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import wraps


def outside_event_loop(function):
    @wraps(function)
    def wrapper(*args, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return function(*args, **kwargs)
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(function, *args, **kwargs).result()

    return wrapper

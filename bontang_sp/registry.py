"""The one plug-in mechanism: functions an app registers from its AppConfig.ready(), which
a lower app calls without importing the app above it: the staff home's sections and tasks
(agencies), what a decree's coming into force sets off (standards), the Jinja2 globals
(bontang_sp.jinja2) and the publication's parts (portal). Loaded by ready(), not by
autodiscover_modules (docs/decisions/0017); tests/test_registry.py keeps it the only one."""

from __future__ import annotations

from collections.abc import Callable, Iterator


class Registry:
    def __init__(self) -> None:
        self._functions: list[Callable] = []

    def register(self, function: Callable) -> Callable:
        """Add `function` once (a second ready() adds nothing); usable as a decorator."""
        if function not in self._functions:
            self._functions.append(function)
        return function

    def __iter__(self) -> Iterator[Callable]:
        return iter(self._functions)

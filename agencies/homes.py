"""The sections of each role's home (/kelola/), the first page after login. Each app
registers a provider in its AppConfig.ready() that returns its section for the request's
user, or None; the home (in the lowest app) imports none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bontang_sp.registry import Registry


@dataclass(frozen=True)
class HomeSection:
    """A template and what it shows; `order` puts the sections in place (lower first)."""

    template: str
    data: dict = field(default_factory=dict)
    order: int = 50


Provider = Callable[[object], "HomeSection | None"]
_providers = Registry()
register = _providers.register


def sections_for(request) -> list[HomeSection]:
    sections = [s for provider in _providers if (s := provider(request)) is not None]
    return sorted(sections, key=lambda s: s.order)

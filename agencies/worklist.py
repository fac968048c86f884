"""'Tugas saya': what waits for a user. Each app registers a provider in its
AppConfig.ready(), so the staff home (in the lowest app) needs to import none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from bontang_sp.registry import Registry


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str
    since: datetime | None = None
    agency_name: str = ""
    # How long it waited is counted by the home with the working-day calendar
    # (agencies.workdays), in hari kerja and calendar days.


Provider = Callable[[object], list[WorkItem]]
_providers = Registry()
register = _providers.register


def items_for(user) -> list[WorkItem]:
    items = [item for provider in _providers for item in provider(user)]
    return sorted(items, key=lambda item: item.since or timezone.now())

"""How long decrees wait for the next act (Pasal 12, watched under Pasal 15), in hari kerja
of the city's calendar (`agencies.workdays`). The dashboard, the reminders and the
evaluator's and mayor's homes all read these figures, so they never disagree.

An item waits from its decree's last status change (or its creation) until now; it is
over the limit when it waited more than `settings.WAIT_ALERT_WORKING_DAYS` hari kerja.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from agencies.models import Agency
from agencies.workdays import Wait, WorkCalendar, wait_between, work_calendar

from .models import Decree, DecreeStatus
from .stages import EVALUATION, RATIFICATION, SETTING, Stage

WAITING_STAGES: dict[str, Stage] = {
    DecreeStatus.SUBMITTED: EVALUATION,
    DecreeStatus.EVALUATED: SETTING,
    DecreeStatus.SET: RATIFICATION,
}

__all__ = ["WAITING_STAGES", "WaitGroup", "WaitingDecree", "wait_groups", "waiting_decrees"]


def alert_limit() -> int:
    return settings.WAIT_ALERT_WORKING_DAYS


@dataclass(frozen=True)
class WaitingDecree:
    decree: Decree
    stage: Stage
    wait: Wait
    limit: int

    @property
    def over_limit(self) -> bool:
        return self.wait.working_days > self.limit


def waiting_decrees(
    now: datetime.datetime | None = None,
    *,
    statuses=tuple(WAITING_STAGES),
    calendar: WorkCalendar | None = None,
    queryset=None,
) -> list[WaitingDecree]:
    """Every decree waiting for an act, longest wait first (two queries)."""
    now = now or timezone.now()
    calendar = calendar or work_calendar()
    limit = alert_limit()
    decrees = (
        (queryset if queryset is not None else Decree.objects.all())
        .filter(status__in=statuses, agency__active=True)
        .select_related("agency")
        .annotate(
            last_change=Max("status_changes__at"),
            waiting_since=Coalesce(Max("status_changes__at"), "created_at"),
            standard_count=Count("lampiran", distinct=True),
            submitted_at=Max("status_changes__at", filter=Q(status_changes__to_status="submitted")),
        )
    )
    items = [
        WaitingDecree(
            decree=d,
            stage=WAITING_STAGES[d.status],
            wait=wait_between(d.waiting_since, now, calendar),
            limit=limit,
        )
        for d in decrees
    ]
    items.sort(key=lambda item: (-item.wait.working_days, item.wait.since, item.decree.pk))
    return items


@dataclass(frozen=True)
class WaitGroup:
    """The waits of one agency (or of the whole city: agency None) at one stage."""

    agency: Agency | None
    stage: Stage
    items: tuple[WaitingDecree, ...]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def median_working_days(self) -> float:
        return statistics.median(item.wait.working_days for item in self.items)

    @property
    def longest(self) -> WaitingDecree:
        return max(self.items, key=lambda item: item.wait.working_days)

    @property
    def over_limit(self) -> tuple[WaitingDecree, ...]:
        return tuple(item for item in self.items if item.over_limit)


def wait_groups(items: list[WaitingDecree], *, by_agency: bool = True) -> list[WaitGroup]:
    """Group waits per agency and stage (or per stage for the city), in the stepper's order."""
    order = list(WAITING_STAGES.values())
    groups: dict[tuple, list[WaitingDecree]] = defaultdict(list)
    agencies: dict[int, Agency] = {}
    for item in items:
        agency = item.decree.agency if by_agency else None
        if agency is not None:
            agencies[agency.pk] = agency
        groups[(agency.pk if agency else None, item.stage.code)].append(item)
    stage_by_code = {stage.code: stage for stage in order}
    result = [
        WaitGroup(
            agency=agencies.get(agency_pk) if agency_pk else None,
            stage=stage_by_code[code],
            items=tuple(members),
        )
        for (agency_pk, code), members in groups.items()
    ]
    result.sort(
        key=lambda g: (g.agency.name if g.agency else "", order.index(g.stage)),
    )
    return result

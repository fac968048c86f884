"""The working-day calendar of Kota Bontang: every "hari kerja" figure is counted here.

A day is a hari kerja unless it is a Saturday or Sunday, a national holiday (the
Indonesian calendar of the `holidays` package, category "public"), or a day kept in
`agencies.Holiday` (cuti bersama and local days, edited in the admin).

How long an item waited, from one moment to another, both read in WITA:
- calendar days: the dates between them (acted the next day = 1);
- working days: the hari kerja after the first date up to and including the last
  (submitted on Friday and acted on Monday = 1; the same day = 0).
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils import timezone

__all__ = [
    "Wait",
    "WorkCalendar",
    "calendar_for",
    "national_holidays",
    "wait_between",
    "work_calendar",
]


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict[datetime.date, str]:
    """The national holidays (hari libur nasional) of one year, named in Indonesian."""
    return dict(holidays.country_holidays("ID", years=year, language="id"))


def _local_date(moment: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    return moment


class WorkCalendar:
    """Days off as a sorted list, so counting working days over any span is a bisect."""

    def __init__(self, extra_days_off: dict[datetime.date, str]):
        self._extra = dict(extra_days_off)
        self._years: set[int] = set()
        self._off: dict[datetime.date, str] = dict(self._extra)
        self._weekday_off: list[datetime.date] = []
        self._rebuild()

    def _ensure(self, *years: int) -> None:
        missing = {y for y in years if y not in self._years}
        if not missing:
            return
        for year in missing:
            for day, name in national_holidays(year).items():
                self._off.setdefault(day, name)
        self._years |= missing
        self._rebuild()

    def _rebuild(self) -> None:
        self._weekday_off = sorted(d for d in self._off if d.weekday() < 5)

    def day_off_name(self, day: datetime.date) -> str | None:
        self._ensure(day.year)
        return self._off.get(day)

    def is_working_day(self, day: datetime.date) -> bool:
        self._ensure(day.year)
        return day.weekday() < 5 and day not in self._off

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Hari kerja d with start < d <= end (0 when end is not after start)."""
        if end <= start:
            return 0
        self._ensure(*range(start.year, end.year + 1))
        span = (end - start).days
        weeks, rest = divmod(span, 7)
        weekdays = weeks * 5 + sum(
            1 for i in range(1, rest + 1) if (start + datetime.timedelta(days=i)).weekday() < 5
        )
        first = bisect.bisect_right(self._weekday_off, start)
        last = bisect.bisect_right(self._weekday_off, end)
        return weekdays - (last - first)

    def add_working_days(self, start: datetime.date, count: int) -> datetime.date:
        """The date `count` hari kerja after `start`."""
        day = start
        while count > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


def work_calendar() -> WorkCalendar:
    """The calendar with the days kept in the admin (one query)."""
    from .models import Holiday

    return WorkCalendar(dict(Holiday.objects.values_list("date", "name")))


@dataclass(frozen=True)
class Wait:
    """How long something waited, in calendar days and in hari kerja."""

    since: datetime.datetime
    until: datetime.datetime
    calendar_days: int
    working_days: int


def wait_between(
    since: datetime.datetime, until: datetime.datetime, calendar: WorkCalendar
) -> Wait:
    start, end = _local_date(since), _local_date(until)
    return Wait(
        since=since,
        until=until,
        calendar_days=max((end - start).days, 0),
        working_days=calendar.working_days_between(start, end),
    )


def calendar_for(request) -> WorkCalendar:
    """One calendar per request, shared by every section of a page (one query)."""
    calendar = getattr(request, "_work_calendar", None)
    if calendar is None:
        calendar = request._work_calendar = work_calendar()
    return calendar

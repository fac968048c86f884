"""The working-day calendar: weekends, national holidays from the `holidays` package, and
the cuti bersama and local days kept in the admin; waits counted in WITA."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from agencies.models import Holiday, HolidayKind
from agencies.workdays import wait_between, work_calendar

D = datetime.date


def wita(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.mark.django_db
def test_weekend_and_independence_day_are_not_working_days():
    calendar = work_calendar()
    assert calendar.is_working_day(D(2026, 8, 14))  # Friday
    assert not calendar.is_working_day(D(2026, 8, 15))  # Saturday
    assert not calendar.is_working_day(D(2026, 8, 16))  # Sunday
    assert not calendar.is_working_day(D(2026, 8, 17))  # Hari Kemerdekaan, a Monday
    assert calendar.day_off_name(D(2026, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"


@pytest.mark.django_db
def test_wait_across_a_weekend_and_a_holiday_hand_computed():
    """Submitted Thu 13 Aug 2026 16:30 WITA, acted Wed 19 Aug 09:00 WITA: calendar days
    13->19 = 6; hari kerja after the 13th up to the 19th: Fri 14, Tue 18, Wed 19 = 3
    (Sat 15, Sun 16 and Mon 17 August are off)."""
    wait = wait_between(wita(2026, 8, 13, 16, 30), wita(2026, 8, 19, 9, 0), work_calendar())
    assert (wait.calendar_days, wait.working_days) == (6, 3)


@pytest.mark.django_db
def test_cuti_bersama_from_the_admin_is_a_day_off():
    """The same span with Tue 18 August declared cuti bersama: 2 hari kerja."""
    Holiday.objects.create(date=D(2026, 8, 18), name="Cuti bersama", kind=HolidayKind.JOINT_LEAVE)
    calendar = work_calendar()
    assert not calendar.is_working_day(D(2026, 8, 18))
    wait = wait_between(wita(2026, 8, 13, 16, 30), wita(2026, 8, 19, 9, 0), calendar)
    assert (wait.calendar_days, wait.working_days) == (6, 2)


@pytest.mark.django_db
def test_dates_are_read_in_wita_not_utc():
    """23:30 WITA on Friday is 15:30 UTC the same day; 00:30 WITA Monday is Sunday in UTC."""
    since = wita(2026, 8, 7, 23, 30)
    until = wita(2026, 8, 10, 0, 30)
    wait = wait_between(since, until, work_calendar())
    assert (wait.calendar_days, wait.working_days) == (3, 1)


@pytest.mark.django_db
def test_same_day_is_zero_and_spans_over_years_count_every_holiday(django_assert_num_queries):
    with django_assert_num_queries(1):
        calendar = work_calendar()
    assert calendar.working_days_between(D(2026, 8, 14), D(2026, 8, 14)) == 0
    # After Wed 23 Dec 2026: Thu 24 (cuti bersama, not kept in the admin here: worked),
    # Fri 25 Christmas off, 26-27 weekend, Mon 28 - Thu 31 worked, Fri 1 Jan 2027 off,
    # 2-3 weekend, Mon 4 worked: 24, 28, 29, 30, 31, 4 = 6.
    assert calendar.working_days_between(D(2026, 12, 23), D(2027, 1, 4)) == 6
    slow = sum(
        1
        for i in range(1, (D(2027, 1, 4) - D(2026, 12, 23)).days + 1)
        if calendar.is_working_day(D(2026, 12, 23) + datetime.timedelta(days=i))
    )
    assert slow == 6
    assert calendar.add_working_days(D(2026, 8, 14), 1) == D(2026, 8, 18)

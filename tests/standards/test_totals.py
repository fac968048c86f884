"""Derived components 3 and 4 (Lampiran angka 1 huruf B angka 5-6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bontang_sp.rupiah import rupiah
from standards.models import DurationUnit, ProcedureStep
from standards.selectors import standard_with_rows
from standards.totals import FREE_LABEL, standard_totals, steps_totals
from tests.standards.factories import StandardFactory, StepFactory

M, H, D = DurationUnit.MINUTES, DurationUnit.HOURS, DurationUnit.WORKING_DAYS


def step(value, unit=M, fee=0, cost=0) -> ProcedureStep:
    return ProcedureStep(
        duration_value=Decimal(value),
        duration_unit=unit,
        applicant_fee=Decimal(fee),
        agency_cost=Decimal(cost),
    )


@pytest.mark.parametrize(
    ("steps", "minutes", "display"),
    [
        ([], 0, "0 menit"),
        ([step(15)], 15, "15 menit"),
        ([step(1, D), step(2, D)], 1350, "3 hari kerja"),
        ([step(1, D), step(2, H)], 570, "1 hari kerja 2 jam"),
        ([step(2, H), step(30)], 150, "2 jam 30 menit"),
        ([step(4, H), step(4, H)], 480, "1 hari kerja 30 menit"),
        ([step("0.5", D)], 225, "3 jam 45 menit"),
        ([step("7.5", H)], 450, "1 hari kerja"),
        ([step("0.01")], 1, "1 menit"),  # rounded up: a promise is never understated
    ],
)
def test_duration_is_summed_in_minutes_and_written_in_indonesian(steps, minutes, display):
    totals = steps_totals(steps)
    assert totals.minutes_total == minutes
    assert totals.duration_display == display


def test_working_days_follow_the_working_hours_setting(settings):
    settings.WORKING_HOURS_PER_DAY = 8
    totals = steps_totals([step(8, H), step(4, H)])
    assert totals.working_days == Decimal("1.50")
    assert totals.duration_display == "1 hari kerja 4 jam"


def test_working_days_are_a_decimal_of_the_default_seven_and_a_half_hours():
    totals = steps_totals([step(1, D), step(45)])
    assert totals.working_days == Decimal("1.10")


def test_zero_fee_reads_gratis_never_blank():
    totals = steps_totals([step(15, fee=0, cost=25000)])
    assert totals.is_free
    assert totals.fee_display == "Gratis (tidak dipungut biaya)" == FREE_LABEL
    assert totals.agency_cost == Decimal(25000)
    assert totals.agency_cost_display == "Rp 25.000"


def test_fees_and_costs_are_summed_over_steps():
    totals = steps_totals([step(5, fee=5000, cost=1000), step(5, fee=2500, cost=500)])
    assert not totals.is_free
    assert totals.applicant_fee == Decimal(7500)
    assert totals.fee_display == "Rp 7.500"
    assert totals.agency_cost == Decimal(1500)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp 0"),
        (500, "Rp 500"),
        (5000, "Rp 5.000"),
        (Decimal("1250000"), "Rp 1.250.000"),
        (Decimal("1000000000"), "Rp 1.000.000.000"),
    ],
)
def test_rupiah_uses_dots_between_thousands(amount, text):
    assert rupiah(amount) == text


def test_standard_totals_cost_no_query_when_steps_are_prefetched(db, django_assert_num_queries):
    standard = StandardFactory()
    for _ in range(40):
        StepFactory(standard=standard, duration_value=Decimal(10), applicant_fee=Decimal(100))
    loaded = standard_with_rows(standard.pk)
    with django_assert_num_queries(0):
        totals = standard_totals(loaded)
    assert totals.step_count == 40
    assert totals.minutes_total == 400
    assert totals.applicant_fee == Decimal(4000)

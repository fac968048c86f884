"""Derived components 3 and 4: service time and fee, summed from the procedure steps.

Lampiran angka 1 huruf B angka 5: the time of every step, from first to last, is added up
to give the service's total time. Lampiran angka 1 huruf B angka 6: the fee charged to the
applicant and the cost borne by the agency are identified per step and added up; a free
service must say so in writing.

Normalising the units (documented rule)
---------------------------------------
- 1 jam = 60 menit; 1 hari kerja = ``settings.WORKING_HOURS_PER_DAY`` jam (7.5 by default,
  i.e. 450 menit).
- The total is the sum of every step in minutes, rounded *up* to a whole minute: a
  promise to the public is never understated.
- ``duration_display`` writes the total as hari kerja, then jam, then menit, leaving out
  the parts that are zero: "3 hari kerja", "15 menit", "1 hari kerja 2 jam",
  "2 jam 30 menit". A total of zero reads "0 menit".
- ``step_duration_display`` writes one step's time in its own unit, never as a decimal:
  1,5 jam reads "1 jam 30 menit", 4 jam "4 jam", 0,5 hari kerja "setengah hari kerja";
  other fractions of a day are written out as jam and menit. Staff pages, the PDF and the
  portal all use it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from bontang_sp.rupiah import rupiah

from .models import DurationUnit, ProcedureStep, ServiceStandard

__all__ = [
    "FREE_LABEL",
    "Totals",
    "duration_display",
    "minutes_per_working_day",
    "standard_totals",
    "step_duration_display",
    "step_minutes",
    "steps_totals",
]

# Lampiran angka 1 huruf B angka 6: "apabila gratis harus jelas tertulis".
FREE_LABEL = "Gratis (tidak dipungut biaya)"


def minutes_per_working_day() -> Decimal:
    """Minutes in one hari kerja, from the documented WORKING_HOURS_PER_DAY setting."""
    return Decimal(str(settings.WORKING_HOURS_PER_DAY)) * 60


def step_minutes(value: Decimal | int, unit: str) -> Decimal:
    """One duration in minutes (exact, not rounded)."""
    value = Decimal(value)
    if unit == DurationUnit.HOURS:
        return value * 60
    if unit == DurationUnit.WORKING_DAYS:
        return value * minutes_per_working_day()
    return value


def duration_display(minutes: int) -> str:
    """Minutes as Indonesian text: hari kerja, jam, menit, zero parts left out."""
    per_day = minutes_per_working_day()
    days = int(Decimal(minutes) // per_day)
    rest = Decimal(minutes) - days * per_day
    hours = int(rest // 60)
    mins = int(rest - hours * 60)
    parts = []
    if days:
        parts.append(_("%(n)s hari kerja") % {"n": days})
    if hours:
        parts.append(_("%(n)s jam") % {"n": hours})
    if mins or not parts:
        parts.append(_("%(n)s menit") % {"n": mins})
    return " ".join(parts)


def step_duration_display(value: Decimal | int | None, unit: str) -> str:
    """One step's time in the unit the drafter chose, as words, never as a decimal:
    "1 jam 30 menit", "4 jam", "setengah hari kerja", "45 menit"."""
    value = Decimal(value or 0)
    if unit == DurationUnit.WORKING_DAYS:
        whole = int(value)
        if value == whole:
            return _("%(n)s hari kerja") % {"n": whole}
        if value == Decimal("0.5"):
            return _("setengah hari kerja")
        return duration_display(math.ceil(step_minutes(value, unit)))
    minutes = math.ceil(step_minutes(value, unit))
    if unit != DurationUnit.HOURS:
        return _("%(n)s menit") % {"n": minutes}
    hours, rest = divmod(minutes, 60)
    parts = [_("%(n)s jam") % {"n": hours}] if hours else []
    if rest or not parts:
        parts.append(_("%(n)s menit") % {"n": rest})
    return " ".join(parts)


@dataclass(frozen=True)
class Totals:
    """What components 3 (Jangka Waktu) and 4 (Biaya/Tarif) derive from the steps."""

    step_count: int
    minutes_total: int
    working_days: Decimal
    duration_display: str
    applicant_fee: Decimal
    agency_cost: Decimal

    @property
    def is_free(self) -> bool:
        return self.applicant_fee == 0

    @property
    def fee_display(self) -> str:
        return FREE_LABEL if self.is_free else rupiah(self.applicant_fee)

    @property
    def agency_cost_display(self) -> str:
        return rupiah(self.agency_cost)

    @property
    def has_duration(self) -> bool:
        return self.minutes_total > 0


def steps_totals(steps: Iterable[ProcedureStep]) -> Totals:
    """Totals of any iterable of steps (saved or not: the editor previews unsaved rows)."""
    count = 0
    minutes = Decimal(0)
    fee = Decimal(0)
    cost = Decimal(0)
    for step in steps:
        count += 1
        minutes += step_minutes(step.duration_value or 0, step.duration_unit)
        fee += Decimal(step.applicant_fee or 0)
        cost += Decimal(step.agency_cost or 0)
    whole_minutes = math.ceil(minutes)
    working_days = (Decimal(whole_minutes) / minutes_per_working_day()).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return Totals(
        step_count=count,
        minutes_total=whole_minutes,
        working_days=working_days,
        duration_display=duration_display(whole_minutes),
        applicant_fee=fee,
        agency_cost=cost,
    )


def standard_totals(standard: ServiceStandard) -> Totals:
    """Totals of a standard from ``standard.steps.all()``: no query when steps are prefetched."""
    return steps_totals(standard.steps.all())

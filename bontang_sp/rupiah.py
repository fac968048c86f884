"""Money the Indonesian way, in one place: "Rp 5.000" (whole rupiah, dots between
thousands), for Python and, as the `rupiah` filter, for every template."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter(name="rupiah")
def rupiah(amount: Decimal | int | None) -> str:
    """5000 -> "Rp 5.000"; "Rp 0" for zero or none."""
    whole = int(Decimal(amount or 0).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if whole < 0 else ""
    return f"{sign}Rp {abs(whole):,}".replace(",", ".")

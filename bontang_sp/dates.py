"""One style per kind of moment, in the site's language: dates "3 Desember 2026", times
"05.49 WITA" (Bontang keeps WITA: TIME_ZONE is Asia/Makassar)."""

from __future__ import annotations

from django.utils import formats, timezone


def long_date(value) -> str:
    """A date (or the local date of a datetime) as "3 Desember 2026"; "" for none."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return formats.date_format(value)  # DATE_FORMAT (bontang_sp/formats)


def long_moment(value) -> str:
    """A datetime as "3 Desember 2026, 05.49 WITA"; "" for none."""
    if not value:
        return ""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT") + " WITA"

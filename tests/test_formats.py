"""Indonesian formats in one place (issue 16 point 4): the formats module behind plain
`|date`, `|date:"DATETIME_FORMAT"` and `|time`, one `rupiah` filter, and no literal date
formats or strftime left in templates and code."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, timezone

from bontang_sp.dates import long_date, long_moment
from bontang_sp.jinja2 import date as jinja_date
from bontang_sp.rupiah import rupiah

ROOT = Path(settings.BASE_DIR)
DAY = datetime.date(2026, 12, 3)
MOMENT = timezone.make_aware(datetime.datetime(2026, 12, 3, 5, 49))  # WITA


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_templates_write_dates_moments_and_times_one_way():
    assert render("{{ d|date }}", d=DAY) == "3 Desember 2026"
    assert render('{{ m|date:"DATETIME_FORMAT" }}', m=MOMENT) == "3 Desember 2026, 05.49"
    assert render("{{ m|time }}", m=MOMENT) == "05.49"
    assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=DAY) == "03-12-2026"


def test_python_writes_them_the_same_way():
    assert formats.date_format(DAY) == "3 Desember 2026"
    assert long_date(DAY) == long_date(MOMENT) == "3 Desember 2026"
    assert long_moment(MOMENT) == "3 Desember 2026, 05.49 WITA"
    assert jinja_date(DAY) == "3 Desember 2026" and jinja_date(None) == ""


@pytest.mark.parametrize(
    "amount,text",
    [(5000, "Rp 5.000"), (0, "Rp 0"), (None, "Rp 0"), (Decimal("1234567"), "Rp 1.234.567")],
)
def test_rupiah_in_python_and_in_templates(amount, text):
    assert rupiah(amount) == text
    assert render("{{ a|rupiah }}", a=amount) == text  # a builtin: no {% load %}


ALLOWED_LITERALS = {"DATETIME_FORMAT", "SHORT_DATE_FORMAT", "l", "l, H.i", "l, j F Y"}
ALLOWED_LITERALS |= {"l, j F Y, H.i"}  # with the weekday, which the formats do not name


def test_no_template_names_its_own_date_format():
    literals = set()
    for path in (ROOT / "templates").rglob("*.html"):
        literals |= set(re.findall(r'\|date:"([^"]*)"', path.read_text(encoding="utf-8")))
    assert literals <= ALLOWED_LITERALS, literals - ALLOWED_LITERALS


def test_no_code_formats_dates_with_strftime():
    apps = [name for name in settings.INSTALLED_APPS if "." not in name] + ["bontang_sp"]
    offenders = [
        str(path.relative_to(ROOT))
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if "/migrations/" not in str(path) and ".strftime(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []

"""A step's time: one rule for the form and the completeness check (step time above 0),
one wording everywhere ("1 jam 30 menit", never "1,50 jam"), and the warning when the
text of component 3 promises another time than the steps add up to."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from standards.checks import check_standard, check_warnings
from standards.models import ComponentKind, DurationUnit, ProcedureStep, StandardComponent
from standards.selectors import standard_with_rows
from standards.totals import step_duration_display
from tests.standards.factories import ServiceFactory, StandardFactory, make_complete_standard

pytestmark = pytest.mark.django_db

M, H, D = DurationUnit.MINUTES, DurationUnit.HOURS, DurationUnit.WORKING_DAYS
HX = {"HTTP_HX_REQUEST": "true"}


def _step_post(client, standard, value):
    data = {
        "baru-tahapan-actor": "Petugas loket",
        "baru-tahapan-action": "Menerima berkas",
        "baru-tahapan-duration_value": value,
        "baru-tahapan-duration_unit": M,
        "baru-tahapan-applicant_fee": "",
        "baru-tahapan-agency_cost": "0",
        "baru-tahapan-output": "",
    }
    return client.post(reverse("standards:row-add", args=[standard.pk, "tahapan"]), data, **HX)


# --- point 9: one rule ---------------------------------------------------------------


def test_the_form_refuses_a_step_time_of_zero_with_the_checks_clause(client, drafter_a, agency_a):
    standard = StandardFactory(service=ServiceFactory(agency=agency_a))
    client.force_login(drafter_a)
    response = _step_post(client, standard, "0")
    html = response.content.decode()
    assert 'id="id_baru-tahapan-duration_value_error"' in html
    assert "waktu tahap harus lebih dari 0" in html
    assert "Lampiran angka 1 huruf B angka 5" in html
    assert not ProcedureStep.objects.filter(standard=standard).exists()
    assert _step_post(client, standard, "0.5").status_code == 200
    assert ProcedureStep.objects.filter(standard=standard).count() == 1


def test_the_check_and_the_form_agree_on_what_a_timed_step_is(agency_a):
    standard = make_complete_standard(agency=agency_a)
    standard.steps.update(duration_value=Decimal("0.01"))
    assert "step_duration" not in {f.code for f in check_standard(standard_with_rows(standard.pk))}
    standard.steps.update(duration_value=Decimal(0))
    assert "step_duration" in {f.code for f in check_standard(standard_with_rows(standard.pk))}


# --- point 16: fractional times in words -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        ("1.5", H, "1 jam 30 menit"),
        ("4", H, "4 jam"),
        ("4.00", H, "4 jam"),
        ("0.5", H, "30 menit"),
        ("8", H, "8 jam"),  # hours stay hours, never "1 hari kerja 30 menit"
        ("0.5", D, "setengah hari kerja"),
        ("0.50", D, "setengah hari kerja"),
        ("3", D, "3 hari kerja"),
        ("1.5", D, "1 hari kerja 3 jam 45 menit"),
        ("15", M, "15 menit"),
        ("2.5", M, "3 menit"),  # rounded up, as the total is
    ],
)
def test_a_step_time_reads_in_words(value, unit, words):
    assert step_duration_display(Decimal(value), unit) == words
    assert ProcedureStep(duration_value=Decimal(value), duration_unit=unit).duration_display == (
        words
    )


def test_staff_editor_and_print_write_fractional_steps_in_words(client, drafter_a, agency_a):
    standard = make_complete_standard(agency=agency_a)
    standard.steps.update(duration_value=Decimal("1.50"), duration_unit=H)
    client.force_login(drafter_a)
    for name in ("standards:standard-detail", "standards:standard-print"):
        html = client.get(reverse(name, args=[standard.pk])).content.decode()
        assert "1 jam 30 menit" in html
        assert "1,50 jam" not in html and "1,5 jam" not in html


# --- point 12: the text against the derived time -----------------------------------------


def _with_time_text(standard, text):
    StandardComponent.objects.filter(standard=standard, kind=ComponentKind.SERVICE_TIME).update(
        text=text
    )
    return standard_with_rows(standard.pk)


@pytest.fixture
def two_hours_fifty(agency_a):
    standard = make_complete_standard(agency=agency_a)
    first, *others = list(standard.steps.order_by("position"))
    ProcedureStep.objects.filter(pk=first.pk).update(duration_value=Decimal(170), duration_unit=M)
    ProcedureStep.objects.filter(pk__in=[s.pk for s in others]).delete()
    return standard


def test_a_text_promising_another_time_than_the_steps_is_warned(two_hours_fifty):
    standard = _with_time_text(two_hours_fifty, "Paling lama 3 hari kerja sejak berkas lengkap.")
    warnings = check_warnings(standard)
    assert [w.code for w in warnings] == ["service_time_text"]
    assert "3 hari kerja" in warnings[0].message and "2 jam 50 menit" in warnings[0].message
    assert warnings[0].component == ComponentKind.SERVICE_TIME
    # a warning, not a failure: the standard may still be submitted
    assert check_standard(standard) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Paling lama 2 jam 50 menit sejak berkas diterima lengkap.",
        "170 menit.",
        "Pelayanan pada hari kerja, Senin sampai Jumat.",
    ],
)
def test_a_text_agreeing_with_the_steps_or_naming_no_time_is_not_warned(two_hours_fifty, text):
    assert check_warnings(_with_time_text(two_hours_fifty, text)) == []


def test_the_editor_shows_the_warning_beside_the_checks(client, drafter_a, two_hours_fifty):
    _with_time_text(two_hours_fifty, "paling lama 3 hari kerja")
    client.force_login(drafter_a)
    html = client.get(reverse("standards:standard-detail", args=[two_hours_fifty.pk]))
    html = html.content.decode()
    assert "Peringatan" in html
    assert "2 jam 50 menit" in html and "3 hari kerja" in html

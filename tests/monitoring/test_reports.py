"""SKM reports: the head of the agency and the Sekretaris Daerah read them; others get 404."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from monitoring.models import FollowUpStatus, SurveyFollowUp, SurveyPeriod
from monitoring.services import survey_follow_up_create, survey_period_open
from tests.standards.factories import ServiceFactory

from .conftest import answer

pytestmark = pytest.mark.django_db


def _detail(period):
    return reverse("monitoring:period-detail", args=[period.agency.slug, period.pk])


@pytest.mark.parametrize(
    "persona,status",
    [
        ("head_a", 200),
        ("secretariat", 200),
        ("drafter_a", 404),
        ("head_b", 404),
        ("reviewer", 404),
        ("mayor_office", 404),
    ],
    indirect=["persona"],
)
def test_who_reads_the_report(client, persona, status, open_period_a):
    client.force_login(persona)
    assert client.get(_detail(open_period_a)).status_code == status
    csv_url = reverse("monitoring:period-csv", args=["disdukcapil", open_period_a.pk])
    assert client.get(csv_url).status_code == status


def test_anonymous_is_sent_to_login(client, open_period_a):
    response = client.get(_detail(open_period_a))
    assert response.status_code == 302 and "/kelola/masuk/" in response["Location"]


def test_report_shows_index_chart_and_per_service(
    client, head_a, service_a, open_period_a, django_assert_max_num_queries
):
    other = ServiceFactory(agency=service_a.agency, name="Akta Kelahiran", slug="akta")
    for _ in range(3):
        answer(service_a, score=4)
    answer(other, score=2)
    client.force_login(head_a)
    with django_assert_max_num_queries(25):
        page = client.get(_detail(open_period_a)).content.decode()
    # (3 x 4 + 2) x 9 / (4 x 9) x 25 = 87.50 -> B
    assert 'data-testid="skm-index">87,50<' in page
    assert "<svg" in page and "skm-bar" in page
    assert "Akta Kelahiran" in page and "50,00" in page
    # Krejcie-Morgan target for 1,000 users: 278
    assert "4 dari target 278" in page


def test_csv_export(client, secretariat, service_a, open_period_a):
    answer(service_a, score=3)
    client.force_login(secretariat)
    url = reverse("monitoring:period-csv", args=["disdukcapil", open_period_a.pk])
    body = client.get(url).content.decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0].startswith("Layanan,Jumlah responden,NRR Persyaratan")
    assert lines[1].endswith("75.00,C")
    assert lines[2].startswith("Kartu Keluarga,1,3.0000")


def test_head_opens_period_and_records_follow_up(client, head_a, agency_a, service_a):
    client.force_login(head_a)
    url = reverse("monitoring:period-list", args=[agency_a.slug])
    response = client.post(url, {"kind": "semester", "year": 2026, "number": 1})
    period = SurveyPeriod.objects.get()
    assert response.status_code == 302 and period.is_open
    # a second open period is refused
    client.post(url, {"kind": "semester", "year": 2026, "number": 2})
    assert SurveyPeriod.objects.count() == 1
    client.post(
        _detail(period),
        {
            "element": "complaints",
            "service": service_a.pk,
            "action": "Sediakan kotak pengaduan",
            "owner": "Sekretaris",
            "due_on": "2026-12-31",
        },
    )
    follow_up = SurveyFollowUp.objects.get()
    status_url = reverse("monitoring:follow-up-status", args=[agency_a.slug, follow_up.pk])
    client.post(status_url, {"status": "done"})
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DONE and follow_up.done_on is not None


def test_secretariat_reads_but_does_not_manage(client, secretariat, open_period_a):
    client.force_login(secretariat)
    page = client.get(_detail(open_period_a)).content.decode()
    assert "Tutup periode" not in page
    close = reverse("monitoring:period-close", args=["disdukcapil", open_period_a.pk])
    assert client.post(close).status_code == 404


def test_others_cannot_open_periods_or_record_follow_ups(drafter_a, agency_a, open_period_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        survey_period_open(actor=drafter_a, agency=agency_a, kind="year", year=2027)
    with pytest.raises(PermissionDenied):
        survey_follow_up_create(
            actor=drafter_a,
            period=open_period_a,
            element="fee",
            action="x",
            owner="y",
            due_on=datetime.date(2026, 1, 1),
        )


def test_pdf_report_and_counter_poster_render(
    client, head_a, service_a, open_period_a, django_capture_on_commit_callbacks
):
    from documents.models import Document, DocumentStatus
    from tests.documents.conftest import pdf_text

    answer(service_a, score=4)
    client.force_login(head_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:period-pdf", args=["disdukcapil", open_period_a.pk]))
        client.post(reverse("monitoring:service-poster", args=["disdukcapil", service_a.pk]))
    report = Document.objects.get(kind="report")
    poster = Document.objects.get(kind="survey_poster")
    assert report.status == DocumentStatus.READY, report.last_error
    assert poster.status == DocumentStatus.READY, poster.last_error
    report_text = pdf_text(report.file.read())
    assert "LAPORAN SURVEI KEPUASAN MASYARAKAT" in report_text and "100,00" in report_text
    assert "Kartu Keluarga" in pdf_text(poster.file.read())
    page = client.get(_detail(open_period_a)).content.decode()
    assert "Unduh laporan PDF" in page

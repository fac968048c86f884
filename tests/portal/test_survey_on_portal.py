"""The SKM on the portal's pages (Pasal 16): the survey's link while a period is open, the
published result once it is closed, on the service page and the agency page."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from monitoring.services import survey_period_close, survey_period_open
from tests.monitoring.conftest import answer


def test_service_and_agency_pages_follow_the_survey_period(client, akta, agency_a, head_a):
    service_url = reverse("portal:public-service", args=[agency_a.slug, akta.service.slug])
    agency_url = reverse("portal:public-agency", args=[agency_a.slug])
    survey_url = reverse("monitoring:survey", args=[agency_a.slug, akta.service.slug])
    assert survey_url not in client.get(service_url).content.decode()

    with TestCase.captureOnCommitCallbacks(execute=True):  # the portal generation bumps
        period = survey_period_open(
            actor=head_a, agency=agency_a, kind="year", year=2026, population=100
        )
    for score in (4, 4, 3):
        answer(akta.service, score=score)
    page = client.get(service_url).content.decode()
    assert survey_url in page
    assert "Hasil Survei Kepuasan Masyarakat" not in page  # published once closed

    with TestCase.captureOnCommitCallbacks(execute=True):
        survey_period_close(actor=head_a, period=period)
    page = client.get(service_url).content.decode()
    assert survey_url not in page
    assert "Hasil Survei Kepuasan Masyarakat" in page
    # (4 + 4 + 3) / 3 x 25 = 91.67 for the service and the agency, written the Indonesian way.
    assert f"{akta.service.name} <strong>91,67</strong>" in page
    assert "3 responden" in page
    agency_page = client.get(agency_url).content.decode()
    assert "Hasil Survei Kepuasan Masyarakat" in agency_page
    assert f"{agency_a.name} <strong>91,67</strong>" in agency_page

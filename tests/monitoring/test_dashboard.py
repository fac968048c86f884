"""The Sekretaris Daerah's dashboard (Pasal 15): figures, score, access, constant queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitoring.dashboard import INDICATORS, dashboard_rows
from monitoring.index import ELEMENT_CODES
from monitoring.models import SurveyFollowUp, SurveyPeriod, SurveyResponse
from standards.models import Decree, DecreeStatus, ServiceStandard, StandardStatus
from tests.factories import AgencyFactory
from tests.standards.factories import ServiceFactory, StandardFactory

from .conftest import PROFILE

pytestmark = pytest.mark.django_db

URL = reverse("monitoring:dashboard")


def _city(count: int):
    """Agencies each with two services (one in force for 2 years), an SKM and a waiting act."""
    today = timezone.localdate()
    for i in range(count):
        agency = AgencyFactory(name=f"Dinas Uji {i:03d}", slug=f"dinas-uji-{i:03d}")
        standard = StandardFactory(service=ServiceFactory(agency=agency))
        ServiceStandard.objects.filter(pk=standard.pk).update(
            status=StandardStatus.IN_FORCE, in_force_since=today - datetime.timedelta(days=800)
        )
        ServiceFactory(agency=agency)
        period = SurveyPeriod.objects.create(agency=agency, kind="year", year=2026)
        SurveyResponse.objects.create(
            period=period,
            service=standard.service,
            nonce_hash=f"{i:064d}",
            **dict.fromkeys(ELEMENT_CODES, 3),
            **PROFILE,
        )
        SurveyFollowUp.objects.create(
            period=period,
            element="complaints",
            action="x",
            owner="y",
            due_on=today,
            status="done",
            done_on=today,
        )
        Decree.objects.create(agency=agency, title="Rancangan", status=DecreeStatus.SUBMITTED)


def test_only_the_secretariat_sees_the_dashboard(client, head_a, reviewer, secretariat):
    for user, status in ((head_a, 404), (reviewer, 404), (secretariat, 200)):
        client.force_login(user)
        assert client.get(URL).status_code == status
        assert client.get(reverse("monitoring:dashboard-csv")).status_code == status


def test_figures_and_score_of_one_agency():
    _city(1)
    (row,) = dashboard_rows(timezone.localdate())
    assert (row.services, row.in_force, row.share) == (2, 1, Decimal("50.0"))
    assert row.overdue_evaluations == 1 and row.last_evaluation is None
    assert row.skm.index == Decimal("75.00") and row.skm.letter == "C"
    assert row.waiting == 1 and row.waiting_since is None  # no status change recorded
    assert (row.follow_ups, row.follow_ups_done, row.follow_ups_on_time) == (1, 1, 1)
    # standard 0.5 x 17 + SKM 17 + follow-ups 7 + 7 (the period is still open: not published)
    assert row.score == Decimal("39.5")
    assert sum(i.weight for i in INDICATORS) == 100


def test_query_count_does_not_grow_with_60_agencies(client, secretariat):
    client.force_login(secretariat)
    _city(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _more_agencies(57)
    with CaptureQueriesContext(connection) as many:
        page = client.get(URL)
    assert page.content.decode().count("<tr>") >= 60
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 15


def _more_agencies(count):
    for i in range(count):
        agency = AgencyFactory(name=f"Kelurahan Uji {i:03d}", slug=f"kel-uji-{i:03d}")
        ServiceFactory(agency=agency)


def test_filters_sorting_and_csv(client, secretariat):
    _city(3)
    client.force_login(secretariat)
    page = client.get(URL, {"q": "001"}).content.decode()
    assert "Dinas Uji 001" in page and "Dinas Uji 002" not in page
    page = client.get(URL, {"urut": "-skor"}).content.decode()
    assert "Dinas Uji 000" in page
    body = client.get(reverse("monitoring:dashboard-csv")).content.decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert len(lines) == 4 and lines[1].startswith("Dinas Uji 000,2,1,50.0")

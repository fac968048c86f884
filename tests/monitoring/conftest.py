from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from monitoring.index import ELEMENT_CODES
from monitoring.services import survey_period_open, survey_response_submit
from standards.models import ServiceStandard, StandardStatus
from tests.standards.factories import ServiceFactory, StandardFactory, make_complete_standard

PROFILE = {"gender": "female", "age_band": "30-39", "education": "sma", "occupation": "self"}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def service_a(agency_a):
    """A service with its standard in force: the only kind the survey asks about."""
    service = ServiceFactory(agency=agency_a, name="Kartu Keluarga", slug="kartu-keluarga")
    StandardFactory(service=service, status=StandardStatus.IN_FORCE)
    return service


@pytest.fixture
def open_period_a(agency_a, head_a):
    return survey_period_open(
        actor=head_a, agency=agency_a, kind="year", year=2026, population=1000
    )


@pytest.fixture
def in_force(agency_a):
    standard = make_complete_standard(agency=agency_a)
    ServiceStandard.objects.filter(pk=standard.pk).update(
        status=StandardStatus.IN_FORCE, in_force_since=datetime.date(2025, 1, 2)
    )
    standard.refresh_from_db()
    return standard


def answer(service, score=4, nonce=None, **overrides):
    """Count one response through the same service the form calls."""
    import secrets

    scores = dict.fromkeys(ELEMENT_CODES, score)
    scores.update(overrides)
    return survey_response_submit(
        service=service, scores=scores, profile=PROFILE, nonce=nonce or secrets.token_hex(8)
    )

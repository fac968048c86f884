"""Reminders (Pasal 15, 16): due things reach the right people once, and 'Tugas saya'."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from agencies.models import Notification
from agencies.worklist import items_for
from monitoring.models import SurveyFollowUp
from monitoring.reminders import send_reminders
from monitoring.services import evaluation_record, survey_period_open
from standards.models import Decree, DecreeStatus, ServiceStandard, StandardStatus, StatusChange
from tests.standards.factories import make_complete_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_standard(agency_a):
    standard = make_complete_standard(agency=agency_a)
    ServiceStandard.objects.filter(pk=standard.pk).update(
        status=StandardStatus.IN_FORCE,
        in_force_since=timezone.localdate() - datetime.timedelta(days=400),
    )
    standard.refresh_from_db()
    return standard


def _subjects(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_head_is_reminded_of_skm_and_evaluation_once(head_a, old_standard, drafter_a):
    send_reminders()
    subjects = _subjects(head_a)
    assert any(s.startswith("SKM tahun") for s in subjects)
    assert any(s.startswith("Evaluasi standar pelayanan jatuh tempo") for s in subjects)
    assert _subjects(drafter_a) == []
    count = Notification.objects.count()
    send_reminders()
    assert Notification.objects.count() == count  # idempotent


def test_nothing_due_after_survey_and_evaluation(head_a, old_standard, agency_a):
    survey_period_open(actor=head_a, agency=agency_a, kind="year", year=timezone.localdate().year)
    evaluation_record(
        actor=head_a,
        standard=old_standard,
        evaluated_on=timezone.localdate(),
        methods=["method_observation"],
        success_factors="a",
        inhibiting_factors="b",
    )
    send_reminders()
    assert _subjects(head_a) == []
    assert items_for(head_a) == []


def test_follow_up_past_due_and_in_tugas_saya(head_a, agency_a):
    period = survey_period_open(actor=head_a, agency=agency_a, kind="year", year=2026)
    SurveyFollowUp.objects.create(
        period=period,
        element="fee",
        action="Papan tarif",
        owner="Kasubag",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    send_reminders()
    assert any("melewati tenggat" in s for s in _subjects(head_a))
    assert any("Papan tarif" in item.title for item in items_for(head_a))


def _wita(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.mark.parametrize(
    ("now", "reminded"),
    [
        # Set on Friday 7 August 2026; the limit is 5 hari kerja.
        (_wita(2026, 8, 14, 16, 0), False),  # Mon 10 - Fri 14: 5 hari kerja
        (_wita(2026, 8, 17, 16, 0), False),  # Mon 17 is Hari Kemerdekaan: still 5
        (_wita(2026, 8, 18, 8, 0), True),  # Tue 18: 6 hari kerja
    ],
)
def test_act_waiting_more_than_the_limit_of_working_days_reaches_the_secretariat(
    secretariat, agency_a, head_a, settings, now, reminded
):
    settings.WAIT_ALERT_WORKING_DAYS = 5
    decree = Decree.objects.create(agency=agency_a, title="Rancangan", status=DecreeStatus.SET)
    change = StatusChange.objects.create(
        decree=decree, action="set", from_status="evaluated", to_status="set", actor=head_a
    )
    StatusChange.objects.filter(pk=change.pk).update(at=_wita(2026, 8, 7, 10, 0))
    send_reminders(now)
    send_reminders(now)
    expected = ["Keputusan menunggu lebih dari 5 hari kerja: " + agency_a.name]
    assert _subjects(secretariat) == (expected if reminded else [])

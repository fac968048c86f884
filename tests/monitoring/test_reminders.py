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


def test_act_waiting_more_than_7_days_reaches_the_secretariat(secretariat, agency_a, head_a):
    decree = Decree.objects.create(agency=agency_a, title="Rancangan", status=DecreeStatus.SET)
    change = StatusChange.objects.create(
        decree=decree, action="set", from_status="evaluated", to_status="set", actor=head_a
    )
    StatusChange.objects.filter(pk=change.pk).update(at=timezone.now() - datetime.timedelta(days=8))
    send_reminders()
    send_reminders()
    assert _subjects(secretariat) == ["Keputusan menunggu lebih dari 7 hari: " + agency_a.name]

"""The attendance list is evidence (Pasal 12 ayat (3) huruf a): an input from an invitee
not marked present asks first; a meeting planned in the past is warned and its
invitation is never dated after it."""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import Consultation
from standards.models import ComponentKind
from tests.consultations.conftest import add_participant, plan

pytestmark = pytest.mark.django_db


def _say(actor, consultation, standard, who, **extra):
    return services.input_record(
        actor=actor,
        consultation=consultation,
        standard=standard,
        component=ComponentKind.REQUIREMENTS,
        raised_by=who,
        text="Fotokopi KK cukup satu lembar.",
        **extra,
    )


def test_an_input_from_an_invitee_not_present_is_refused_and_leaves_them_absent(
    drafter_a, consultation, standard_a
):
    invitee = add_participant(drafter_a, consultation)
    with pytest.raises(ValidationError) as refused:
        _say(drafter_a, consultation, standard_a, invitee)
    assert "belum tercatat hadir" in str(refused.value.message_dict["raised_by"])
    invitee.refresh_from_db()
    assert invitee.attended is False and not consultation.inputs.exists()


def test_the_recorder_says_the_invitee_was_there_and_only_then_they_are_marked(
    drafter_a, consultation, standard_a
):
    invitee = add_participant(drafter_a, consultation)
    entry = _say(drafter_a, consultation, standard_a, invitee, mark_present=True)
    invitee.refresh_from_db()
    assert invitee.attended is True and entry.raised_by == invitee


def test_the_input_page_asks_beside_the_field_and_keeps_the_text(
    client, drafter_a, agency_a, consultation, standard_a
):
    invitee = add_participant(drafter_a, consultation)
    client.force_login(drafter_a)
    url = reverse("consultations:input-list", args=[agency_a.slug, consultation.pk])
    data = {
        "standard": standard_a.pk,
        "component": ComponentKind.REQUIREMENTS,
        "raised_by": invitee.pk,
        "text": "Loket dibuka lebih pagi.",
    }
    html = client.post(url, data).content.decode()
    assert "belum tercatat hadir" in html and "Tandai hadir" in html
    assert "Loket dibuka lebih pagi." in html
    assert not consultation.inputs.exists()
    client.post(url, {**data, "mark_present": "on"})
    assert consultation.inputs.get().raised_by == invitee


def test_a_meeting_planned_in_the_past_is_warned(client, drafter_a, agency_a, standard_a):
    client.force_login(drafter_a)
    when = timezone.localtime() - timedelta(days=10)
    data = {
        "method": "fgd",
        "starts_at": when.strftime("%Y-%m-%dT%H:%M"),
        "place": "Aula",
        "agenda": "Pembahasan",
        "chair_name": "Moderator",
        "note_taker_name": "Notulis",
        "standards": [standard_a.pk],
        "invitation_number": "005/1",
    }
    response = client.post(
        reverse("consultations:consultation-create", args=[agency_a.slug]), data, follow=True
    )
    assert "sudah lewat" in response.content.decode()
    assert Consultation.objects.get().planned_in_past


def test_the_invitation_of_a_past_meeting_is_dated_before_it(drafter_a, agency_a, standard_a):
    meeting = timezone.now() - timedelta(days=10)
    consultation = plan(drafter_a, agency_a, [standard_a], starts_at=meeting)
    Consultation.objects.filter(pk=consultation.pk).update(created_at=meeting - timedelta(days=7))
    consultation.refresh_from_db()
    assert consultation.invitation_date == timezone.localdate(meeting) - timedelta(days=7)
    Consultation.objects.filter(pk=consultation.pk).update(created_at=timezone.now())
    consultation.refresh_from_db()
    assert consultation.invitation_date == timezone.localdate(meeting)
    future = plan(drafter_a, agency_a, [standard_a], starts_at=timezone.now() + timedelta(days=5))
    assert future.invitation_date == timezone.localdate()
    assert not future.planned_in_past
    assert isinstance(future.invitation_date, datetime.date)

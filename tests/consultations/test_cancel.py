"""Calling off a planned consultation: with a reason, only while planned and before anything
was said, then frozen; it never counts as the consultation Pasal 11 asks for."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from consultations import services
from consultations.models import ConsultationStatus
from standards.models import ComponentKind
from tests.consultations.conftest import add_participant, make_held

pytestmark = pytest.mark.django_db


def detail_url(consultation) -> str:
    return reverse(
        "consultations:consultation-detail", args=[consultation.agency.slug, consultation.pk]
    )


def cancel_url(consultation) -> str:
    return reverse(
        "consultations:consultation-cancel", args=[consultation.agency.slug, consultation.pk]
    )


def test_a_planned_consultation_is_called_off_with_its_reason(consultation, drafter_a):
    cancelled = services.consultation_cancel(
        actor=drafter_a, consultation=consultation, reason="  Rancangan ditarik.  "
    )
    assert cancelled.status == ConsultationStatus.CANCELLED
    assert cancelled.cancel_reason == "Rancangan ditarik."
    assert cancelled.cancelled_at is not None
    assert cancelled.history.first().history_user == drafter_a
    # Frozen from now on, with a message that says why.
    with pytest.raises(ValidationError, match="dibatalkan"):
        services.consultation_update(actor=drafter_a, consultation=cancelled, place="Aula B")
    with pytest.raises(ValidationError, match="dibatalkan"):
        add_participant(drafter_a, cancelled)
    with pytest.raises(ValidationError):
        services.consultation_mark_held(actor=drafter_a, consultation=cancelled)
    with pytest.raises(ValidationError, match="dibatalkan"):
        services.consultation_document_request(
            actor=drafter_a, consultation=cancelled, kind="consultation_invitation"
        )


def test_a_reason_is_required(consultation, drafter_a):
    with pytest.raises(ValidationError) as refused:
        services.consultation_cancel(actor=drafter_a, consultation=consultation, reason=" ")
    assert "reason" in refused.value.message_dict
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PLANNED


def test_a_held_consultation_is_not_called_off(consultation, drafter_a):
    make_held(drafter_a, consultation)
    with pytest.raises(ValidationError, match="direncanakan"):
        services.consultation_cancel(actor=drafter_a, consultation=consultation, reason="x")


def test_a_consultation_with_inputs_is_not_called_off(consultation, drafter_a, standard_a):
    speaker = add_participant(drafter_a, consultation)
    services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.REQUIREMENTS,
        raised_by=speaker,
        mark_present=True,  # the recorder confirms they were there
        text="Mohon persyaratan dikurangi.",
    )
    with pytest.raises(ValidationError, match="masukan"):
        services.consultation_cancel(actor=drafter_a, consultation=consultation, reason="x")


def test_another_agencys_staff_cannot_call_it_off(consultation, drafter_b):
    with pytest.raises(PermissionDenied):
        services.consultation_cancel(actor=drafter_b, consultation=consultation, reason="x")


def test_cancel_page_shows_the_error_beside_the_field_then_the_reason(
    client, consultation, drafter_a
):
    client.force_login(drafter_a)
    assert cancel_url(consultation) in client.get(detail_url(consultation)).content.decode()
    response = client.post(cancel_url(consultation), {"reason": "   "})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PLANNED
    response = client.post(cancel_url(consultation), {"reason": "Diganti jadwal <baru>."})
    assert response["Location"] == detail_url(consultation)
    page = client.get(detail_url(consultation)).content.decode()
    assert "Dibatalkan pada" in page and "Diganti jadwal &lt;baru&gt;." in page
    assert "Langkah berikutnya" not in page
    assert cancel_url(consultation) not in page
    assert (
        reverse(
            "consultations:consultation-mark-held", args=[consultation.agency.slug, consultation.pk]
        )
        not in page
    )


def test_other_agencys_staff_get_no_cancel_page(client, consultation, drafter_b):
    client.force_login(drafter_b)
    assert client.post(cancel_url(consultation), {"reason": "x"}).status_code in (403, 404)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PLANNED

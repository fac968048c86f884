"""The rules of the consultation services: each names its Pasal, each refusal is tested
next to its success twin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations import services
from consultations.models import (
    Consultation,
    ConsultationInput,
    ConsultationStatus,
    InputOutcome,
    ParticipantCategory,
    ScanKind,
)
from standards.models import ComponentKind, StandardStatus
from tests.consultations.conftest import (
    add_participant,
    add_required_scans,
    clean_pdf,
    make_held,
    make_signed,
    plan,
)

pytestmark = pytest.mark.django_db


# --- planning ----------------------------------------------------------------------------


def test_plan_links_the_draft_standards(consultation, standard_a):
    assert list(consultation.standards.all()) == [standard_a]
    assert consultation.status == ConsultationStatus.PLANNED
    assert list(standard_a.consultations.all()) == [consultation]


def test_plan_refuses_another_agencys_standard(drafter_a, agency_a, standard_b):
    with pytest.raises(ValidationError) as error:
        plan(drafter_a, agency_a, [standard_b])
    assert "standards" in error.value.error_dict


def test_plan_refuses_a_standard_in_force(drafter_a, agency_a, standard_a):
    standard_a.status = StandardStatus.IN_FORCE
    standard_a.save(update_fields=["status"])
    with pytest.raises(ValidationError):
        plan(drafter_a, agency_a, [standard_a])


def test_plan_needs_a_standard(drafter_a, agency_a):
    with pytest.raises(ValidationError):
        plan(drafter_a, agency_a, [])


def test_plan_refuses_control_and_bidi_characters(drafter_a, agency_a, standard_a):
    with pytest.raises(ValidationError) as error:
        plan(drafter_a, agency_a, [standard_a], place="Aula\u202eevil")
    assert "place" in error.value.error_dict


def test_other_agency_may_not_plan(drafter_b, agency_a, standard_a):
    with pytest.raises(PermissionDenied):
        plan(drafter_b, agency_a, [standard_a])


@pytest.mark.parametrize("persona", ["reviewer", "secretariat", "mayor_office"], indirect=True)
def test_read_only_roles_may_not_plan(persona, agency_a, standard_a):
    with pytest.raises(PermissionDenied):
        plan(persona, agency_a, [standard_a])


def test_coordinator_plans_for_a_kelurahan(coordinator, village):
    from tests.standards.factories import ServiceFactory, StandardFactory

    standard = StandardFactory(service=ServiceFactory(agency=village))
    consultation = plan(coordinator, village, [standard])
    assert consultation.agency == village


def test_parent_agency_plans_for_its_upt(drafter_a, upt_of_a):
    from tests.standards.factories import ServiceFactory, StandardFactory

    standard = StandardFactory(service=ServiceFactory(agency=upt_of_a))
    assert plan(drafter_a, upt_of_a, [standard]).agency == upt_of_a


def test_a_standard_with_inputs_stays_in_the_consultation(
    drafter_a, consultation, standard_a, standard_a2, public_participant
):
    services.consultation_update(
        actor=drafter_a, consultation=consultation, standards=[standard_a, standard_a2]
    )
    services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.FEE,
        raised_by=public_participant,
        mark_present=True,  # the recorder confirms they were there
        text="Gratis?",
    )
    with pytest.raises(ValidationError):
        services.consultation_update(
            actor=drafter_a, consultation=consultation, standards=[standard_a2]
        )
    services.consultation_update(actor=drafter_a, consultation=consultation, standards=[standard_a])
    assert list(consultation.standards.all()) == [standard_a]


# --- held -------------------------------------------------------------------------------


def test_held_needs_a_public_participant_present(drafter_a, consultation):
    official = add_participant(
        drafter_a, consultation, name="Staf Dinas", category=ParticipantCategory.AGENCY
    )
    services.attendance_set(actor=drafter_a, participant=official, attended=True)
    with pytest.raises(ValidationError) as error:
        services.consultation_mark_held(actor=drafter_a, consultation=consultation)
    assert "Pasal 11" in error.value.messages[0]
    public = add_participant(drafter_a, consultation, name="Pemerhati", category="observer")
    services.attendance_set(actor=drafter_a, participant=public, attended=True)
    held = services.consultation_mark_held(actor=drafter_a, consultation=consultation)
    assert held.status == ConsultationStatus.HELD
    assert held.held_at is not None


def test_held_not_before_the_day(drafter_a, agency_a, standard_a):
    later = plan(drafter_a, agency_a, [standard_a], starts_at=timezone.now() + timedelta(days=3))
    participant = add_participant(drafter_a, later)
    services.attendance_set(actor=drafter_a, participant=participant, attended=True)
    with pytest.raises(ValidationError):
        services.consultation_mark_held(actor=drafter_a, consultation=later)


# --- close ------------------------------------------------------------------------------


def _ready_to_close(actor, consultation, standard):
    participant = add_participant(actor, consultation, name="Pak RT")
    make_held(actor, consultation, participant)
    return participant


def test_close_needs_all_three_scans(drafter_a, consultation, standard_a):
    _ready_to_close(drafter_a, consultation, standard_a)
    add_required_scans(drafter_a, consultation, kinds=[ScanKind.INVITATION, ScanKind.ATTENDANCE])
    with pytest.raises(ValidationError) as error:
        services.consultation_close(actor=drafter_a, consultation=consultation, minutes_number="1")
    assert any("berita acara" in m for m in error.value.messages)
    add_required_scans(drafter_a, consultation, kinds=[ScanKind.MINUTES])
    closed = services.consultation_close(
        actor=drafter_a, consultation=consultation, minutes_number="1"
    )
    assert closed.status == ConsultationStatus.MINUTES_SIGNED


def test_close_needs_every_input_decided(drafter_a, consultation, standard_a):
    participant = _ready_to_close(drafter_a, consultation, standard_a)
    add_required_scans(drafter_a, consultation)
    entry = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.SERVICE_TIME,
        raised_by=participant,
        mark_present=True,  # the recorder confirms they were there
        text="Terlalu lama.",
    )
    with pytest.raises(ValidationError) as error:
        services.consultation_close(actor=drafter_a, consultation=consultation, minutes_number="1")
    assert any("belum diputuskan" in m for m in error.value.messages)
    services.input_decide(actor=drafter_a, entry=entry, outcome="not_adopted", reason="Sesuai PP.")
    services.consultation_close(actor=drafter_a, consultation=consultation, minutes_number="1")


def test_close_needs_the_minutes_number(drafter_a, consultation, standard_a):
    _ready_to_close(drafter_a, consultation, standard_a)
    add_required_scans(drafter_a, consultation)
    with pytest.raises(ValidationError):
        services.consultation_close(actor=drafter_a, consultation=consultation, minutes_number=" ")


def test_close_only_after_held(drafter_a, consultation):
    add_required_scans(drafter_a, consultation)
    with pytest.raises(ValidationError):
        services.consultation_close(actor=drafter_a, consultation=consultation, minutes_number="1")


def test_signed_consultation_is_frozen(drafter_a, consultation, standard_a):
    make_signed(drafter_a, consultation, standard_a)
    participant = consultation.participants.first()
    attempts = [
        lambda: add_participant(drafter_a, consultation, name="Terlambat"),
        lambda: services.attendance_set(actor=drafter_a, participant=participant, attended=False),
        lambda: services.consultation_update(
            actor=drafter_a, consultation=consultation, place="Lain"
        ),
        lambda: services.scan_add(
            actor=drafter_a, consultation=consultation, kind="photo", uploads=[clean_pdf()]
        ),
        lambda: services.scan_remove(actor=drafter_a, scan=consultation.scans.first()),
        lambda: services.input_decide(
            actor=drafter_a, entry=consultation.inputs.first(), outcome="pending"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()


def test_minutes_number_unique_per_agency(drafter_a, agency_a, consultation, standard_a):
    make_signed(drafter_a, consultation, standard_a, number="BA/7")
    other = plan(drafter_a, agency_a, [standard_a])
    with pytest.raises(ValidationError):
        services.consultation_update(actor=drafter_a, consultation=other, minutes_number="BA/7")


def test_database_refuses_signed_without_number(consultation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.filter(pk=consultation.pk).update(
            status=ConsultationStatus.MINUTES_SIGNED, minutes_number=""
        )


# --- participants and attendance -----------------------------------------------------------


def test_walk_in_is_present_and_not_invited(drafter_a, consultation):
    walk_in = services.participant_add(
        actor=drafter_a,
        consultation=consultation,
        name="Warga Datang",
        category=ParticipantCategory.SERVICE_USER,
        invited=False,
        attended=True,
    )
    assert walk_in.is_walk_in and walk_in.attended and walk_in.attendance_marked_at


def test_attendance_set_is_idempotent(drafter_a, public_participant):
    first = services.attendance_set(actor=drafter_a, participant=public_participant, attended=True)
    again = services.attendance_set(actor=drafter_a, participant=public_participant, attended=True)
    assert first.attended and again.attended
    assert public_participant.history.count() == 2  # created, then marked once


def test_participant_who_spoke_cannot_be_removed(drafter_a, consultation, standard_a):
    speaker = add_participant(drafter_a, consultation)
    services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.FEE,
        raised_by=speaker,
        mark_present=True,  # the recorder confirms they were there
        text="Biaya?",
    )
    with pytest.raises(ValidationError):
        services.participant_remove(actor=drafter_a, participant=speaker)
    with pytest.raises(ValidationError):
        services.attendance_set(actor=drafter_a, participant=speaker, attended=False)


def test_history_records_who(drafter_a, public_participant):
    services.attendance_set(actor=drafter_a, participant=public_participant, attended=True)
    assert public_participant.history.first().history_user == drafter_a


# --- inputs ----------------------------------------------------------------------------


def _input(actor, consultation, standard, participant, **kw):
    return services.input_record(
        actor=actor,
        consultation=consultation,
        standard=standard,
        component=kw.get("component", ComponentKind.REQUIREMENTS),
        raised_by=participant,
        mark_present=True,  # the recorder confirms they were there
        text=kw.get("text", "Persyaratan terlalu banyak."),
    )


def test_input_marks_the_speaker_present_when_the_recorder_confirms(
    drafter_a, consultation, standard_a, public_participant
):
    entry = _input(drafter_a, consultation, standard_a, public_participant)
    public_participant.refresh_from_db()
    assert public_participant.attended
    assert entry.position == 1
    assert _input(drafter_a, consultation, standard_a, public_participant).position == 2


def test_input_about_a_standard_not_discussed_is_refused(
    drafter_a, consultation, standard_a2, public_participant
):
    with pytest.raises(ValidationError) as error:
        _input(drafter_a, consultation, standard_a2, public_participant)
    assert "standard" in error.value.error_dict


def test_input_by_a_participant_of_another_consultation_is_refused(
    drafter_a, agency_a, consultation, standard_a
):
    other = plan(drafter_a, agency_a, [standard_a])
    stranger = add_participant(drafter_a, other)
    with pytest.raises(ValidationError):
        _input(drafter_a, consultation, standard_a, stranger)


def test_not_adopted_needs_a_reason(drafter_a, consultation, standard_a, public_participant):
    entry = _input(drafter_a, consultation, standard_a, public_participant)
    with pytest.raises(ValidationError) as error:
        services.input_decide(actor=drafter_a, entry=entry, outcome="not_adopted", reason="  ")
    assert "reason" in error.value.error_dict
    decided = services.input_decide(
        actor=drafter_a, entry=entry, outcome="not_adopted", reason="Diatur Permendagri."
    )
    assert decided.outcome == InputOutcome.NOT_ADOPTED and decided.decided_by == drafter_a


def test_adopted_needs_the_change(drafter_a, consultation, standard_a, public_participant):
    entry = _input(drafter_a, consultation, standard_a, public_participant)
    with pytest.raises(ValidationError) as error:
        services.input_decide(actor=drafter_a, entry=entry, outcome="adopted")
    assert {"change_description", "change_component"} <= set(error.value.error_dict)


def test_database_refuses_adopted_without_change(consultation, standard_a, drafter_a):
    participant = add_participant(drafter_a, consultation)
    entry = _input(drafter_a, consultation, standard_a, participant)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationInput.objects.filter(pk=entry.pk).update(outcome="adopted")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationInput.objects.filter(pk=entry.pk).update(outcome="not_adopted")


def test_adopted_input_links_to_the_standards_history(
    drafter_a, consultation, standard_a, public_participant
):
    from consultations.selectors import change_record_from_key, change_records_for
    from standards.services import component_save

    entry = _input(drafter_a, consultation, standard_a, public_participant)
    entry = services.input_decide(
        actor=drafter_a,
        entry=entry,
        outcome="adopted",
        change_component=ComponentKind.FACILITIES,
        change_description="Ruang laktasi ditambahkan.",
    )
    component_save(
        actor=drafter_a,
        standard=standard_a,
        kind=ComponentKind.FACILITIES,
        text="Ruang tunggu, ruang laktasi.",
        revision=0,
    )
    records = change_records_for(standard_a)
    assert records and "ruang laktasi" in records[0].summary
    record = change_record_from_key(standard_a, records[0].key)
    linked = services.input_link_change(actor=drafter_a, entry=entry, record=record)
    assert linked.change_record == record


def test_history_record_of_another_standard_is_refused(
    drafter_a, consultation, standard_a, standard_a2, public_participant
):
    from consultations.selectors import change_record_from_key, change_records_for
    from standards.services import component_save

    component_save(
        actor=drafter_a, standard=standard_a2, kind=ComponentKind.FEE, text="Gratis", revision=0
    )
    key = change_records_for(standard_a2)[0].key
    assert change_record_from_key(standard_a, key) is None
    entry = _input(drafter_a, consultation, standard_a, public_participant)
    services.input_decide(
        actor=drafter_a,
        entry=entry,
        outcome="adopted",
        change_component=ComponentKind.FEE,
        change_description="x",
    )
    with pytest.raises(ValidationError):
        services.input_link_change(
            actor=drafter_a, entry=entry, record=change_record_from_key(standard_a2, key)
        )


# --- scans ------------------------------------------------------------------------------


def test_scan_is_stored_privately_with_its_hash(drafter_a, consultation, settings):
    import hashlib

    upload = clean_pdf("../../etc/Berita Acara.pdf")
    [scan] = services.scan_add(
        actor=drafter_a, consultation=consultation, kind=ScanKind.MINUTES, uploads=[upload]
    )
    assert scan.file.name.startswith("private/consultations/")
    assert "Berita" not in scan.file.name and ".." not in scan.file.name
    assert scan.original_name == "Berita Acara.pdf"
    with scan.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == scan.sha256


def test_removed_scan_file_is_deleted_on_commit(
    drafter_a, consultation, django_capture_on_commit_callbacks
):
    [scan] = services.scan_add(
        actor=drafter_a, consultation=consultation, kind=ScanKind.PHOTO, uploads=[clean_pdf()]
    )
    storage, name = scan.file.storage, scan.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.scan_remove(actor=drafter_a, scan=scan)
    assert not storage.exists(name)


def test_failed_scan_add_leaves_no_file(drafter_a, consultation, settings, monkeypatch):
    from consultations.models import ConsultationScan

    original_save, calls = ConsultationScan.save, []

    def save_then_fail(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(ConsultationScan, "save", save_then_fail)
    with pytest.raises(RuntimeError):
        services.scan_add(
            actor=drafter_a,
            consultation=consultation,
            kind=ScanKind.PHOTO,
            uploads=[clean_pdf(), clean_pdf()],
        )
    root = settings.MEDIA_ROOT / "private"
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))
    assert not ConsultationScan.objects.exists()

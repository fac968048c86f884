"""Fixtures of the consultation tests: draft standards, a consultation in each state,
and files (valid and hostile) to upload."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations import services
from consultations.models import ConsultationMethod, ParticipantCategory, ScanKind
from documents.uploads import validate_upload
from standards.models import ComponentKind
from tests.standards.factories import ServiceFactory, StandardFactory


def png_bytes(size=(40, 30), color=(200, 30, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(40, 30), exif: bytes | None = None) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 200))
    if exif is not None:
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (255, 255, 255)).save(buffer, "PDF")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def clean_pdf(name="scan.pdf"):
    return validate_upload(upload(name, pdf_bytes(), "application/pdf"))


@pytest.fixture
def standard_a(agency_a):
    return StandardFactory(service=ServiceFactory(agency=agency_a, name="Akta Kelahiran"))


@pytest.fixture
def standard_a2(agency_a):
    return StandardFactory(service=ServiceFactory(agency=agency_a, name="Kartu Identitas Anak"))


@pytest.fixture
def standard_b(agency_b):
    return StandardFactory(service=ServiceFactory(agency=agency_b, name="Izin Lingkungan"))


def plan(actor, agency, standards, **overrides):
    fields = {
        "method": ConsultationMethod.FGD,
        "starts_at": timezone.now() - timedelta(hours=1),
        "place": "Aula Disdukcapil, Jl. Bessai Berinta",
        "agenda": "Pembahasan rancangan Standar Pelayanan",
        "chair_name": "Drs. Ahmad Syarifuddin",
        "note_taker_name": "Rina Wulandari",
        "invitation_number": "005/123/Disdukcapil",
        **overrides,
    }
    return services.consultation_plan(actor=actor, agency=agency, standards=standards, **fields)


@pytest.fixture
def consultation(drafter_a, agency_a, standard_a):
    return plan(drafter_a, agency_a, [standard_a])


def add_participant(actor, consultation, name="Budi Santoso", **fields):
    values = {
        "organisation": "RT 12 Kelurahan Api-Api",
        "category": ParticipantCategory.COMMUNITY_LEADER,
        "contact": "0812 5555 1234",
        **fields,
    }
    return services.participant_add(actor=actor, consultation=consultation, name=name, **values)


@pytest.fixture
def public_participant(drafter_a, consultation):
    return add_participant(drafter_a, consultation)


def make_held(actor, consultation, participant=None):
    participant = participant or add_participant(actor, consultation, name="Siti Aminah")
    services.attendance_set(actor=actor, participant=participant, attended=True)
    return services.consultation_mark_held(actor=actor, consultation=consultation)


def add_required_scans(actor, consultation, kinds=None):
    for kind in kinds or (ScanKind.INVITATION, ScanKind.ATTENDANCE, ScanKind.MINUTES):
        services.scan_add(actor=actor, consultation=consultation, kind=kind, uploads=[clean_pdf()])


def make_signed(actor, consultation, standard, number="BA/001/2026"):
    """A consultation with everything Pasal 11 and 12 ayat (3) ask for, then closed."""
    participant = add_participant(actor, consultation, name="Pak RT")
    make_held(actor, consultation, participant)
    entry = services.input_record(
        actor=actor,
        consultation=consultation,
        standard=standard,
        component=ComponentKind.REQUIREMENTS,
        raised_by=participant,
        mark_present=True,  # the recorder confirms they were there
        text="Fotokopi KK cukup satu lembar.",
    )
    services.input_decide(
        actor=actor,
        entry=entry,
        outcome="adopted",
        change_component=ComponentKind.REQUIREMENTS,
        change_description="Persyaratan fotokopi KK menjadi satu lembar.",
    )
    add_required_scans(actor, consultation)
    return services.consultation_close(
        actor=actor, consultation=consultation, minutes_number=number
    )

"""Decrees at each stage of their life, reached the way a person reaches them."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from consultations.models import (
    REQUIRED_SCANS,
    Consultation,
    ConsultationInput,
    ConsultationMethod,
    ConsultationScan,
    ConsultationStatus,
    InputOutcome,
    Participant,
)
from maklumat.services import maklumat_draft, maklumat_set
from standards import decrees
from standards.models import DraftingTeam, TeamMember, TeamRole
from tests.standards.factories import make_complete_standard

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_team(agency, chair_user=None) -> DraftingTeam:
    """Pasal 10 ayat (4): a ketua, a sekretaris and an anggota."""
    team, _created = DraftingTeam.objects.get_or_create(
        agency=agency,
        defaults={"decree_number": "800/12/2026", "decree_date": datetime.date(2026, 1, 5)},
    )
    TeamMember.objects.create(team=team, name="Ketua Tim", role=TeamRole.CHAIR, user=chair_user)
    TeamMember.objects.create(team=team, name="Sekretaris Tim", role=TeamRole.SECRETARY)
    TeamMember.objects.create(team=team, name="Anggota Tim", role=TeamRole.MEMBER)
    return team


def consult(standard, *, scans=REQUIRED_SCANS, signed=True) -> Consultation:
    """Pasal 11 and 12 ayat (3): a consultation with signed minutes and its three scans."""
    consultation = Consultation.objects.create(
        agency=standard.service.agency,
        method=ConsultationMethod.FGD,
        starts_at=timezone.now() - datetime.timedelta(days=3),
        place="Aula Kantor",
        agenda="Pembahasan rancangan standar pelayanan",
        chair_name="Moderator",
        note_taker_name="Notulis",
        minutes_number=f"BA/{standard.pk}/2026" if signed else "",
        status=ConsultationStatus.MINUTES_SIGNED if signed else ConsultationStatus.HELD,
    )
    consultation.standards.add(standard)
    for kind in scans:
        ConsultationScan.objects.create(
            consultation=consultation,
            kind=kind,
            file=ContentFile(PDF, name="scan.pdf"),
            original_name="scan.pdf",
            content_type="application/pdf",
            size=len(PDF),
            sha256="0" * 64,
        )
    return consultation


def adopted_fee_input(consultation, standard) -> ConsultationInput:
    """Pasal 4: a participant's input on the fee, adopted, with the change it made."""
    speaker = Participant.objects.create(
        consultation=consultation, name="Budi", category="community_leader", attended=True
    )
    return ConsultationInput.objects.create(
        consultation=consultation,
        standard=standard,
        component="fee",
        raised_by=speaker,
        text="Mohon biaya ditulis jelas.",
        outcome=InputOutcome.ADOPTED,
        position=1,
        change_component="fee",
        change_description="Biaya ditulis Gratis.",
    )


def set_maklumat(head, agency):
    draft = maklumat_draft(actor=head, agency=agency)
    return maklumat_set(actor=head, maklumat=draft, set_on=timezone.localdate())


def ready_decree(agency, drafter, *, chair=None, standards=1):
    """A draft decree that passes every guard of `submit`."""
    if not DraftingTeam.objects.filter(agency=agency).exists():
        form_team(agency, chair_user=chair or drafter)
    items = []
    for _ in range(standards):
        standard = make_complete_standard(agency=agency)
        consult(standard)
        items.append(standard)
    return decrees.decree_create(actor=drafter, agency=agency, standards=items)


def signed_scan(pages: int = 1):
    """Cleaned JPEG pages of a wet-signed decree, as the upload gate returns them."""
    import io

    from PIL import Image

    from documents.uploads import validate_upload

    uploads = []
    for page in range(pages):
        buffer = io.BytesIO()
        Image.new("RGB", (620, 877), (255, 255, 250 - page)).save(buffer, "JPEG")
        buffer.name = f"halaman-{page + 1}.jpg"
        uploads.append(validate_upload(buffer))
    return uploads


def answer_notes(decree, drafter):
    """The drafters answer every open note of a returned decree (Pasal 12 ayat (4))."""
    for note in decree.review_notes.filter(addressed_at__isnull=True):
        decrees.review_note_address(actor=drafter, note=note, answer="Sudah diperbaiki.")


def sign(decree, actor):
    """The signed decree scanned and uploaded after penetapan (Pasal 12 ayat (1))."""
    return decrees.decree_attach_signed_scan(actor=actor, decree=decree, uploads=signed_scan())


def to_force(decree, drafter, reviewer, head, mayor, number):
    """Submit, pass, set (today), upload the signed scan and ratify."""
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(actor=head, decree=decree, number=number, decree_date=timezone.localdate())
    sign(decree, head)
    return decrees.decree_ratify(actor=mayor, decree=decree)

"""The printable forms of a consultation, rendered by the documents app (Pasal 11-12).

- the invitation letter to the invitees (bukti undangan, Pasal 12 ayat (3) huruf a);
- the attendance sheet pre-filled with names, a signature column left empty, and empty
  rows for those who come without an invitation (daftar hadir, huruf a);
- the berita acara pembahasan with date, place, participants by category, every input with
  its outcome, the agreements, and signature lines for the agency's side and the public's
  representatives (Pasal 11 ayat (3), Pasal 12 ayat (3) huruf b).

`documents.registry` imports this module and calls the builders with a Document whose
subject is the Consultation; each builder reads everything again from the database.
"""

from __future__ import annotations

from django.utils import timezone

from documents.models import DocumentKind
from documents.registry import register_builder

from .models import (
    PUBLIC_CATEGORIES,
    Consultation,
    ConsultationStatus,
    InputOutcome,
    ParticipantCategory,
)
from .selectors import inputs_of, participants_by_category, standards_of

# Empty rows at the end of the attendance sheet, for walk-ins.
BLANK_ATTENDANCE_ROWS = 6
# Signature lines for the public when nobody was chosen to sign: at most this many of
# those who attended from the public.
DEFAULT_PUBLIC_SIGNERS = 6

# The names in URLs and buttons -> the document kinds.
KINDS = {
    "undangan": DocumentKind.CONSULTATION_INVITATION,
    "daftar-hadir": DocumentKind.ATTENDANCE_SHEET,
    "berita-acara": DocumentKind.MINUTES,
}


def _consultation(document) -> Consultation:
    return Consultation.objects.select_related("agency").get(pk=document.object_id)


def _common(consultation: Consultation) -> dict:
    return {
        "consultation": consultation,
        "agency": consultation.agency,
        "standards": standards_of(consultation),
        "starts_at": timezone.localtime(consultation.starts_at),
        "generated_at": timezone.localtime(),
    }


def _by_category(participants) -> list:
    """In the order of Pasal 11 ayat (2): the public first, then the government side."""
    order = {category.value: index for index, category in enumerate(ParticipantCategory)}
    return sorted(participants, key=lambda p: (order.get(p.category, 99), p.name.casefold()))


def build_invitation(document) -> tuple[str, dict]:
    consultation = _consultation(document)
    invitees = _by_category(consultation.participants.filter(invited=True))
    return "consultations/print/invitation.html", {
        **_common(consultation),
        "invitees": invitees,
        "letter_date": consultation.invitation_date,
    }


def build_attendance_sheet(document) -> tuple[str, dict]:
    consultation = _consultation(document)
    participants = list(consultation.participants.order_by("-invited", "name", "pk"))
    return "consultations/print/attendance.html", {
        **_common(consultation),
        "participants": participants,
        "blank_rows": range(len(participants) + 1, len(participants) + 1 + BLANK_ATTENDANCE_ROWS),
    }


def build_minutes(document) -> tuple[str, dict]:
    consultation = _consultation(document)
    attended = _by_category(consultation.participants.filter(attended=True))
    signers = [p for p in attended if p.signs_minutes]
    if not signers:
        signers = [p for p in attended if p.category in PUBLIC_CATEGORIES][:DEFAULT_PUBLIC_SIGNERS]
    inputs = list(inputs_of(consultation))
    return "consultations/print/minutes.html", {
        **_common(consultation),
        "groups": participants_by_category(attended),
        "attended_count": len(attended),
        "inputs": inputs,
        "adopted_count": sum(1 for i in inputs if i.outcome == InputOutcome.ADOPTED),
        "not_adopted_count": sum(1 for i in inputs if i.outcome == InputOutcome.NOT_ADOPTED),
        "pending_count": sum(1 for i in inputs if i.outcome == InputOutcome.PENDING),
        "signers": signers,
        "is_draft": consultation.status != ConsultationStatus.MINUTES_SIGNED
        and not consultation.minutes_number,
    }


register_builder(DocumentKind.CONSULTATION_INVITATION, build_invitation)
register_builder(DocumentKind.ATTENDANCE_SHEET, build_attendance_sheet)
register_builder(DocumentKind.MINUTES, build_minutes)

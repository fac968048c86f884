"""Writes to consultations, participants, inputs and scans.

Each service checks the actor's right, runs in a transaction, locks the consultation row
(so that two phones marking attendance, or a close racing an upload, see one order), and
refuses with a ValidationError naming the Pasal whose rule is broken. Nothing changes once
the berita acara is signed, except the link from an adopted input to the draft's history.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from documents.models import Document, DocumentKind
from documents.services import document_request
from documents.uploads import CleanUpload
from standards.models import ComponentKind, ServiceStandard, StandardStatus

from .models import (
    CONSULTATION_MOVES,
    PUBLIC_CATEGORIES,
    REQUIRED_SCANS,
    Consultation,
    ConsultationInput,
    ConsultationScan,
    ConsultationStatus,
    InputOutcome,
    Participant,
    ScanKind,
)
from .permissions import may_manage

PLAN_FIELDS = (
    "method",
    "starts_at",
    "place",
    "agenda",
    "chair_name",
    "note_taker_name",
    "invitation_number",
    "minutes_number",
    "agreements",
)
PARTICIPANT_FIELDS = ("name", "organisation", "category", "contact", "signs_minutes")


# --- guards --------------------------------------------------------------------------


def _require_manage(actor, agency: Agency) -> None:
    if not may_manage(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang mengelola pembahasan Perangkat Daerah ini."))


def _lock(actor, consultation: Consultation) -> Consultation:
    """Check the right, lock the row and refuse when the berita acara is signed."""
    _require_manage(actor, consultation.agency)
    locked = (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("agency")
        .get(pk=consultation.pk)
    )
    if not locked.is_open:
        raise ValidationError(locked.frozen_message, code="frozen")
    return locked


def _check_standards(agency: Agency, standards: Iterable[ServiceStandard]) -> list:
    """Pasal 11 ayat (1): what is discussed is a draft (rancangan) of this agency."""
    standards = list(standards)
    if not standards:
        raise ValidationError(
            {"standards": _("Pilih paling sedikit satu rancangan standar yang dibahas.")},
            code="no_standards",
        )
    ids = [s.pk for s in standards]
    valid = set(
        ServiceStandard.objects.filter(
            pk__in=ids, service__agency=agency, status=StandardStatus.DRAFT
        ).values_list("pk", flat=True)
    )
    if valid != set(ids):
        raise ValidationError(
            {
                "standards": _(
                    "Hanya rancangan standar Perangkat Daerah ini yang masih berstatus "
                    "rancangan yang dapat dibahas."
                )
            },
            code="not_a_draft",
        )
    return standards


def _stamp(instance: models.Model, actor) -> None:
    # simple-history takes the user from the request; services also run without one.
    if actor is not None and getattr(actor, "is_authenticated", False):
        instance._history_user = actor


# --- consultations -------------------------------------------------------------------


@transaction.atomic
def consultation_plan(
    *, actor, agency: Agency, standards: Iterable[ServiceStandard], **fields
) -> Consultation:
    """Plan an FGD or public hearing of one or more draft standards (Pasal 11 ayat (1))."""
    _require_manage(actor, agency)
    Agency.objects.select_for_update().get(pk=agency.pk)
    standards = _check_standards(agency, standards)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    consultation = Consultation(agency=agency, created_by=actor, **fields)
    consultation.full_clean()
    _stamp(consultation, actor)
    consultation.save()
    consultation.standards.set(standards)
    return consultation


@transaction.atomic
def consultation_update(
    *,
    actor,
    consultation: Consultation,
    standards: Iterable[ServiceStandard] | None = None,
    **fields,
) -> Consultation:
    """Change the plan, the numbers and the agreements until the berita acara is signed."""
    locked = _lock(actor, consultation)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(locked, field, value)
    locked.full_clean()
    if standards is not None:
        standards = _check_standards(locked.agency, standards)
        kept = {s.pk for s in standards}
        orphaned = locked.inputs.exclude(standard_id__in=kept)
        if orphaned.exists():
            raise ValidationError(
                {
                    "standards": _(
                        "Rancangan yang sudah memiliki masukan tidak dapat dilepas dari "
                        "pembahasan ini."
                    )
                },
                code="standard_has_inputs",
            )
    _stamp(locked, actor)
    locked.save(update_fields=[*fields, "updated_at"])
    if standards is not None:
        locked.standards.set(standards)
    return locked


@transaction.atomic
def consultation_cancel(*, actor, consultation: Consultation, reason: str) -> Consultation:
    """Call off a planned meeting, with the reason (kept, as is the plan, in its history).
    One at which something was already said is not called off: it is recorded as held."""
    locked = _lock(actor, consultation)
    CONSULTATION_MOVES.require(locked, "cancel")
    if locked.inputs.exists():
        raise ValidationError(
            _("Pembahasan ini sudah memiliki masukan; catat pelaksanaannya, jangan dibatalkan."),
            code="has_inputs",
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pembatalan.")}, code="reason_required")
    CONSULTATION_MOVES.move(locked, "cancel")
    locked.cancelled_at = timezone.now()
    locked.cancel_reason = reason
    locked.full_clean()
    _stamp(locked, actor)
    locked.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    return locked


@transaction.atomic
def consultation_mark_held(*, actor, consultation: Consultation) -> Consultation:
    """Record that the meeting took place: its time has come and at least one member of
    the public or a related party attended (Pasal 11 ayat (1)-(2))."""
    locked = _lock(actor, consultation)
    CONSULTATION_MOVES.require(locked, "hold")
    if timezone.localdate(locked.starts_at) > timezone.localdate():
        raise ValidationError(
            _("Pembahasan dijadwalkan %(date)s; catat terlaksana pada hari pelaksanaannya.")
            % {"date": timezone.localtime(locked.starts_at).strftime("%d-%m-%Y")},
            code="not_yet",
        )
    if not locked.participants.filter(attended=True, category__in=PUBLIC_CATEGORIES).exists():
        raise ValidationError(
            _(
                "Pasal 11 ayat (1)-(2): belum ada peserta dari masyarakat atau pihak terkait "
                "(pengguna layanan, tokoh masyarakat, pemerhati, organisasi terkait) yang "
                "tercatat hadir."
            ),
            code="no_public",
        )
    CONSULTATION_MOVES.move(locked, "hold")
    locked.held_at = timezone.now()
    _stamp(locked, actor)
    locked.save(update_fields=["status", "held_at", "updated_at"])
    return locked


def close_blockers(consultation: Consultation) -> list[str]:
    """What still prevents closing: the reasons, in Indonesian, empty when it may close."""
    reasons = []
    if consultation.status != ConsultationStatus.HELD:
        reasons.append(_("Pembahasan belum dicatat terlaksana."))
    if not consultation.minutes_number.strip():
        reasons.append(_("Nomor berita acara belum diisi."))
    pending = consultation.inputs.filter(outcome=InputOutcome.PENDING).count()
    if pending:
        reasons.append(
            _("%(count)d masukan belum diputuskan tindak lanjutnya (Pasal 4 ayat (3)).")
            % {"count": pending}
        )
    present = set(consultation.scans.values_list("kind", flat=True))
    for kind in REQUIRED_SCANS:
        if kind not in present:
            reasons.append(
                _("Pasal 12 ayat (3): pindaian %(kind)s belum diunggah.")
                % {"kind": ScanKind(kind).label.lower()}
            )
    return reasons


@transaction.atomic
def consultation_close(
    *, actor, consultation: Consultation, minutes_number: str | None = None
) -> Consultation:
    """Close with the berita acara signed (Pasal 11 ayat (3)): only once the invitation
    proof, the signed attendance list and the signed berita acara are uploaded
    (Pasal 12 ayat (3)) and every input has its outcome."""
    locked = _lock(actor, consultation)
    if minutes_number is not None:
        locked.minutes_number = minutes_number.strip()
    locked.full_clean()
    reasons = close_blockers(locked)
    if reasons:
        raise ValidationError(reasons, code="cannot_close")
    CONSULTATION_MOVES.move(locked, "close")
    locked.minutes_signed_at = timezone.now()
    _stamp(locked, actor)
    locked.save(update_fields=["status", "minutes_number", "minutes_signed_at", "updated_at"])
    return locked


# --- participants --------------------------------------------------------------------


@transaction.atomic
def participant_add(
    *, actor, consultation: Consultation, invited: bool = True, attended: bool = False, **fields
) -> Participant:
    """Add an invitee, or (invited False, attended True) a walk-in at the door."""
    locked = _lock(actor, consultation)
    unknown = set(fields) - set(PARTICIPANT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    participant = Participant(
        consultation=locked,
        invited=invited,
        attended=attended,
        attendance_marked_at=timezone.now() if attended else None,
        **fields,
    )
    participant.full_clean()
    _stamp(participant, actor)
    participant.save()
    return participant


@transaction.atomic
def participant_update(*, actor, participant: Participant, **fields) -> Participant:
    _lock(actor, participant.consultation)
    unknown = set(fields) - set(PARTICIPANT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    for field, value in fields.items():
        setattr(locked, field, value)
    locked.full_clean()
    _stamp(locked, actor)
    locked.save(update_fields=list(fields))
    return locked


@transaction.atomic
def participant_remove(*, actor, participant: Participant) -> None:
    """Remove an invitee who raised no input (what someone said stays attributed)."""
    _lock(actor, participant.consultation)
    if participant.inputs.exists():
        raise ValidationError(
            _("Peserta ini menyampaikan masukan; datanya tidak dapat dihapus."),
            code="has_inputs",
        )
    _stamp(participant, actor)
    participant.delete()


@transaction.atomic
def attendance_set(*, actor, participant: Participant, attended: bool) -> Participant:
    """Mark a participant present or absent, at the door."""
    _lock(actor, participant.consultation)
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if locked.attended != attended:
        if not attended and locked.inputs.exists():
            raise ValidationError(
                _("Peserta ini menyampaikan masukan, jadi tercatat hadir."), code="has_inputs"
            )
        locked.attended = attended
        locked.attendance_marked_at = timezone.now()
        _stamp(locked, actor)
        locked.save(update_fields=["attended", "attendance_marked_at"])
    return locked


# --- inputs (masukan) ----------------------------------------------------------------


@transaction.atomic
def input_record(
    *,
    actor,
    consultation: Consultation,
    standard: ServiceStandard,
    component: str,
    raised_by: Participant,
    text: str,
    mark_present: bool = False,
) -> ConsultationInput:
    """Record what a participant said about a component of a discussed standard. Who
    speaks was there, but the attendance list is evidence (Pasal 12 ayat (3) huruf a):
    an invitee not yet marked present is marked only when the person recording says so
    (`mark_present`), never silently."""
    locked = _lock(actor, consultation)
    if not locked.standards.filter(pk=standard.pk).exists():
        raise ValidationError(
            {"standard": _("Standar ini tidak termasuk yang dibahas dalam pembahasan ini.")},
            code="standard_not_discussed",
        )
    if raised_by.consultation_id != locked.pk:
        raise ValidationError(
            {"raised_by": _("Penyampai masukan harus peserta pembahasan ini.")},
            code="not_a_participant",
        )
    if not raised_by.attended and not mark_present:
        raise ValidationError(
            {
                "raised_by": _(
                    "%(name)s belum tercatat hadir. Bila ia hadir dan menyampaikan masukan "
                    "ini, centang “Tandai hadir” lalu simpan lagi; bila tidak hadir, "
                    "masukannya tidak dicatat atas namanya."
                )
                % {"name": raised_by.name}
            },
            code="speaker_not_present",
        )
    last = locked.inputs.aggregate(m=models.Max("position"))["m"] or 0
    entry = ConsultationInput(
        consultation=locked,
        standard=standard,
        component=component,
        raised_by=raised_by,
        text=text,
        position=last + 1,
        recorded_by=actor,
    )
    entry.full_clean()
    _stamp(entry, actor)
    entry.save()
    if not raised_by.attended:
        attendance_set(actor=actor, participant=raised_by, attended=True)
    return entry


@transaction.atomic
def input_decide(
    *,
    actor,
    entry: ConsultationInput,
    outcome: str,
    reason: str = "",
    change_component: str = "",
    change_description: str = "",
) -> ConsultationInput:
    """Decide an input's outcome (Pasal 4 ayat (3)): adopted, naming the component changed
    and how; or not adopted, with the reason."""
    _lock(actor, entry.consultation)
    locked = ConsultationInput.objects.select_for_update().get(pk=entry.pk)
    errors = {}
    reason, change_description = reason.strip(), change_description.strip()
    if outcome == InputOutcome.NOT_ADOPTED and not reason:
        errors["reason"] = _("Tuliskan alasan masukan ini tidak diterima.")
    if outcome == InputOutcome.ADOPTED:
        if not change_description:
            errors["change_description"] = _(
                "Tuliskan perubahan yang dibuat pada rancangan karena masukan ini."
            )
        if change_component not in ComponentKind.values:
            errors["change_component"] = _("Pilih komponen yang diubah.")
    if errors:
        raise ValidationError(errors, code="incomplete_outcome")
    locked.outcome = outcome
    locked.reason = reason if outcome == InputOutcome.NOT_ADOPTED else ""
    adopted = outcome == InputOutcome.ADOPTED
    locked.change_component = change_component if adopted else ""
    locked.change_description = change_description if adopted else ""
    if not adopted:
        locked.change_record_type = None
        locked.change_record_id = None
    locked.decided_by = actor if outcome != InputOutcome.PENDING else None
    locked.decided_at = timezone.now() if outcome != InputOutcome.PENDING else None
    locked.full_clean()
    _stamp(locked, actor)
    locked.save(
        update_fields=[
            "outcome",
            "reason",
            "change_component",
            "change_description",
            "change_record_type",
            "change_record_id",
            "decided_by",
            "decided_at",
        ]
    )
    return locked


@transaction.atomic
def input_link_change(*, actor, entry: ConsultationInput, record) -> ConsultationInput:
    """Point an adopted input at the historical record of the change it led to (a row of
    the standard's history). Allowed after the berita acara is signed too: the drafting
    team applies what was agreed afterwards."""
    from .selectors import change_record_belongs_to

    _require_manage(actor, entry.consultation.agency)
    locked = ConsultationInput.objects.select_for_update().get(pk=entry.pk)
    if locked.outcome != InputOutcome.ADOPTED:
        raise ValidationError(
            _("Hanya masukan yang diterima yang dihubungkan ke perubahan."), code="not_adopted"
        )
    if record is not None and not change_record_belongs_to(record, locked.standard):
        raise ValidationError(
            {"change_record": _("Catatan riwayat ini bukan milik standar tersebut.")},
            code="foreign_record",
        )
    locked.change_record = record
    _stamp(locked, actor)
    locked.save(update_fields=["change_record_type", "change_record_id"])
    return locked


# --- scans ---------------------------------------------------------------------------


def scan_add(
    *, actor, consultation: Consultation, kind: str, uploads: Iterable[CleanUpload]
) -> list[ConsultationScan]:
    """Store validated uploads (documents.uploads) as scans of one kind. Files written
    before a failure are removed again."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = _lock(actor, consultation)
            if kind not in ScanKind.values:
                raise ValidationError({"kind": _("Pilih jenis pindaian.")}, code="invalid_kind")
            scans = []
            for upload in uploads:
                scan = ConsultationScan(
                    consultation=locked,
                    kind=kind,
                    original_name=upload.original_name,
                    content_type=upload.content_type,
                    size=upload.size,
                    sha256=upload.sha256,
                    uploaded_by=actor,
                )
                content = upload.as_file()
                scan.file.save(content.name, content, save=False)
                stored.append(scan.file.name)
                scan.full_clean()
                _stamp(scan, actor)
                scan.save()
                scans.append(scan)
            return scans
    except BaseException:
        from django.core.files.storage import default_storage

        for name in stored:
            default_storage.delete(name)
        raise


@transaction.atomic
def scan_remove(*, actor, scan: ConsultationScan) -> None:
    """Remove a scan uploaded by mistake, before the berita acara is signed; the file goes
    when the transaction commits."""
    _lock(actor, scan.consultation)
    name, storage = scan.file.name, scan.file.storage
    _stamp(scan, actor)
    scan.delete()
    transaction.on_commit(lambda: storage.delete(name))


# --- printable forms -----------------------------------------------------------------

DOCUMENT_TITLES = {
    DocumentKind.CONSULTATION_INVITATION: _("Undangan %(method)s"),
    DocumentKind.ATTENDANCE_SHEET: _("Daftar Hadir %(method)s"),
    DocumentKind.MINUTES: _("Berita Acara Pembahasan Rancangan Standar Pelayanan"),
}


@transaction.atomic
def consultation_document_request(*, actor, consultation: Consultation, kind: str) -> Document:
    """Ask the documents app for the invitation, the attendance sheet or the berita acara,
    filled from the record as it is now; rendered after commit (consultations.documents)."""
    _require_manage(actor, consultation.agency)
    locked = (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("agency")
        .get(pk=consultation.pk)
    )
    if kind not in DOCUMENT_TITLES:
        raise ValidationError(_("Jenis dokumen tidak dikenal."), code="unknown_kind")
    if locked.status == ConsultationStatus.CANCELLED:
        raise ValidationError(locked.frozen_message, code="frozen")
    if kind != DocumentKind.MINUTES and not locked.participants.exists():
        raise ValidationError(_("Tambahkan undangan peserta lebih dahulu."), code="no_participants")
    when = timezone.localtime(locked.starts_at).strftime("%d-%m-%Y")
    title = DOCUMENT_TITLES[kind] % {"method": locked.get_method_display()}
    reference = {
        DocumentKind.CONSULTATION_INVITATION: locked.invitation_number,
        DocumentKind.MINUTES: locked.minutes_number,
    }.get(kind, "")
    return document_request(
        kind=kind,
        subject=locked,
        agency=locked.agency,
        title=f"{title} — {locked.agency.short_name or locked.agency.name} {when}",
        public=False,
        reference_number=reference,
        reference_date=locked.invitation_date
        if kind == DocumentKind.CONSULTATION_INVITATION
        else timezone.localdate(locked.starts_at),
        actor=actor,
    )

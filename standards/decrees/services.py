"""Writes to decrees (Pasal 12): a draft decree and its text, the acts by name (each through
`workflow.act()`, as the table says), the drafters' answers to review notes, a revision of a
standard in force, and the wet-signed scan."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from documents.uploads import CleanUpload, assemble_pdf

from .. import permissions
from ..legal_citations import Citation, citation_of, mengingat
from ..models import (
    ACTIVE_DECREE_STATUSES,
    Decree,
    DecreeStandard,
    DecreeStatus,
    LegalBasis,
    ReviewNote,
    ServiceStandard,
    StandardStatus,
)
from .workflow import act

ACTIVE_STATUSES = ACTIVE_DECREE_STATUSES

# The regulations every decree on standards rests on (Pasal 12 Perwali 31/2018).
BASE_LEGAL_REFERENCES = (
    Citation("uu", "", "25", 2009, "Pelayanan Publik"),
    Citation(
        "pp",
        "",
        "96",
        2012,
        "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    ),
    Citation(
        "permen",
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "15",
        2014,
        "Pedoman Standar Pelayanan",
    ),
    Citation(
        "perwali",
        "Bontang",
        "31",
        2018,
        "Pedoman Penyusunan Standar Pelayanan dan Maklumat Pelayanan di Lingkungan "
        "Pemerintah Daerah",
    ),
)


def issuer_title(agency: Agency) -> str:
    return "Wali Kota Bontang" if agency.decreed_by_mayor else f"Kepala {agency.name}"


def default_title(agency: Agency) -> str:
    return f"Keputusan {issuer_title(agency)} tentang Standar Pelayanan pada {agency.name}"


def default_considerations(agency: Agency) -> str:
    return (
        "a. bahwa untuk melaksanakan ketentuan Pasal 15 huruf a dan huruf b, Pasal 20 ayat (1) "
        "dan Pasal 22 ayat (1) Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, "
        "penyelenggara pelayanan publik wajib menyusun dan menetapkan Standar Pelayanan;\n"
        "b. bahwa berdasarkan Pasal 12 Peraturan Wali Kota Bontang Nomor 31 Tahun 2018, "
        "Standar Pelayanan Perangkat Daerah ditetapkan dan disahkan dengan Keputusan;\n"
        "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
        f"perlu menetapkan Keputusan {issuer_title(agency)} tentang Standar Pelayanan pada "
        f"{agency.name};"
    )


def default_legal_references(standards: list[ServiceStandard]) -> str:
    """Mengingat: the base regulations and the standards' own, each once, in the
    hierarchy of UU 12/2011 (UU, PP, Perpres, Permen, Perda, Perwali)."""
    rows = LegalBasis.objects.filter(standard__in=standards).order_by("standard_id", "position")
    citations = mengingat([*BASE_LEGAL_REFERENCES, *(citation_of(row) for row in rows)])
    return "\n".join(f"{i}. {c.text};" for i, c in enumerate(citations, start=1))


def _check_standards(agency: Agency, standards: list[ServiceStandard], decree=None) -> None:
    for standard in standards:
        if standard.service.agency_id != agency.pk:
            raise ValidationError(_("Standar dari Perangkat Daerah lain tidak dapat dimuat."))
        if standard.status != StandardStatus.DRAFT:
            raise ValidationError(
                _("%(service)s versi %(version)s bukan rancangan.")
                % {"service": standard.service.name, "version": standard.version}
            )
        busy = DecreeStandard.objects.filter(standard=standard, decree__status__in=ACTIVE_STATUSES)
        if decree is not None:
            busy = busy.exclude(decree=decree)
        if busy.exists():
            raise ValidationError(
                _("%(service)s sudah dimuat dalam rancangan keputusan lain.")
                % {"service": standard.service.name}
            )


@transaction.atomic
def decree_create(
    *, actor, agency: Agency, standards: list[ServiceStandard], amends: Decree | None = None
) -> Decree:
    """A draft decree carrying one lampiran per standard, with default konsideran."""
    if not permissions.may_draft(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang menyusun untuk Perangkat Daerah ini."))
    Agency.objects.select_for_update().get(pk=agency.pk)  # one decree creation at a time
    standards = list(
        ServiceStandard.objects.select_for_update(of=("self",))
        .select_related("service")
        .filter(pk__in=[s.pk for s in standards])
    )
    if not standards:
        raise ValidationError(_("Pilih sedikitnya satu standar pelayanan."))
    _check_standards(agency, standards)
    if amends is not None:
        amends = Decree.objects.filter(
            pk=amends.pk, agency=agency, status=DecreeStatus.IN_FORCE
        ).first()
        if amends is None:
            raise ValidationError(
                _("Yang diubah harus keputusan Perangkat Daerah ini yang berlaku.")
            )
    decree = Decree.objects.create(
        agency=agency,
        by_mayor=agency.decreed_by_mayor,
        title=default_title(agency),
        considerations=default_considerations(agency),
        legal_references=default_legal_references(standards),
        amends=amends,
        created_by=actor,
    )
    DecreeStandard.objects.bulk_create(
        DecreeStandard(decree=decree, standard=s, position=i)
        for i, s in enumerate(sorted(standards, key=lambda s: s.service.name), start=1)
    )
    return decree


@transaction.atomic
def decree_update_text(
    *, actor, decree: Decree, title: str, considerations: str, legal_references: str
) -> Decree:
    """Edit the title and konsideran while the decree is a draft."""
    locked = Decree.objects.select_for_update().get(pk=decree.pk)
    if not permissions.may_draft(actor, locked.agency):
        raise PermissionDenied(_("Anda tidak berwenang mengubah keputusan ini."))
    if locked.status != DecreeStatus.DRAFT:
        raise ValidationError(_("Hanya rancangan keputusan yang dapat diubah."))
    locked.title, locked.considerations, locked.legal_references = (
        title,
        considerations,
        legal_references,
    )
    locked.full_clean()
    locked.save(update_fields=["title", "considerations", "legal_references", "updated_at"])
    return locked


# --- the acts: each as the table says (workflow.act) ----------------------------------


def decree_submit(*, actor, decree: Decree) -> Decree:
    return act(actor=actor, decree=decree, action="submit")


def decree_return(
    *, actor, decree: Decree, notes: list[tuple[ServiceStandard | None, str, str]]
) -> Decree:
    """Return to the drafters with notes, each optionally on a standard and a component."""
    return act(actor=actor, decree=decree, action="return", notes=notes)


def decree_pass(*, actor, decree: Decree) -> Decree:
    return act(actor=actor, decree=decree, action="pass")


def decree_set(
    *, actor, decree: Decree, number: str, decree_date, passphrase: str | None = None
) -> Decree:
    """Penetapan: by the agency head, or by the mayor's office for PTSP/PATEN (which also
    brings the decree into force, Pasal 12 ayat (2)). With `passphrase`, the signer's
    certificate is checked now and the decree is signed electronically by its job."""
    return act(
        actor=actor,
        decree=decree,
        action="set_mayor" if decree.by_mayor else "set",
        number=number,
        decree_date=decree_date,
        passphrase=passphrase,
    )


def decree_ratify(*, actor, decree: Decree, passphrase: str | None = None) -> Decree:
    """Pengesahan; with `passphrase`, the Wali Kota's electronic signature is added to the
    decree the Kepala PD signed electronically (an incremental update), or to the final
    decree when the Kepala PD signed on paper."""
    return act(actor=actor, decree=decree, action="ratify", passphrase=passphrase)


def decree_revoke(*, actor, decree: Decree, reason: str) -> Decree:
    return act(actor=actor, decree=decree, action="revoke", reason=reason)


def decree_record(*, actor, decree: Decree) -> Decree:
    """Enter an earlier decree in the register as in force ("dicatat dari keputusan yang
    sudah ada"): its standards are in force from its date and published."""
    return act(actor=actor, decree=decree, action="record")


def decree_withdraw(*, actor, decree: Decree) -> Decree:
    return act(actor=actor, decree=decree, action="withdraw")


def recorded_decree_create(
    *,
    actor,
    agency: Agency,
    standards: list[ServiceStandard],
    number: str,
    decree_date,
    signer_name: str = "",
) -> Decree:
    """A draft decree standing for an earlier, signed one, waiting for the `record` act."""
    decree = decree_create(actor=actor, agency=agency, standards=standards)
    decree.recorded = True
    decree.number = number.strip()
    decree.decree_date = decree_date
    decree.year = decree_date.year if decree_date else None
    decree.signer_name = signer_name.strip()
    decree.full_clean()
    decree.save(update_fields=["recorded", "number", "decree_date", "year", "signer_name"])
    return decree


@transaction.atomic
def review_note_address(*, actor, note: ReviewNote, answer: str) -> ReviewNote:
    """The drafters answer a reviewer's note (what they changed, or why not); the answer
    is what the reviewer reads beside the note when the decree comes back (Pasal 12
    ayat (4))."""
    locked = (
        ReviewNote.objects.select_for_update(of=("self",))
        .select_related("decree__agency")
        .get(pk=note.pk)
    )
    if not permissions.may_draft(actor, locked.decree.agency):
        raise PermissionDenied(_("Anda tidak berwenang menindaklanjuti catatan ini."))
    if locked.decree.status != DecreeStatus.DRAFT:
        raise ValidationError(
            _("Catatan dijawab selama keputusan berupa rancangan (setelah dikembalikan).")
        )
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(
            {"answer": _("Tulis tindak lanjutnya: apa yang diubah, atau mengapa tidak diubah.")}
        )
    locked.answer = answer
    locked.addressed_at = timezone.now()
    locked.addressed_by = actor
    locked.full_clean()
    locked.save(update_fields=["answer", "addressed_at", "addressed_by"])
    return locked


@transaction.atomic
def revision_start(
    *, actor, standard: ServiceStandard, reason: str, explanation: str
) -> tuple[ServiceStandard, Decree]:
    """Pasal 12 ayat (5)-(6): from a standard in force, a new draft version (with the
    reason) in a new draft decree that amends the decree in force. The old version stays
    in force until the new decree is ratified."""
    from ..services import standard_revise

    if standard.status != StandardStatus.IN_FORCE:
        raise ValidationError(_("Hanya standar yang berlaku yang diubah melalui keputusan baru."))
    if not explanation.strip():
        raise ValidationError(_("Jelaskan perubahan yang dilakukan."))
    new_version = standard_revise(
        actor=actor, standard=standard, reason=reason, explanation=explanation
    )
    in_force = (
        Decree.objects.filter(lampiran__standard=standard, status=DecreeStatus.IN_FORCE)
        .order_by("-ratified_on", "-pk")
        .first()
    )
    decree = decree_create(
        actor=actor, agency=standard.service.agency, standards=[new_version], amends=in_force
    )
    return new_version, decree


@transaction.atomic
def decree_attach_signed_scan(*, actor, decree: Decree, uploads: list[CleanUpload]) -> Decree:
    """Keep the scan of the wet-signed decree beside the rendered one (after penetapan),
    for the agency's drafters and head; several pages (images or PDFs) are joined into one
    PDF. Replacing it keeps the old in the history."""
    locked = Decree.objects.select_for_update().get(pk=decree.pk)
    if not (permissions.may_draft(actor, locked.agency) or permissions.may_act_for_mayor(actor)):
        raise PermissionDenied(_("Anda tidak berwenang mengunggah pindaian keputusan ini."))
    recorded_draft = locked.recorded and locked.status == DecreeStatus.DRAFT
    if locked.status not in (DecreeStatus.SET, DecreeStatus.IN_FORCE) and not recorded_draft:
        raise ValidationError(_("Pindaian diunggah setelah keputusan ditetapkan."))
    upload = assemble_pdf(uploads)
    content = upload.as_file()
    locked.signed_scan.save(content.name, content, save=False)
    locked.signed_scan_name = upload.original_name
    locked.signed_scan_type = upload.content_type
    locked.signed_scan_sha256 = upload.sha256
    locked.save(
        update_fields=[
            "signed_scan",
            "signed_scan_name",
            "signed_scan_type",
            "signed_scan_sha256",
            "updated_at",
        ]
    )
    return locked

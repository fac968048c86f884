"""Writes to decrees (Pasal 12): each act goes through `workflow.transition()`; this
module adds what surrounds it (the lampiran, review notes, documents and notifications,
scheduled on commit)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, Membership, MembershipRole
from agencies.notifications import notify
from agencies.published import portal_changed
from agencies.roles import CityRole
from bontang_sp.dates import long_date
from documents.models import Document, DocumentKind, SignatureRole
from documents.services import document_request, document_revoke, document_supersede
from documents.signing.services import signature_request
from documents.uploads import CleanUpload, assemble_pdf

from . import in_force, permissions
from .decree_documents import issuer
from .legal_citations import Citation, citation_of, mengingat
from .models import (
    ACTIVE_DECREE_STATUSES,
    Decree,
    DecreeStandard,
    DecreeStatus,
    LegalBasis,
    ReviewNote,
    ServiceStandard,
    StandardStatus,
)
from .workflow import TransitionRefused, transition

DECREE_KINDS = (DocumentKind.DRAFT_DECREE, DocumentKind.DECREE, DocumentKind.MAYOR_DECREE)

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


# --- who acts next ------------------------------------------------------------------


def _heads(agency: Agency):
    return get_user_model().objects.filter(
        memberships__agency=agency, memberships__role=MembershipRole.HEAD
    )


def _city_role(role: CityRole):
    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions__codename=role.value) | Q(user_permissions__codename=role.value)
        )
        .distinct()
    )


def _drafters(agency: Agency):
    return get_user_model().objects.filter(
        pk__in=Membership.objects.filter(agency=agency).values("user_id")
    )


def _notify(decree: Decree, recipients, subject: str, body: str) -> None:
    notify(
        recipients=recipients,
        subject=subject,
        body=body,
        url=reverse("standards:decree-detail", args=[decree.pk]),
    )


# --- the acts -----------------------------------------------------------------------


def decree_submit(*, actor, decree: Decree) -> Decree:
    """Submit for evaluation; the standards' text is frozen from now, so their lampiran
    are rendered once, after commit (the decree's PDF is assembled from them)."""
    from .tasks import enqueue_freeze

    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="submit")
        pk = decree.pk
        transaction.on_commit(lambda: enqueue_freeze(pk))
        _notify(
            decree,
            _city_role(CityRole.REVIEWER),
            _("Rancangan keputusan menunggu evaluasi"),
            _("%(agency)s mengajukan %(title)s untuk dievaluasi (Pasal 12 ayat (4)).")
            % {"agency": decree.agency.name, "title": decree.title},
        )
    return decree


def decree_return(
    *, actor, decree: Decree, notes: list[tuple[ServiceStandard | None, str, str]]
) -> Decree:
    """Return to the drafters with notes, each optionally on a standard and a component."""
    notes = [(s, c, t.strip()) for s, c, t in notes if t and t.strip()]
    if not notes:
        raise TransitionRefused([_("Tulis sedikitnya satu catatan evaluasi.")])
    with transaction.atomic():
        summary = "\n".join(text for _s, _c, text in notes)
        decree = transition(actor=actor, decree=decree, action="return", note=summary)
        lampiran = set(decree.lampiran.values_list("standard_id", flat=True))
        for standard, component, text in notes:
            if standard is not None and standard.pk not in lampiran:
                raise ValidationError(_("Catatan menunjuk standar di luar keputusan ini."))
            note = ReviewNote(
                decree=decree, standard=standard, component=component or "", text=text, author=actor
            )
            note.full_clean()
            note.save()
        _notify(
            decree,
            _drafters(decree.agency),
            _("Rancangan keputusan dikembalikan dengan catatan"),
            _("Bagian Organisasi mengembalikan %(title)s dengan %(count)s catatan.")
            % {"title": decree.title, "count": len(notes)},
        )
    return decree


def decree_pass(*, actor, decree: Decree) -> Decree:
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="pass")
        recipients = _city_role(CityRole.MAYOR_OFFICE) if decree.by_mayor else _heads(decree.agency)
        _notify(
            decree,
            recipients,
            _("Rancangan keputusan lulus evaluasi"),
            _("%(title)s lulus evaluasi dan siap ditetapkan.") % {"title": decree.title},
        )
    return decree


def decree_set(
    *, actor, decree: Decree, number: str, decree_date, passphrase: str | None = None
) -> Decree:
    """Penetapan: by the agency head, or by the mayor's office for PTSP/PATEN (which also
    brings the decree into force, Pasal 12 ayat (2)). With `passphrase`, the signer's
    certificate is checked now and the decree is signed electronically by its job."""
    action = "set_mayor" if decree.by_mayor else "set"
    with transaction.atomic():
        decree = transition(
            actor=actor, decree=decree, action=action, number=number, decree_date=decree_date
        )
        _request_decree_document(decree, actor, passphrase=passphrase)
        if decree.status == DecreeStatus.SET:
            _notify(
                decree,
                _city_role(CityRole.MAYOR_OFFICE),
                _("Keputusan menunggu pengesahan"),
                _("%(title)s Nomor %(number)s telah ditetapkan dan menunggu pengesahan Wali Kota.")
                % {"title": decree.title, "number": decree.number},
            )
        else:
            in_force.decree_in_force(decree)  # the portal publishes it
            portal_changed()  # Pasal 12 ayat (2): in force now; public pages are stale
            _notify_in_force(decree)
    return decree


def decree_ratify(*, actor, decree: Decree, passphrase: str | None = None) -> Decree:
    """Pengesahan; with `passphrase`, the Wali Kota's electronic signature is added to the
    decree the Kepala PD signed electronically (an incremental update), or to the final
    decree when the Kepala PD signed on paper."""
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="ratify")
        _request_decree_document(decree, actor, passphrase=passphrase)
        in_force.decree_in_force(decree)  # after the request: the publication links it
        portal_changed()  # in force from now: public pages are stale
        _notify_in_force(decree)
    return decree


def decree_documents(decree: Decree):
    return Document.objects.for_subject(decree).filter(kind__in=DECREE_KINDS)


def _request_decree_document(decree: Decree, actor, *, passphrase: str | None = None) -> Document:
    """On penetapan: the decree for signature; on coming into force: the final decree,
    issued (frozen) and public. Every document of a decree this one replaced (its decree
    for signature too) is superseded by the new final decree. With `passphrase`, the actor
    signs it electronically (documents.signing)."""
    if decree.status == DecreeStatus.SET:
        kind, public = DocumentKind.DRAFT_DECREE, False
    else:
        kind = DocumentKind.MAYOR_DECREE if decree.by_mayor else DocumentKind.DECREE
        public = True
    document = document_request(
        kind=kind,
        subject=decree,
        agency=decree.agency,
        title=f"{decree.title} Nomor {decree.number}",
        public=public,
        issue_when_ready=True,
        reference_number=decree.number,
        reference_date=decree.decree_date,
        actor=actor,
    )
    if passphrase is not None:
        _request_signature(decree, document, actor, passphrase)
    elif public and _signed_by_head(decree) is not None:
        raise ValidationError(
            {
                "passphrase": _(
                    "Keputusan ini ditandatangani secara elektronik oleh Kepala Perangkat "
                    "Daerah; pengesahannya juga dengan tanda tangan elektronik Wali Kota."
                )
            }
        )
    if public and decree.amends_id:
        amended = Decree.objects.get(pk=decree.amends_id)
        if amended.status == DecreeStatus.REPLACED:
            for old in decree_documents(amended).filter(superseded_by__isnull=True):
                document_supersede(old=old, new=document)
    return document


def _signed_by_head(decree: Decree) -> Document | None:
    """The decree for signature the Kepala PD signed electronically, if any."""
    if decree.by_mayor:
        return None
    return (
        decree_documents(decree)
        .filter(kind=DocumentKind.DRAFT_DECREE, signing_requests__role=SignatureRole.HEAD)
        .order_by("-id")
        .first()
    )


def _request_signature(decree: Decree, document: Document, actor, passphrase: str) -> None:
    """The signer is checked now (a wrong passphrase refuses the act); the job signs.

    The Wali Kota's pengesahan of a decree the Kepala PD signed electronically signs that
    very PDF again, so that both signatures stay valid. Its pages keep the code printed
    on them (the decree for signature's), which follows the decree's state: revoked with
    it; the Wali Kota's box carries the final document's code."""
    if decree.status == DecreeStatus.SET:
        role, position = SignatureRole.HEAD, issuer(decree.agency)
    else:
        role, position = SignatureRole.MAYOR, "Wali Kota Bontang"
    base = _signed_by_head(decree) if role == SignatureRole.MAYOR else None
    signature_request(
        actor=actor,
        document=document,
        role=role,
        position=position,
        passphrase=passphrase,
        base_document=base,
    )


def _notify_in_force(decree: Decree) -> None:
    _notify(
        decree,
        list(_drafters(decree.agency)) + list(_heads(decree.agency)),
        _("Keputusan berlaku"),
        _("%(title)s Nomor %(number)s telah disahkan dan berlaku sejak %(date)s.")
        % {"title": decree.title, "number": decree.number, "date": long_date(decree.ratified_on)},
    )


def decree_revoke(*, actor, decree: Decree, reason: str) -> Decree:
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="revoke", note=reason)
        portal_changed()  # no longer in force: public pages are stale
        in_force.in_force_changed(decree.standards.values_list("service_id", flat=True))
        for document in decree_documents(decree).filter(issued=True, revoked_at__isnull=True):
            document_revoke(document=document, reason=reason)
        _notify(
            decree,
            list(_drafters(decree.agency)) + list(_heads(decree.agency)),
            _("Keputusan dicabut"),
            _("%(title)s dicabut: %(reason)s") % {"title": decree.title, "reason": reason},
        )
    return decree


def decree_record(*, actor, decree: Decree) -> Decree:
    """Enter an earlier decree in the register as in force ("dicatat dari keputusan yang
    sudah ada"): its standards are in force from its date and published; no decree PDF is
    rendered (the signed original is the agency's, its scan is attached beside it)."""
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="record")
        in_force.decree_in_force(decree)  # the portal publishes it
        portal_changed()
    return decree


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


def decree_withdraw(*, actor, decree: Decree) -> Decree:
    return transition(actor=actor, decree=decree, action="withdraw")


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
    from .services import standard_revise

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

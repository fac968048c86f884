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
from documents.models import Document, DocumentKind
from documents.services import document_request, document_revoke, document_supersede
from documents.uploads import CleanUpload

from . import in_force, permissions
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

BASE_LEGAL_REFERENCES = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
    "Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 "
    "Tahun 2014 tentang Pedoman Standar Pelayanan",
    "Peraturan Wali Kota Bontang Nomor 31 Tahun 2018 tentang Pedoman Penyusunan Standar "
    "Pelayanan dan Maklumat Pelayanan di Lingkungan Pemerintah Daerah",
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
    """UU 25/2009, PP 96/2012, PermenPANRB 15/2014, Perwali 31/2018, then the standards' own."""
    lines = list(BASE_LEGAL_REFERENCES)
    for basis in LegalBasis.objects.filter(standard__in=standards).order_by("year", "number"):
        line = (
            f"{basis.get_kind_display()} Nomor {basis.number} Tahun {basis.year} "
            f"tentang {basis.title}"
        )
        if all(line.lower() != known.lower() for known in lines):
            lines.append(line)
    return "\n".join(f"{i}. {line};" for i, line in enumerate(lines, start=1))


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
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="submit")
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


def decree_set(*, actor, decree: Decree, number: str, decree_date) -> Decree:
    """Penetapan: by the agency head, or by the mayor's office for PTSP/PATEN (which also
    brings the decree into force, Pasal 12 ayat (2))."""
    action = "set_mayor" if decree.by_mayor else "set"
    with transaction.atomic():
        decree = transition(
            actor=actor, decree=decree, action=action, number=number, decree_date=decree_date
        )
        _request_decree_document(decree, actor)
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


def decree_ratify(*, actor, decree: Decree) -> Decree:
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="ratify")
        _request_decree_document(decree, actor)
        in_force.decree_in_force(decree)  # after the request: the publication links it
        portal_changed()  # in force from now: public pages are stale
        _notify_in_force(decree)
    return decree


def decree_documents(decree: Decree):
    return Document.objects.for_subject(decree).filter(kind__in=DECREE_KINDS)


def _request_decree_document(decree: Decree, actor) -> Document:
    """On penetapan: the decree for signature; on coming into force: the final decree,
    issued (frozen) and public. The final decree of an amended decree is superseded."""
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
    if public and decree.amends_id:
        for old in decree_documents(decree.amends).filter(
            kind__in=(DocumentKind.DECREE, DocumentKind.MAYOR_DECREE), superseded_by__isnull=True
        ):
            document_supersede(old=old, new=document)
    return document


def _notify_in_force(decree: Decree) -> None:
    _notify(
        decree,
        list(_drafters(decree.agency)) + list(_heads(decree.agency)),
        _("Keputusan berlaku"),
        _("%(title)s Nomor %(number)s telah disahkan dan berlaku sejak %(date)s.")
        % {"title": decree.title, "number": decree.number, "date": decree.ratified_on},
    )


def decree_revoke(*, actor, decree: Decree, reason: str) -> Decree:
    with transaction.atomic():
        decree = transition(actor=actor, decree=decree, action="revoke", note=reason)
        portal_changed()  # no longer in force: public pages are stale
        for document in decree_documents(decree).filter(issued=True, revoked_at__isnull=True):
            document_revoke(document=document, reason=reason)
        _notify(
            decree,
            list(_drafters(decree.agency)) + list(_heads(decree.agency)),
            _("Keputusan dicabut"),
            _("%(title)s dicabut: %(reason)s") % {"title": decree.title, "reason": reason},
        )
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
def decree_attach_signed_scan(*, actor, decree: Decree, upload: CleanUpload) -> Decree:
    """Keep the scan of the wet-signed decree beside the rendered one (after penetapan),
    for the agency's drafters and head; replacing it keeps the old in the history."""
    locked = Decree.objects.select_for_update().get(pk=decree.pk)
    if not (permissions.may_draft(actor, locked.agency) or permissions.may_act_for_mayor(actor)):
        raise PermissionDenied(_("Anda tidak berwenang mengunggah pindaian keputusan ini."))
    if locked.status not in (DecreeStatus.SET, DecreeStatus.IN_FORCE):
        raise ValidationError(_("Pindaian diunggah setelah keputusan ditetapkan."))
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

"""The living demo: the demo standards carried through the life a person gives them,
by calling the same services the pages call (never by writing statuses).

- Disdukcapil, Kartu Keluarga: consulted, submitted, evaluated, set, ratified: in force.
- Kecamatan Bontang Selatan, Pelayanan Informasi Publik: set by the mayor (PATEN): in force.
- Disdukcapil, Akta Kelahiran: set by the head, awaiting ratification by the mayor.
- DPMPTSP, Surat Izin Praktik Bidan: submitted, awaiting evaluation by Bagian Organisasi.
- Kelurahan Tanjung Laut, SKTM (drafted by Bagian Pemerintahan): returned with notes.
Running it again changes nothing that is already at its stage.
"""

from __future__ import annotations

import datetime
import hashlib
from functools import cache

import weasyprint
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from agencies.models import Agency
from consultations import services as consultations
from consultations.models import ConsultationMethod, InputOutcome, ParticipantCategory, ScanKind
from documents.uploads import CleanUpload
from maklumat.selectors import has_set_maklumat
from maklumat.services import maklumat_draft, maklumat_set
from standards import decrees
from standards.models import ComponentKind, DecreeStatus, ServiceStandard, StandardStatus

PUBLIC_PARTICIPANTS = (
    ("H. Abdul Rahman", "Ketua RT 12 Kelurahan Tanjung Laut", ParticipantCategory.COMMUNITY_LEADER),
    ("Sri Mulyani", "Pengguna layanan", ParticipantCategory.SERVICE_USER),
    ("Yohanes Saragih", "Forum Peduli Pelayanan Publik Bontang", ParticipantCategory.OBSERVER),
    (
        "dr. Ratna Dewi",
        "Ikatan Bidan Indonesia Cabang Bontang",
        ParticipantCategory.RELATED_ORGANISATION,
    ),
)


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _standard(agency_slug: str, service_slug: str) -> ServiceStandard:
    return (
        ServiceStandard.objects.filter(
            service__agency__slug=agency_slug, service__slug=service_slug
        )
        .select_related("service__agency")
        .order_by("-version")
        .first()
    )


@cache
def _scan_pdf(title: str) -> bytes:
    html = (
        "<h1 style='font-family: Liberation Serif'>Pindaian contoh (data demo)</h1>"
        f"<p style='font-family: Liberation Serif'>{title}</p>"
    )
    return weasyprint.HTML(string=html).write_pdf()


def _upload(kind: str) -> CleanUpload:
    content = _scan_pdf(str(ScanKind(kind).label))
    return CleanUpload(
        content=content,
        content_type="application/pdf",
        original_name=f"{kind}-bertanda-tangan.pdf",
        sha256=hashlib.sha256(content).hexdigest(),
    )


def consult(drafter, standard: ServiceStandard, minutes_number: str) -> None:
    """Pasal 11 and 12 ayat (3): an FGD with the public, inputs decided, scans uploaded."""
    if standard.consultations.complete().exists():
        return
    agency = standard.service.agency
    consultation = consultations.consultation_plan(
        actor=drafter,
        agency=agency,
        standards=[standard],
        method=ConsultationMethod.FGD,
        starts_at=timezone.now() - datetime.timedelta(days=21),
        place=f"Ruang Rapat {agency.short_name or agency.name}",
        agenda=f"Pembahasan rancangan Standar Pelayanan {standard.service.name}",
        chair_name=f"Sekretaris {agency.short_name or agency.name}",
        note_taker_name="Notulis tim penyusun",
        invitation_number=f"005/{minutes_number}",
        agreements="Rancangan standar pelayanan disepakati dengan perbaikan sesuai masukan.",
    )
    people = [
        consultations.participant_add(
            actor=drafter,
            consultation=consultation,
            attended=True,
            name=name,
            organisation=organisation,
            category=category,
            contact="",
        )
        for name, organisation, category in PUBLIC_PARTICIPANTS
    ]
    adopted = consultations.input_record(
        actor=drafter,
        consultation=consultation,
        standard=standard,
        component=ComponentKind.COMPLAINTS,
        raised_by=people[0],
        text="Mohon nomor WhatsApp pengaduan dicantumkan agar warga mudah melapor.",
    )
    consultations.input_decide(
        actor=drafter,
        entry=adopted,
        outcome=InputOutcome.ADOPTED,
        change_component=ComponentKind.COMPLAINTS,
        change_description="Nomor WhatsApp pengaduan ditambahkan pada saluran pengaduan.",
    )
    declined = consultations.input_record(
        actor=drafter,
        consultation=consultation,
        standard=standard,
        component=ComponentKind.SERVICE_TIME,
        raised_by=people[1],
        text="Apakah layanan dapat selesai di hari yang sama?",
    )
    consultations.input_decide(
        actor=drafter,
        entry=declined,
        outcome=InputOutcome.NOT_ADOPTED,
        reason="Verifikasi dan tanda tangan elektronik memerlukan waktu sesuai standar.",
    )
    consultations.consultation_mark_held(actor=drafter, consultation=consultation)
    for kind in (ScanKind.INVITATION, ScanKind.ATTENDANCE, ScanKind.MINUTES):
        consultations.scan_add(
            actor=drafter, consultation=consultation, kind=kind, uploads=[_upload(kind)]
        )
    consultations.consultation_close(
        actor=drafter, consultation=consultation, minutes_number=minutes_number
    )


def _set_maklumat(head, agency: Agency) -> None:
    if not has_set_maklumat(agency):
        draft = maklumat_draft(actor=head, agency=agency)
        maklumat_set(actor=head, maklumat=draft, set_on=timezone.localdate())


def _decree_for(drafter, standard: ServiceStandard):
    existing = standard.decrees.exclude(status=DecreeStatus.WITHDRAWN).first()
    if existing is not None:
        return existing
    return decrees.decree_create(
        actor=drafter, agency=standard.service.agency, standards=[standard]
    )


def _demo_scan():
    """A one-page stand-in for the wet-signed decree (Pasal 12 ayat (1)), marked as such."""
    import io

    from PIL import Image, ImageDraw

    from documents.uploads import validate_upload

    page = Image.new("L", (827, 1169), 255)
    ImageDraw.Draw(page).text((60, 60), "CONTOH PINDAIAN - DATA DEMO", fill=0)
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    buffer.name = "pindaian-demo.png"
    return validate_upload(buffer)


def _advance(decree, *, to: str, drafter, reviewer, head, mayor, number: str, notes=None):
    """Act on the decree, stage by stage, until it reaches `to`."""
    order = ["draft", "submitted", "evaluated", "set", "in_force"]
    target = "returned" if to == "returned" else to
    if decree.status == DecreeStatus.DRAFT and (
        target != "returned" or not decree.review_notes.exists()
    ):
        decree = decrees.decree_submit(actor=drafter, decree=decree)
    if target == "returned":
        if decree.status == DecreeStatus.SUBMITTED:
            decree = decrees.decree_return(actor=reviewer, decree=decree, notes=notes)
        return decree
    if order.index(target) >= order.index("evaluated") and decree.status == DecreeStatus.SUBMITTED:
        decree = decrees.decree_pass(actor=reviewer, decree=decree)
    if order.index(target) >= order.index("set") and decree.status == DecreeStatus.EVALUATED:
        decree = decrees.decree_set(
            actor=mayor if decree.by_mayor else head,
            decree=decree,
            number=number,
            decree_date=timezone.localdate(),
        )
    if target == "in_force" and decree.status == DecreeStatus.SET:
        decrees.decree_attach_signed_scan(actor=head, decree=decree, uploads=[_demo_scan()])
        decree = decrees.decree_ratify(actor=mayor, decree=decree)
    return decree


@transaction.atomic
def seed_demo_workflow() -> dict[str, str]:
    """Carry the demo standards to their stages; returns service -> decree status."""
    reviewer, mayor = _user("evaluator"), _user("walikota")
    year = timezone.localdate().year
    plan = [
        # agency, service, drafter, head, target, decree number
        (
            "disdukcapil",
            "kartu-keluarga",
            "penyusun.disdukcapil",
            "kepala.disdukcapil",
            "in_force",
            f"400.12/101/DISDUKCAPIL/{year}",
        ),
        (
            "kecamatan-bontang-selatan",
            "pelayanan-informasi-publik",
            "penyusun.bontang-selatan",
            "camat.bontang-selatan",
            "in_force",
            f"100.3.3.2/45/HK/{year}",
        ),
        (
            "disdukcapil",
            "akta-kelahiran",
            "penyusun.disdukcapil",
            "kepala.disdukcapil",
            "set",
            f"400.12/102/DISDUKCAPIL/{year}",
        ),
        (
            "dpmptsp",
            "surat-izin-praktik-bidan",
            "penyusun.dpmptsp",
            "kepala.dpmptsp",
            "submitted",
            "",
        ),
        (
            "kelurahan-tanjung-laut",
            "surat-keterangan-tidak-mampu",
            "koordinator",
            "",
            "returned",
            "",
        ),
    ]
    outcome = {}
    for index, (agency_slug, service_slug, drafter_name, head_name, target, number) in enumerate(
        plan, 1
    ):
        standard = _standard(agency_slug, service_slug)
        if standard is None or standard.status != StandardStatus.DRAFT:
            if standard is not None:
                outcome[standard.service.name] = standard.get_status_display()
            continue
        drafter = _user(drafter_name)
        head = _user(head_name) if head_name else None
        consult(
            drafter, standard, minutes_number=f"BA/{index:02d}/{agency_slug.upper()[:12]}/{year}"
        )
        if target in ("in_force", "set") and head is not None:
            _set_maklumat(head, standard.service.agency)
        notes = [
            (
                standard,
                ComponentKind.REQUIREMENTS,
                "Sebutkan surat pengantar RT/RW sebagai persyaratan yang diserahkan di awal.",
            ),
            (None, "", "Lengkapi Menimbang dengan dasar pendelegasian kewenangan kepada lurah."),
        ]
        decree = _advance(
            _decree_for(drafter, standard),
            to=target,
            drafter=drafter,
            reviewer=reviewer,
            head=head,
            mayor=mayor,
            number=number,
            notes=notes,
        )
        returned = decree.status == DecreeStatus.DRAFT and decree.review_notes.exists()
        outcome[standard.service.name] = (
            "Dikembalikan dengan catatan" if returned else decree.get_status_display()
        )
    return outcome

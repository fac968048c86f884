"""The decree's documents: the decree for signature (on penetapan) and the final decree
with its ratification (on pengesahan), each with one Lampiran-format table per standard
and the agency's Maklumat. Registered with the documents app by standards/documents.py."""

from __future__ import annotations

from django.db.models import Prefetch

from agencies.models import Agency
from documents.models import DocumentKind
from maklumat.models import agency_head_title
from maklumat.selectors import current_maklumat

from .models import Decree, DecreeStatus, Requirement, ServiceStandard
from .totals import standard_totals

ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN")


def issuer(agency: Agency) -> str:
    """Pasal 12: the Kepala PD issues the decree, or the Wali Kota for PTSP and PATEN."""
    return "Wali Kota Bontang" if agency.decreed_by_mayor else agency_head_title(agency)


def diktum(decree: Decree) -> list[tuple[str, str]]:
    agency = decree.agency.name
    clauses = [
        f"Menetapkan Standar Pelayanan pada {agency} sebagaimana tercantum dalam Lampiran yang "
        "merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU wajib diterapkan oleh "
        f"{agency} dan komponen penyampaian pelayanannya dipublikasikan kepada masyarakat.",
        f"Maklumat Pelayanan {agency} tercantum dalam Lampiran Keputusan ini.",
    ]
    if decree.amends_id:
        old = decree.amends
        clauses.append(
            f"Dengan berlakunya Keputusan ini, {old.title} Nomor {old.number} dicabut dan "
            "dinyatakan tidak berlaku."
        )
    clauses.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    return list(zip(ORDINALS, clauses, strict=False))


def decree_context(decree: Decree) -> dict:
    decree = Decree.objects.select_related("agency", "amends").get(pk=decree.pk)
    standards = (
        ServiceStandard.objects.filter(decrees=decree)
        .select_related("service")
        .prefetch_related(
            "components",
            "steps",
            "complaint_channels",
            "legal_bases",
            Prefetch("requirements", queryset=Requirement.objects.select_related("step")),
        )
        .order_by("service__name")
    )
    agency = decree.agency
    return {
        "decree": decree,
        "agency": agency,
        "issuer": issuer(agency),
        "lampiran": [(standard, standard_totals(standard)) for standard in standards],
        "maklumat": current_maklumat(agency),
        "diktum": diktum(decree),
        "signer": {"name": agency.head_name, "rank": agency.head_rank, "nip": agency.head_nip},
        "ratified": decree.status == DecreeStatus.IN_FORCE,
    }


def build_decree(document) -> tuple[str, dict]:
    """The decree as signed: after penetapan without, after pengesahan with, ratification."""
    return "documents/decree.html", decree_context(document.subject)


BUILDERS = {
    DocumentKind.DRAFT_DECREE: build_decree,
    DocumentKind.DECREE: build_decree,
    DocumentKind.MAYOR_DECREE: build_decree,
}

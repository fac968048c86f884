"""The decree's documents: the decree for signature (on penetapan) and the final decree
with its ratification (on pengesahan), each with one Lampiran-format table per standard
and the agency's Maklumat. Registered with the documents app by standards/documents.py."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch

from agencies.models import Agency
from documents.models import DocumentKind
from maklumat.models import agency_head_title
from maklumat.selectors import current_maklumat

from ..models import Decree, DecreeStatus, Requirement, ServiceStandard
from ..totals import standard_totals

ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN")


def roman(number: int) -> str:
    """1 -> I ... 3999 -> MMMCMXCIX: lampiran are numbered as decrees number them."""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def issuer(agency: Agency) -> str:
    """Pasal 12: the Kepala PD issues the decree, or the Wali Kota for PTSP and PATEN."""
    return "Wali Kota Bontang" if agency.decreed_by_mayor else agency_head_title(agency)


def in_force_clause(decree: Decree) -> str:
    """What the application does: a Keputusan Wali Kota is in force when set (Pasal 12
    ayat (2)); a Kepala PD's decree when the Wali Kota ratifies it (Pasal 12 ayat (1))."""
    if decree.by_mayor:
        return "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    return "Keputusan ini mulai berlaku pada tanggal disahkan oleh Wali Kota Bontang."


def amendment_clause(decree: Decree, standards: list[ServiceStandard]) -> str:
    """The amended decree is revoked wholly, or only for the services this one covers."""
    old = decree.amends
    covered = {s.service_id for s in standards}
    old_services = list(
        ServiceStandard.objects.filter(decrees=old)
        .select_related("service")
        .order_by("service__name")
    )
    if {s.service_id for s in old_services} <= covered:
        return (
            f"Dengan berlakunya Keputusan ini, {old.title} Nomor {old.number} dicabut dan "
            "dinyatakan tidak berlaku."
        )
    names = ", ".join(s.service.name for s in old_services if s.service_id in covered)
    return (
        f"Dengan berlakunya Keputusan ini, Standar Pelayanan {names} dalam Lampiran "
        f"{old.title} Nomor {old.number} dicabut dan dinyatakan tidak berlaku."
    )


def diktum(decree: Decree, standards: list[ServiceStandard] | None = None) -> list[tuple[str, str]]:
    agency = decree.agency.name
    clauses = [
        f"Menetapkan Standar Pelayanan pada {agency} sebagaimana tercantum dalam Lampiran yang "
        "merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU wajib diterapkan oleh "
        f"{agency} dan komponen penyampaian pelayanannya dipublikasikan kepada masyarakat.",
        f"Maklumat Pelayanan {agency} tercantum dalam Lampiran Keputusan ini.",
    ]
    if decree.amends_id:
        if standards is None:
            standards = list(ServiceStandard.objects.filter(decrees=decree))
        clauses.append(amendment_clause(decree, standards))
    clauses.append(in_force_clause(decree))
    return list(zip(ORDINALS, clauses, strict=False))


def signer(decree: Decree) -> dict:
    """The typed name under the signature: the Wali Kota, or the agency's head with rank
    and NIP."""
    agency = decree.agency
    if decree.by_mayor:
        return {"name": settings.MAYOR_NAME, "rank": "", "nip": ""}
    return {"name": agency.head_name, "rank": agency.head_rank, "nip": agency.head_nip}


def decree_context(decree: Decree) -> dict:
    decree = Decree.objects.select_related("agency", "amends").get(pk=decree.pk)
    standards = list(
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
    maklumat = current_maklumat(agency)
    count = len(standards) + (1 if maklumat else 0)

    def label(position: int) -> str:
        return f"LAMPIRAN {roman(position)}" if count > 1 else "LAMPIRAN"

    return {
        "decree": decree,
        "agency": agency,
        "issuer": issuer(agency),
        "lampiran": [
            (standard, standard_totals(standard), label(i))
            for i, standard in enumerate(standards, start=1)
        ],
        "maklumat": maklumat,
        "maklumat_label": label(count),
        "diktum": diktum(decree, standards),
        "signer": signer(decree),
        "mayor_office_address": settings.MAYOR_OFFICE_ADDRESS,
        "ratified": decree.status in (DecreeStatus.IN_FORCE, DecreeStatus.REPLACED),
    }


def build_decree(document) -> tuple[str, dict]:
    """The decree as signed: after penetapan without, after pengesahan with, ratification."""
    return "documents/decree.html", decree_context(document.subject)


BUILDERS = {
    DocumentKind.DRAFT_DECREE: build_decree,
    DocumentKind.DECREE: build_decree,
    DocumentKind.MAYOR_DECREE: build_decree,
}

"""One complete standard as workbook rows: the template's filled example, and the rows
tests and `bench/import.py` build large workbooks from."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ..models import ComponentKind
from .template import CHANNELS, LEGAL_BASES, REQUIREMENTS, SERVICES, STANDARDS, STEPS, TEXTS

__all__ = ["example_content"]

TEXTS_BY_COMPONENT = {
    "product": "Surat keterangan yang ditandatangani lurah.",
    "facilities": "Ruang tunggu, loket, komputer dan printer, jalur landai bagi penyandang "
    "disabilitas.",
    "staff_competence": "Petugas memahami persyaratan dan melayani dengan ramah.",
    "internal_supervision": "Pengawasan melekat oleh atasan langsung.",
    "service_guarantee": "Surat terbit paling lama 1 hari kerja sejak berkas lengkap.",
    "safety_guarantee": "Data pribadi pemohon dijaga kerahasiaannya.",
    "staff_evaluation": "Evaluasi kinerja pelaksana setiap bulan oleh atasan langsung.",
}


def example_content(
    key: str = "surat-keterangan-domisili",
    name: str = "Surat Keterangan Domisili",
    *,
    decree_number: str = "",
    decree_date: datetime.date | None = None,
    decree_signer: str = "",
) -> dict:
    """The rows of one complete standard (passes the completeness check)."""
    return {
        SERVICES.name: [
            {
                "key": key,
                "name": name,
                "kind": "administrative",
                "work_unit": "",
                "description": "Surat keterangan tempat tinggal bagi warga.",
            }
        ],
        STANDARDS.name: [
            {
                "key": key,
                "fee_legal_basis": "",
                "complaint_officer": "Sri Wahyuni",
                "complaint_phone": "0548-21234",
                "complaint_email": "pengaduan@bontangkota.go.id",
                "complaint_address": "Jl. Awang Long No. 1, Bontang",
                "complaint_escalation": "Inspektorat Kota Bontang atau Ombudsman RI.",
                "staff_count": 3,
                "publish_management": False,
                "decree_number": decree_number,
                "decree_date": decree_date,
                "decree_signer": decree_signer,
            }
        ],
        TEXTS.name: [
            {"key": key, "component": kind, "label": str(ComponentKind(kind).label), "text": text}
            for kind, text in TEXTS_BY_COMPONENT.items()
        ],
        REQUIREMENTS.name: [
            {
                "key": key,
                "order": 1,
                "description": "Fotokopi KTP-el",
                "kind": "administrative",
                "timing": "start",
                "step": 1,
                "notes": "",
            },
            {
                "key": key,
                "order": 2,
                "description": "Surat pengantar RT",
                "kind": "administrative",
                "timing": "start",
                "step": 1,
                "notes": "",
            },
        ],
        STEPS.name: [
            {
                "key": key,
                "order": 1,
                "actor": "Petugas loket",
                "action": "Menerima dan memeriksa berkas.",
                "duration_value": Decimal("15.00"),
                "duration_unit": "minutes",
                "applicant_fee": 0,
                "agency_cost": 0,
                "output": "Berkas lengkap",
            },
            {
                "key": key,
                "order": 2,
                "actor": "Lurah",
                "action": "Menandatangani surat keterangan.",
                "duration_value": Decimal("2.50"),
                "duration_unit": "hours",
                "applicant_fee": 0,
                "agency_cost": 5000,
                "output": "Surat keterangan",
            },
        ],
        LEGAL_BASES.name: [
            {
                "key": key,
                "order": 1,
                "kind": "uu",
                "issuer": "",
                "number": "25",
                "year": 2009,
                "title": "Pelayanan Publik",
            }
        ],
        CHANNELS.name: [
            {"key": key, "order": 1, "kind": "suggestion_box", "detail": "Di ruang tunggu"}
        ],
    }

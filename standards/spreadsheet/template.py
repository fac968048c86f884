"""The workbook's layout: one sheet per table of a Standar Pelayanan, one column per field.

The same layout is written by `writer` (template and export) and read by `reader`, so a
workbook exported here imports unchanged. A service is named on every sheet by its key
(`Service.slug`, "kunci layanan"), which is what makes a re-import idempotent.

Words in cells are the regulation's (Lampiran 1.B and the editor's labels), in
Indonesian; `CHOICES` maps them to the model's values and back.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import (
    ChannelKind,
    ComponentKind,
    DurationUnit,
    LegalBasisKind,
    RequirementKind,
    RequirementTiming,
    ServiceKind,
)

__all__ = [
    "CHOICES",
    "Column",
    "INSTRUCTIONS_SHEET",
    "KEY",
    "MAX_DATA_ROWS",
    "SHEETS",
    "Sheet",
    "choice_label",
    "sheet_by_name",
]

# Whole workbook: more is not one agency's standards but a mistake (or an attack).
MAX_DATA_ROWS = 10_000

INSTRUCTIONS_SHEET = "Petunjuk"
KEY = "key"


@dataclass(frozen=True)
class Column:
    name: str  # the internal name (a field of the row dict)
    header: str  # the header cell, in Indonesian
    meaning: str  # what to write, for the Petunjuk sheet
    example: str | int = ""
    kind: str = "text"  # text, int, decimal, money, date, choice, yesno
    choices: str = ""  # a key of CHOICES
    required: bool = False
    width: int = 18


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    columns: tuple[Column, ...]
    ordered: bool = False  # rows of a table: `urutan` orders them within a service

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


KEY_COLUMN = Column(
    KEY,
    "Kunci layanan",
    "Kunci layanan, sama dengan di lembar Layanan (huruf kecil, angka dan tanda hubung).",
    "kartu-keluarga",
    required=True,
    width=26,
)
ORDER_COLUMN = Column(
    "order", "Urutan", "Nomor urut baris dalam standar (1, 2, 3, ...).", 1, kind="int", width=8
)

CHOICES: dict[str, dict[str, str]] = {
    # cell word -> model value
    "service_kind": {
        "barang": ServiceKind.GOODS,
        "jasa": ServiceKind.SERVICES,
        "administratif": ServiceKind.ADMINISTRATIVE,
    },
    "requirement_kind": {
        "administratif": RequirementKind.ADMINISTRATIVE,
        "teknis": RequirementKind.TECHNICAL,
    },
    "timing": {
        "di awal": RequirementTiming.START,
        "bertahap": RequirementTiming.STAGED,
        "di akhir": RequirementTiming.END,
    },
    "duration_unit": {
        "menit": DurationUnit.MINUTES,
        "jam": DurationUnit.HOURS,
        "hari kerja": DurationUnit.WORKING_DAYS,
    },
    "legal_basis_kind": {str(label).lower(): value for value, label in LegalBasisKind.choices},
    "channel_kind": {str(label).lower(): value for value, label in ChannelKind.choices},
    "component": {str(kind.number): kind.value for kind in ComponentKind},
}


def choice_label(choices: str, value: str) -> str:
    """The word written in the cell for a model value (the first that maps to it)."""
    for word, mapped in CHOICES[choices].items():
        if mapped == value:
            return word
    return value


def _words(choices: str) -> str:
    return "; ".join(CHOICES[choices])


SERVICES = Sheet(
    "Layanan",
    "Daftar jenis layanan (Lampiran angka 1 huruf B angka 1)",
    (
        KEY_COLUMN,
        Column(
            "name",
            "Nama layanan",
            "Nama jenis layanan.",
            "Penerbitan Kartu Keluarga",
            required=True,
            width=40,
        ),
        Column(
            "kind",
            "Jenis pelayanan",
            f"Pasal 6-7: {_words('service_kind')}.",
            "administratif",
            kind="choice",
            choices="service_kind",
            required=True,
        ),
        Column(
            "work_unit",
            "Unit kerja",
            "Nama unit kerja yang memberikan layanan (boleh kosong).",
            "Bidang Pelayanan Pendaftaran Penduduk",
            width=34,
        ),
        Column(
            "description",
            "Uraian singkat",
            "Uraian singkat layanan (boleh kosong).",
            "Penerbitan KK baru dan perubahannya.",
            width=50,
        ),
    ),
)

STANDARDS = Sheet(
    "Standar",
    "Isian standar pelayanan dan keputusan yang sudah ada",
    (
        KEY_COLUMN,
        Column(
            "fee_legal_basis",
            "Dasar hukum tarif",
            "Lampiran angka 1 huruf B angka 6: wajib bila pemohon membayar; kosong bila gratis.",
            "",
            width=30,
        ),
        Column(
            "complaint_officer",
            "Petugas pengaduan",
            "Nama petugas pengaduan.",
            "Agus Salim, S.H.",
            width=24,
        ),
        Column(
            "complaint_phone",
            "Telepon pengaduan",
            "Nomor telepon/WhatsApp pengaduan.",
            "0548-21234",
        ),
        Column(
            "complaint_email",
            "Surel pengaduan",
            "Alamat surel pengaduan.",
            "disdukcapil@bontangkota.go.id",
            width=28,
        ),
        Column(
            "complaint_address",
            "Alamat pengaduan",
            "Alamat kantor tempat pengaduan diterima.",
            "Jl. Awang Long No. 1, Bontang",
            width=34,
        ),
        Column(
            "complaint_escalation",
            "Penyelesaian di luar Perangkat Daerah",
            "Ke mana pengaduan dibawa bila tidak selesai di dalam Perangkat Daerah.",
            "Inspektorat Kota Bontang atau Ombudsman RI.",
            width=34,
        ),
        Column(
            "staff_count",
            "Jumlah pelaksana",
            "Jumlah pelaksana (orang), angka.",
            8,
            kind="int",
            width=10,
        ),
        Column(
            "publish_management",
            "Tampilkan komponen pengelolaan",
            "Pasal 9 ayat (3): ya bila komponen 7-14 juga ditampilkan di portal; selain itu tidak.",
            "tidak",
            kind="yesno",
            width=12,
        ),
        Column(
            "decree_number",
            "Nomor keputusan",
            "Bila standar ini sudah ditetapkan: nomor keputusannya. Kosong untuk rancangan.",
            "400.12/101/DISDUKCAPIL/2019",
            width=28,
        ),
        Column(
            "decree_date",
            "Tanggal keputusan",
            "Tanggal penetapan keputusan itu, sebagai tanggal Excel (bukan teks).",
            "2019-03-14",
            kind="date",
            width=14,
        ),
        Column(
            "decree_signer",
            "Penandatangan",
            "Nama dan jabatan yang menandatangani keputusan itu.",
            "Kepala Dinas Kependudukan dan Pencatatan Sipil",
            width=30,
        ),
    ),
)

TEXTS = Sheet(
    "Uraian Komponen",
    "Uraian 14 komponen (Pasal 8), satu baris per komponen",
    (
        KEY_COLUMN,
        Column(
            "component",
            "Nomor komponen",
            "1 Persyaratan ... 14 Evaluasi Kinerja Pelaksana (urutan Lampiran).",
            5,
            kind="choice",
            choices="component",
            required=True,
            width=10,
        ),
        Column(
            "label",
            "Komponen",
            "Nama komponen (hanya untuk dibaca; tidak diimpor).",
            "Produk Pelayanan",
            width=28,
        ),
        Column("text", "Uraian", "Uraian komponen.", "Kartu Keluarga (KK).", width=70),
    ),
)

REQUIREMENTS = Sheet(
    "Persyaratan",
    "Persyaratan (Lampiran angka 1 huruf B angka 3), satu baris per persyaratan",
    (
        KEY_COLUMN,
        ORDER_COLUMN,
        Column(
            "description",
            "Persyaratan",
            "Dokumen atau barang yang harus dipenuhi pemohon.",
            "Fotokopi KTP-el",
            required=True,
            width=44,
        ),
        Column(
            "kind",
            "Jenis",
            f"{_words('requirement_kind')}.",
            "administratif",
            kind="choice",
            choices="requirement_kind",
            required=True,
        ),
        Column(
            "timing",
            "Waktu penyampaian",
            f"{_words('timing')}.",
            "di awal",
            kind="choice",
            choices="timing",
            required=True,
        ),
        Column(
            "step",
            "Tahap prosedur",
            "Urutan tahap prosedur tempat persyaratan diserahkan (boleh kosong).",
            1,
            kind="int",
            width=10,
        ),
        Column("notes", "Keterangan", "Keterangan (boleh kosong).", "", width=30),
    ),
    ordered=True,
)

STEPS = Sheet(
    "Prosedur",
    "Tahap prosedur (Lampiran angka 1 huruf B angka 4-7), satu baris per tahap",
    (
        KEY_COLUMN,
        ORDER_COLUMN,
        Column(
            "actor",
            "Pelaksana",
            "Siapa yang melakukan: pemohon, petugas loket, ...",
            "Petugas loket",
            required=True,
            width=24,
        ),
        Column(
            "action",
            "Kegiatan",
            "Apa yang dilakukan pada tahap ini.",
            "Menerima dan memeriksa berkas.",
            required=True,
            width=50,
        ),
        Column(
            "duration_value",
            "Waktu",
            "Lamanya tahap, angka (boleh pecahan: 2,5).",
            15,
            kind="decimal",
            required=True,
            width=8,
        ),
        Column(
            "duration_unit",
            "Satuan waktu",
            f"{_words('duration_unit')}.",
            "menit",
            kind="choice",
            choices="duration_unit",
            required=True,
            width=12,
        ),
        Column(
            "applicant_fee",
            "Biaya pemohon (Rp)",
            "Biaya yang dibebankan kepada pemohon pada tahap ini; 0 bila gratis.",
            0,
            kind="money",
            width=12,
        ),
        Column(
            "agency_cost",
            "Biaya ditanggung PD (Rp)",
            "Biaya yang ditanggung Perangkat Daerah pada tahap ini.",
            0,
            kind="money",
            width=12,
        ),
        Column("output", "Keluaran", "Hasil tahap ini.", "Berkas lengkap", width=30),
    ),
    ordered=True,
)

LEGAL_BASES = Sheet(
    "Dasar Hukum",
    "Dasar hukum (Lampiran angka 1 huruf B angka 2), satu baris per peraturan",
    (
        KEY_COLUMN,
        ORDER_COLUMN,
        Column(
            "kind",
            "Jenis peraturan",
            f"{_words('legal_basis_kind')}.",
            "undang-undang",
            kind="choice",
            choices="legal_basis_kind",
            required=True,
            width=24,
        ),
        Column(
            "issuer",
            "Pembentuk/daerah",
            "Menteri yang menetapkan Peraturan Menteri, daerah Peraturan Daerah (Kota Bontang, "
            "Provinsi Kalimantan Timur); kosong untuk UU, PP dan Perpres.",
            "",
            width=30,
        ),
        Column("number", "Nomor", "Nomor peraturan.", "25", required=True, width=10),
        Column("year", "Tahun", "Tahun peraturan.", 2009, kind="int", required=True, width=8),
        Column("title", "Tentang", "Judul peraturan.", "Pelayanan Publik", required=True, width=50),
    ),
    ordered=True,
)

CHANNELS = Sheet(
    "Pengaduan",
    "Saluran pengaduan (Lampiran angka 1 huruf B angka 8), satu baris per saluran",
    (
        KEY_COLUMN,
        ORDER_COLUMN,
        Column(
            "kind",
            "Saluran",
            f"{_words('channel_kind')}.",
            "kotak saran",
            kind="choice",
            choices="channel_kind",
            required=True,
            width=28,
        ),
        Column(
            "detail",
            "Rincian",
            "Nomor, alamat situs, atau letak kotak saran.",
            "Di ruang tunggu",
            width=40,
        ),
    ),
    ordered=True,
)

SHEETS: tuple[Sheet, ...] = (SERVICES, STANDARDS, TEXTS, REQUIREMENTS, STEPS, LEGAL_BASES, CHANNELS)


def sheet_by_name(name: str) -> Sheet | None:
    return next((sheet for sheet in SHEETS if sheet.name == name), None)

"""Demo content: services, drafting teams and standards as Bontang agencies draft them.

`seed_demo_standards()` is idempotent: a service that already has a standard is left
alone, a team that already has members is left alone. Everything is written through
`standards.services` with the `SYSTEM` actor (a management command), so history and
validation apply as for a person. Every standard passes `standards.checks`; they stay
drafts (only the workflow puts a standard in force).

The facts follow what Indonesian agencies publish for these services
(/work/shared/data/SAMPLE-SERVICES.md); names, numbers and addresses of people and
offices are illustrative.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from agencies.models import Agency, AgencyKind, WorkUnit
from agencies.services import sync_agency_permissions

from .models import (
    ChannelKind,
    ComplaintChannel,
    ComponentKind,
    DurationUnit,
    LegalBasis,
    LegalBasisKind,
    ProcedureStep,
    Requirement,
    RequirementKind,
    RequirementTiming,
    Service,
    ServiceKind,
    TeamMember,
    TeamRole,
)
from .services import (
    SYSTEM,
    component_save,
    drafting_team_for,
    row_save,
    service_save,
    standard_create,
    standard_update_fields,
    team_member_save,
    team_save,
)

__all__ = ["DEMO_STANDARDS", "seed_demo_standards"]

K = ComponentKind
MIN, HOUR, DAY = DurationUnit.MINUTES, DurationUnit.HOURS, DurationUnit.WORKING_DAYS
ADM, TECH = RequirementKind.ADMINISTRATIVE, RequirementKind.TECHNICAL
START, STAGED, END = RequirementTiming.START, RequirementTiming.STAGED, RequirementTiming.END
UU, PP, PERPRES, PERMEN, PERWALI, OTHER = (
    LegalBasisKind.LAW,
    LegalBasisKind.GOVERNMENT_REGULATION,
    LegalBasisKind.PRESIDENTIAL_REGULATION,
    LegalBasisKind.MINISTERIAL_REGULATION,
    LegalBasisKind.MAYORAL_REGULATION,
    LegalBasisKind.OTHER,
)
ADMINISTRATIVE, SERVICES = ServiceKind.ADMINISTRATIVE, ServiceKind.SERVICES

# Agencies the demo needs beyond agencies/seed.py.
EXTRA_AGENCIES = (
    {
        "slug": "disnaker",
        "name": "Dinas Tenaga Kerja",
        "short_name": "Disnaker",
        "kind": AgencyKind.OFFICE,
        "address": "Jl. Moh. Roem No. 1, Bontang Lestari, Bontang",
        "phone": "0548-3035110",
        "email": "disnaker@bontangkota.go.id",
    },
)
EXTRA_WORK_UNITS = {"disnaker": ("Bidang Penempatan dan Perluasan Kesempatan Kerja",)}


@dataclass(frozen=True)
class Step:
    actor: str
    action: str
    value: str
    unit: str
    output: str
    fee: int = 0
    cost: int = 0


@dataclass(frozen=True)
class Req:
    description: str
    step: int = 1  # number of the step it is handed in at (1-based)
    kind: str = ADM
    timing: str = START
    notes: str = ""


@dataclass(frozen=True)
class Basis:
    kind: str
    number: str
    year: int
    title: str


@dataclass(frozen=True)
class DemoStandard:
    agency: str
    service: str
    slug: str
    kind: str
    description: str
    texts: dict[str, str]
    steps: tuple[Step, ...]
    requirements: tuple[Req, ...]
    channels: tuple[tuple[str, str], ...]
    legal_bases: tuple[Basis, ...]
    contact: dict[str, str]
    staff_count: int
    work_unit: str = ""
    fee_legal_basis: str = ""


# --- common legal bases and texts -------------------------------------------------------

UU_25_2009 = Basis(UU, "25", 2009, "Pelayanan Publik")
PP_96_2012 = Basis(
    PP, "96", 2012, "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
)
PERPRES_76_2013 = Basis(PERPRES, "76", 2013, "Pengelolaan Pengaduan Pelayanan Publik")
PANRB_15_2014 = Basis(
    PERMEN,
    "15",
    2014,
    "Pedoman Standar Pelayanan (Peraturan Menteri Pendayagunaan Aparatur Negara dan "
    "Reformasi Birokrasi)",
)
PERWALI_31_2018 = Basis(
    PERWALI,
    "31",
    2018,
    "Pedoman Penyusunan Standar Pelayanan dan Maklumat Pelayanan di Lingkungan Pemerintah Daerah",
)
UU_23_2006 = Basis(UU, "23", 2006, "Administrasi Kependudukan")
UU_24_2013 = Basis(
    UU,
    "24",
    2013,
    "Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan",
)
PERPRES_96_2018 = Basis(
    PERPRES,
    "96",
    2018,
    "Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil",
)
PERMENDAGRI_108_2019 = Basis(
    PERMEN,
    "108",
    2019,
    "Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan "
    "Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil (Peraturan Menteri Dalam Negeri)",
)
PERMENDAGRI_109_2019 = Basis(
    PERMEN,
    "109",
    2019,
    "Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan (Peraturan Menteri "
    "Dalam Negeri)",
)

CHANNELS_CITY = (
    (ChannelKind.FACE_TO_FACE, "Meja pengaduan di ruang pelayanan, Senin-Jumat 08.00-15.00 WITA"),
    (ChannelKind.SUGGESTION_BOX, "Di ruang tunggu pelayanan"),
    (ChannelKind.SMS_WHATSAPP, "0811 5800 2121"),
    (ChannelKind.WEBSITE, "https://sp.bontangkota.go.id"),
    (ChannelKind.LAPOR, "www.lapor.go.id atau SMS 1708"),
)

COMPLAINT_TEXT = (
    "Pengaduan, saran dan masukan diterima melalui saluran di bawah ini, dicatat dalam buku "
    "register pengaduan, dan ditanggapi paling lama 5 hari kerja. Pengaduan sederhana "
    "diselesaikan paling lama 2 hari kerja; pengaduan yang memerlukan pemeriksaan paling lama "
    "14 hari kerja. Pelapor dapat mengikuti perkembangan pengaduannya melalui petugas "
    "pengaduan."
)
ESCALATION = (
    "Bila tidak puas dengan penyelesaian di Perangkat Daerah, pengadu dapat menyampaikan "
    "pengaduan kepada Inspektorat Kota Bontang, melalui SP4N-LAPOR! (www.lapor.go.id), atau "
    "kepada Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Timur."
)
SUPERVISION = (
    "Pengawasan melekat oleh atasan langsung setiap hari kerja; pemeriksaan oleh Inspektorat "
    "Kota Bontang sesuai program kerja pengawasan tahunan; Sistem Pengendalian Intern "
    "Pemerintah (SPIP)."
)
EVALUATION = (
    "Evaluasi kinerja pelaksana dilakukan oleh atasan langsung setiap bulan melalui capaian "
    "Sasaran Kinerja Pegawai, dan setiap 6 bulan melalui Survei Kepuasan Masyarakat (Pasal 16 "
    "Perwali Bontang 31/2018); hasilnya dipakai untuk perbaikan pelayanan."
)
SAFETY_RECORDS = (
    "Data pribadi pemohon dijaga kerahasiaannya dan hanya dipakai untuk pelayanan ini; "
    "ruang pelayanan dilengkapi alat pemadam api ringan, jalur evakuasi dan kamera pengawas."
)
FACILITIES_COMMON = (
    "Ruang tunggu berpendingin udara dengan kursi, loket pelayanan, nomor antrean, "
    "komputer dan printer, jaringan internet, toilet, musala, ruang laktasi, pojok bermain "
    "anak, kursi roda dan jalur landai bagi penyandang disabilitas."
)


DEMO_STANDARDS: tuple[DemoStandard, ...] = (
    # --- Disdukcapil: Kartu Keluarga -----------------------------------------------------
    DemoStandard(
        agency="disdukcapil",
        service="Penerbitan Kartu Keluarga",
        slug="kartu-keluarga",
        kind=ADMINISTRATIVE,
        work_unit="Bidang Pelayanan Pendaftaran Penduduk",
        description=(
            "Penerbitan Kartu Keluarga baru, karena perubahan data, pisah atau numpang KK, "
            "dan pengganti KK yang hilang atau rusak."
        ),
        texts={
            K.REQUIREMENTS: (
                "Persyaratan menurut keperluan: (a) membentuk keluarga baru: buku nikah atau "
                "akta perkawinan/perceraian, surat keterangan pindah bila dari luar daerah; "
                "(b) perubahan data: KK lama dan bukti perubahan; (c) numpang KK: KK yang "
                "ditumpangi dan surat keterangan pindah; (d) pisah KK: akta kematian, akta "
                "perceraian atau buku nikah; (e) hilang atau rusak: surat keterangan hilang "
                "dari kepolisian atau KK yang rusak; (f) orang asing dengan izin tinggal "
                "tetap: KK lama, fotokopi paspor dan KITAP."
            ),
            K.PROCEDURE: (
                "Pelayanan di loket Disdukcapil dan di Mal Pelayanan Publik Kota Bontang. KK "
                "ditandatangani secara elektronik; pemohon dapat menerima KK tercetak di loket "
                "atau berkas PDF beserta PIN melalui surel."
            ),
            K.SERVICE_TIME: "Paling cepat 1 hari kerja dan paling lama 3 hari kerja sejak "
            "berkas dinyatakan lengkap.",
            K.FEE: "Tidak dipungut biaya (Pasal 79A Undang-Undang Nomor 24 Tahun 2013).",
            K.PRODUCT: "Kartu Keluarga (KK) yang ditandatangani secara elektronik.",
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: FACILITIES_COMMON
            + " Aplikasi SIAK terpusat, perangkat tanda tangan elektronik, blangko formulir "
            "F-1.01.",
            K.STAFF_COMPETENCE: (
                "Petugas loket memahami Perpres 96/2018 dan Permendagri 108/2019 serta mampu "
                "melayani dengan ramah; operator SIAK telah mengikuti bimbingan teknis SIAK dan "
                "memegang hak akses yang sah; verifikator berpendidikan paling rendah D-III."
            ),
            K.INTERNAL_SUPERVISION: SUPERVISION,
            K.STAFF_COUNT: "2 petugas loket, 1 verifikator, 2 operator SIAK, 1 Kepala Seksi, "
            "1 Kepala Bidang, 1 petugas pengaduan.",
            K.SERVICE_GUARANTEE: (
                "KK terbit paling lama 3 hari kerja sejak berkas lengkap. Bila terlambat, KK "
                "diantar ke alamat pemohon; salah ketik karena petugas dicetak ulang saat itu "
                "juga tanpa biaya."
            ),
            K.SAFETY_GUARANTEE: SAFETY_RECORDS
            + " Dokumen asli pemohon dikembalikan saat itu juga setelah diperiksa.",
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step(
                "Pemohon",
                "Menyerahkan berkas persyaratan dan formulir F-1.01 yang telah diisi di loket.",
                "15",
                MIN,
                "Berkas permohonan dan nomor antrean",
            ),
            Step(
                "Verifikator",
                "Memeriksa kelengkapan dan keabsahan berkas, lalu memvalidasinya.",
                "45",
                MIN,
                "Berkas tervalidasi",
            ),
            Step(
                "Operator SIAK",
                "Merekam atau mengubah data keluarga dalam SIAK.",
                "2.5",
                HOUR,
                "Data KK terekam dalam SIAK",
            ),
            Step(
                "Kepala Seksi Identitas Penduduk",
                "Memeriksa hasil perekaman dan mengajukan permintaan tanda tangan elektronik.",
                "4",
                HOUR,
                "Permintaan tanda tangan elektronik",
            ),
            Step(
                "Kepala Dinas",
                "Menandatangani KK secara elektronik.",
                "1",
                DAY,
                "KK bertanda tangan elektronik",
            ),
            Step(
                "Operator SIAK",
                "Mencetak KK pada kertas HVS 80 gram atau menyiapkan berkas PDF dan PIN.",
                "0.5",
                DAY,
                "KK tercetak / berkas PDF",
                cost=2500,
            ),
            Step(
                "Petugas loket",
                "Menyerahkan KK kepada pemohon atau mengirim PDF dan PIN melalui surel.",
                "0.5",
                DAY,
                "KK diterima pemohon",
            ),
        ),
        requirements=(
            Req("Formulir F-1.01 yang telah diisi dan ditandatangani pemohon"),
            Req(
                "Buku nikah/kutipan akta perkawinan atau akta perceraian",
                notes="Untuk membentuk keluarga baru atau pisah KK",
            ),
            Req(
                "Surat keterangan pindah/datang",
                notes="Bila pindah dari atau ke luar daerah",
            ),
            Req("KK lama", notes="Untuk perubahan data, numpang atau pisah KK"),
            Req(
                "Surat keterangan kehilangan dari kepolisian atau KK yang rusak",
                notes="Untuk KK hilang atau rusak",
            ),
            Req(
                "Fotokopi paspor dan KITAP",
                notes="Bagi orang asing yang memiliki izin tinggal tetap",
            ),
        ),
        channels=(*CHANNELS_CITY, (ChannelKind.EMAIL, "disdukcapil@bontangkota.go.id")),
        legal_bases=(
            UU_23_2006,
            UU_24_2013,
            UU_25_2009,
            PP_96_2012,
            PERPRES_96_2018,
            PERMENDAGRI_108_2019,
            PERMENDAGRI_109_2019,
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Muhammad Rizal, S.AP.",
            "complaint_phone": "0548-3031120",
            "complaint_email": "disdukcapil@bontangkota.go.id",
            "complaint_address": (
                "Kantor Disdukcapil Kota Bontang, Jl. Moh. Roem No. 1, Bontang Lestari, "
                "Kota Bontang"
            ),
        },
        staff_count=8,
    ),
    # --- Disdukcapil: Akta Kelahiran -----------------------------------------------------
    DemoStandard(
        agency="disdukcapil",
        service="Penerbitan Akta Kelahiran",
        slug="akta-kelahiran",
        kind=ADMINISTRATIVE,
        work_unit="Bidang Pelayanan Pencatatan Sipil",
        description="Pencatatan kelahiran Warga Negara Indonesia dan penerbitan kutipan akta "
        "kelahiran.",
        texts={
            K.REQUIREMENTS: (
                "Kelahiran dilaporkan paling lambat 60 (enam puluh) hari sejak kelahiran "
                "(Pasal 27 Undang-Undang Nomor 23 Tahun 2006 sebagaimana diubah dengan "
                "Undang-Undang Nomor 24 Tahun 2013). Bagi anak yang tidak diketahui asal-"
                "usulnya: berita acara dari kepolisian dan surat keterangan dokter."
            ),
            K.PROCEDURE: "Pelayanan di loket Pencatatan Sipil Disdukcapil dan di Mal "
            "Pelayanan Publik Kota Bontang.",
            K.SERVICE_TIME: "Paling cepat 1 hari kerja dan paling lama 5 hari kerja sejak "
            "berkas dinyatakan lengkap.",
            K.FEE: "Tidak dipungut biaya (Pasal 79A Undang-Undang Nomor 24 Tahun 2013).",
            K.PRODUCT: "Kutipan Akta Kelahiran; nomor akta dicatat pada KK.",
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: FACILITIES_COMMON
            + " Buku register akta, blangko formulir F-2.01, F-2.02 dan F-2.03, kertas "
            "sekuriti kutipan akta.",
            K.STAFF_COMPETENCE: (
                "Petugas pencatatan sipil memahami peraturan pencatatan sipil dan pernah "
                "mengikuti bimbingan teknis pencatatan sipil; operator mampu mengoperasikan "
                "SIAK."
            ),
            K.INTERNAL_SUPERVISION: SUPERVISION,
            K.STAFF_COUNT: "3 petugas loket, 2 operator, 2 Kepala Seksi, 1 Kepala Bidang.",
            K.SERVICE_GUARANTEE: (
                "Kutipan akta terbit paling lama 5 hari kerja sejak berkas lengkap; bila "
                "terlambat, kutipan akta diantar ke alamat pemohon. Salah ketik karena petugas "
                "dicetak ulang tanpa biaya."
            ),
            K.SAFETY_GUARANTEE: SAFETY_RECORDS,
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step(
                "Pemohon",
                "Mengisi formulir F-2.01 dan menyerahkannya bersama berkas persyaratan.",
                "15",
                MIN,
                "Berkas permohonan",
            ),
            Step(
                "Petugas pencatatan sipil",
                "Memverifikasi dan memvalidasi berkas serta data kelahiran.",
                "30",
                MIN,
                "Berkas terverifikasi",
            ),
            Step(
                "Pemohon",
                "Menandatangani register akta kelahiran.",
                "15",
                MIN,
                "Register akta bertanda tangan pelapor",
            ),
            Step(
                "Operator",
                "Merekam data dalam SIAK dan menyiapkan register serta kutipan akta.",
                "6.5",
                HOUR,
                "Draf register dan kutipan akta",
            ),
            Step(
                "Kepala Bidang Pelayanan Pencatatan Sipil",
                "Memeriksa dan memaraf register dan kutipan akta.",
                "1",
                DAY,
                "Register dan kutipan akta berparaf",
            ),
            Step(
                "Kepala Dinas",
                "Menandatangani register dan kutipan akta kelahiran.",
                "2",
                DAY,
                "Kutipan akta kelahiran bertanda tangan",
            ),
            Step(
                "Petugas loket",
                "Mencetak dan menyerahkan kutipan akta kelahiran kepada pemohon.",
                "1",
                DAY,
                "Kutipan akta kelahiran diterima pemohon",
                cost=5000,
            ),
        ),
        requirements=(
            Req(
                "Surat keterangan kelahiran dari bidan, rumah sakit, klinik atau puskesmas",
                notes="Kelahiran di perjalanan: dari nakhoda, pilot atau kepala stasiun",
            ),
            Req("Formulir F-2.01 yang ditandatangani pemohon dan 2 orang saksi"),
            Req("Fotokopi buku nikah/akta perkawinan orang tua"),
            Req("Fotokopi KTP-el dan KK orang tua"),
            Req("Fotokopi KTP-el 2 orang saksi"),
            Req(
                "Kehadiran pemohon untuk menandatangani register akta",
                step=3,
                kind=TECH,
                timing=STAGED,
            ),
        ),
        channels=(*CHANNELS_CITY, (ChannelKind.EMAIL, "disdukcapil@bontangkota.go.id")),
        legal_bases=(
            UU_23_2006,
            UU_24_2013,
            UU_25_2009,
            PP_96_2012,
            PERPRES_96_2018,
            PERMENDAGRI_108_2019,
            PERMENDAGRI_109_2019,
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Muhammad Rizal, S.AP.",
            "complaint_phone": "0548-3031120",
            "complaint_email": "disdukcapil@bontangkota.go.id",
            "complaint_address": (
                "Kantor Disdukcapil Kota Bontang, Jl. Moh. Roem No. 1, Bontang Lestari, "
                "Kota Bontang"
            ),
        },
        staff_count=8,
    ),
    # --- DPMPTSP: Surat Izin Praktik Bidan -----------------------------------------------
    DemoStandard(
        agency="dpmptsp",
        service="Surat Izin Praktik Bidan (SIPB)",
        slug="surat-izin-praktik-bidan",
        kind=ADMINISTRATIVE,
        work_unit="Bidang Pelayanan Perizinan",
        description="Izin bagi bidan untuk menjalankan praktik kebidanan di fasilitas "
        "pelayanan kesehatan atau tempat praktik mandiri bidan di Kota Bontang.",
        texts={
            K.PROCEDURE: (
                "Permohonan diajukan di loket DPMPTSP atau secara daring melalui sistem "
                "perizinan Kota Bontang. Dinas Kesehatan, sebagai tim teknis, memberi "
                "rekomendasi sebelum izin diterbitkan."
            ),
            K.SERVICE_TIME: "Paling lama 12 hari kerja sejak berkas dinyatakan lengkap, "
            "termasuk 7 hari kerja pemeriksaan oleh tim teknis Dinas Kesehatan.",
            K.FEE: "Tidak dipungut biaya.",
            K.PRODUCT: "Surat Izin Praktik Bidan (SIPB), berlaku selama STR masih berlaku dan "
            "untuk satu tempat praktik.",
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: FACILITIES_COMMON + " Pemindai dokumen dan anjungan informasi perizinan.",
            K.STAFF_COMPETENCE: (
                "Petugas front office dan back office memahami Permenkes 28/2017 dan prosedur "
                "perizinan; tim teknis Dinas Kesehatan berlatar belakang kesehatan."
            ),
            K.INTERNAL_SUPERVISION: SUPERVISION,
            K.STAFF_COUNT: "2 petugas front office, 2 petugas back office, 1 Kepala Bidang, "
            "2 anggota tim teknis Dinas Kesehatan.",
            K.SERVICE_GUARANTEE: (
                "Izin terbit paling lama 12 hari kerja sejak berkas lengkap; permohonan yang "
                "ditolak diberi tahu secara tertulis beserta alasannya."
            ),
            K.SAFETY_GUARANTEE: SAFETY_RECORDS,
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step(
                "Pemohon",
                "Mengajukan permohonan di loket atau melalui sistem perizinan daring.",
                "15",
                MIN,
                "Permohonan masuk",
            ),
            Step(
                "Petugas front office",
                "Memeriksa kelengkapan berkas.",
                "30",
                MIN,
                "Berkas lengkap atau dikembalikan",
            ),
            Step(
                "Petugas front office",
                "Mencatat permohonan dalam sistem perizinan dan memberikan tanda terima.",
                "15",
                MIN,
                "Tanda terima berkas",
            ),
            Step(
                "Petugas back office",
                "Memverifikasi berkas dan meneruskannya kepada tim teknis Dinas Kesehatan.",
                "6.5",
                HOUR,
                "Berkas terverifikasi",
            ),
            Step(
                "Tim teknis Dinas Kesehatan",
                "Memeriksa kelayakan tempat praktik dan menerbitkan rekomendasi.",
                "7",
                DAY,
                "Rekomendasi teknis",
                cost=150000,
            ),
            Step(
                "Kepala Bidang Pelayanan Perizinan",
                "Memvalidasi konsep izin.",
                "1",
                DAY,
                "Konsep izin tervalidasi",
            ),
            Step(
                "Kepala DPMPTSP",
                "Menyetujui dan menandatangani izin secara elektronik.",
                "1",
                DAY,
                "Izin bertanda tangan",
            ),
            Step(
                "Petugas back office",
                "Memberi nomor dan mencetak izin.",
                "1",
                DAY,
                "SIPB bernomor",
                cost=5000,
            ),
            Step(
                "Petugas front office",
                "Menyerahkan izin kepada pemohon atau mengirimkannya melalui sistem.",
                "1",
                DAY,
                "SIPB diterima pemohon",
            ),
        ),
        requirements=(
            Req("Surat permohonan"),
            Req("Fotokopi Surat Tanda Registrasi (STR) bidan yang masih berlaku"),
            Req("Surat keterangan sehat dari dokter yang memiliki izin praktik"),
            Req("Surat pernyataan memiliki tempat praktik"),
            Req(
                "Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat bidan "
                "berpraktik"
            ),
            Req("Pas foto berwarna ukuran 4x6 sebanyak 3 lembar"),
            Req("Rekomendasi dari organisasi profesi (Ikatan Bidan Indonesia)"),
            Req(
                "Tempat praktik yang memenuhi persyaratan",
                step=5,
                kind=TECH,
                timing=STAGED,
                notes="Diperiksa tim teknis Dinas Kesehatan",
            ),
        ),
        channels=(*CHANNELS_CITY, (ChannelKind.EMAIL, "dpmptsp@bontangkota.go.id")),
        legal_bases=(
            Basis(UU, "17", 2023, "Kesehatan"),
            UU_25_2009,
            PP_96_2012,
            Basis(
                PP,
                "28",
                2024,
                "Peraturan Pelaksanaan Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            ),
            Basis(PERPRES, "97", 2014, "Penyelenggaraan Pelayanan Terpadu Satu Pintu"),
            Basis(
                PERMEN,
                "28",
                2017,
                "Izin dan Penyelenggaraan Praktik Bidan (Peraturan Menteri Kesehatan)",
            ),
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Andi Nurhalimah, S.Sos.",
            "complaint_phone": "0548-3032211",
            "complaint_email": "dpmptsp@bontangkota.go.id",
            "complaint_address": (
                "Mal Pelayanan Publik Kota Bontang, Jl. Moh. Roem No. 1, Bontang Lestari, "
                "Kota Bontang"
            ),
        },
        staff_count=7,
    ),
    # --- Kecamatan Bontang Selatan: Pelayanan Informasi Publik --------------------------
    DemoStandard(
        agency="kecamatan-bontang-selatan",
        service="Pelayanan Informasi Publik",
        slug="pelayanan-informasi-publik",
        kind=SERVICES,
        description="Pelayanan permohonan informasi publik oleh PPID Pelaksana Kecamatan "
        "Bontang Selatan.",
        texts={
            K.PROCEDURE: "Permohonan diajukan langsung di meja informasi kantor kecamatan "
            "atau melalui surel.",
            K.SERVICE_TIME: (
                "Paling lama 10 hari kerja sejak permohonan diterima; dapat diperpanjang "
                "paling lama 7 hari kerja dengan pemberitahuan tertulis kepada pemohon "
                "(Pasal 22 ayat (7) dan ayat (8) Undang-Undang Nomor 14 Tahun 2008)."
            ),
            K.FEE: "Tidak dipungut biaya.",
            K.PRODUCT: "Informasi publik yang diminta, atau surat pemberitahuan tertulis "
            "bahwa informasi dikecualikan beserta alasannya.",
            K.COMPLAINTS: COMPLAINT_TEXT
            + " Keberatan atas tanggapan PPID diajukan kepada atasan PPID paling lambat 30 "
            "hari kerja; bila tidak puas, sengketa dapat diajukan ke Komisi Informasi "
            "Provinsi Kalimantan Timur.",
            K.FACILITIES: "Meja informasi, ruang tunggu, komputer, printer, pemindai, "
            "jaringan internet, toilet, musala.",
            K.STAFF_COMPETENCE: "Petugas memahami UU 14/2008 dan Peraturan Komisi Informasi "
            "tentang standar layanan informasi publik; mampu mengelola daftar informasi "
            "publik.",
            K.INTERNAL_SUPERVISION: "Pengawasan oleh Sekretaris Kecamatan selaku atasan "
            "langsung dan oleh Camat; pembinaan oleh PPID Utama Kota Bontang.",
            K.STAFF_COUNT: "1 petugas meja informasi, 1 PPID Pelaksana, 1 Sekretaris Kecamatan.",
            K.SERVICE_GUARANTEE: "Setiap permohonan dijawab secara tertulis dalam jangka "
            "waktu yang ditetapkan.",
            K.SAFETY_GUARANTEE: "Informasi yang dikecualikan dan data pribadi dilindungi; "
            "salinan informasi diberikan dalam keadaan utuh.",
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step(
                "Pemohon",
                "Datang ke meja informasi atau mengirim surel, lalu mengisi formulir "
                "permohonan informasi.",
                "15",
                MIN,
                "Formulir permohonan",
            ),
            Step(
                "Petugas meja informasi",
                "Mencatat permohonan dalam register dan memberikan tanda bukti penerimaan.",
                "15",
                MIN,
                "Tanda bukti penerimaan permohonan",
            ),
            Step(
                "PPID Pelaksana",
                "Meneliti permohonan dan meneruskannya kepada seksi yang menguasai informasi.",
                "7",
                HOUR,
                "Disposisi permohonan",
            ),
            Step(
                "Seksi pemilik informasi",
                "Menghimpun informasi yang diminta.",
                "6",
                DAY,
                "Bahan informasi",
            ),
            Step(
                "PPID Pelaksana",
                "Menguji apakah informasi dikecualikan dan memutuskan pemberian informasi.",
                "2",
                DAY,
                "Keputusan pemberian atau penolakan informasi",
            ),
            Step(
                "Petugas meja informasi",
                "Menyerahkan informasi atau surat pemberitahuan penolakan beserta alasannya, "
                "dengan tanda terima.",
                "1",
                DAY,
                "Informasi dan tanda terima penyerahan",
            ),
        ),
        requirements=(
            Req("Warga Negara Indonesia atau badan hukum Indonesia", kind=TECH),
            Req("Formulir permohonan informasi yang telah diisi"),
            Req("Menunjukkan KTP-el dan menyerahkan fotokopinya"),
            Req(
                "Pernyataan mencantumkan sumber informasi bila informasi dipakai",
                step=6,
                timing=END,
            ),
        ),
        channels=(
            (ChannelKind.FACE_TO_FACE, "Meja informasi Kantor Kecamatan Bontang Selatan"),
            (ChannelKind.SUGGESTION_BOX, "Di ruang tunggu kantor kecamatan"),
            (ChannelKind.EMAIL, "kec.bontangselatan@bontangkota.go.id"),
            (ChannelKind.LAPOR, "www.lapor.go.id atau SMS 1708"),
        ),
        legal_bases=(
            Basis(UU, "14", 2008, "Keterbukaan Informasi Publik"),
            UU_25_2009,
            Basis(
                PP,
                "61",
                2010,
                "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang "
                "Keterbukaan Informasi Publik",
            ),
            Basis(PP, "17", 2018, "Kecamatan"),
            PP_96_2012,
            Basis(
                OTHER,
                "1",
                2021,
                "Standar Layanan Informasi Publik (Peraturan Komisi Informasi)",
            ),
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Hasnawati, S.Sos.",
            "complaint_phone": "0548-22145",
            "complaint_email": "kec.bontangselatan@bontangkota.go.id",
            "complaint_address": "Kantor Kecamatan Bontang Selatan, Jl. Letjend S. Parman, "
            "Kota Bontang",
        },
        staff_count=3,
    ),
    # --- Kelurahan Tanjung Laut: Surat Keterangan Tidak Mampu --------------------------
    DemoStandard(
        agency="kelurahan-tanjung-laut",
        service="Surat Keterangan Tidak Mampu (SKTM)",
        slug="surat-keterangan-tidak-mampu",
        kind=ADMINISTRATIVE,
        description="Surat keterangan bagi warga kurang mampu untuk keperluan pendidikan, "
        "kesehatan atau bantuan sosial.",
        texts={
            K.PROCEDURE: "Pelayanan langsung di loket Kantor Kelurahan Tanjung Laut.",
            K.SERVICE_TIME: "Paling lama 1 hari kerja sejak berkas dinyatakan lengkap.",
            K.FEE: "Tidak dipungut biaya.",
            K.PRODUCT: "Surat Keterangan Tidak Mampu yang ditandatangani Lurah.",
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: "Loket pelayanan, ruang tunggu, komputer dan printer, buku "
            "register, stempel kelurahan, toilet.",
            K.STAFF_COMPETENCE: "Petugas memahami tata naskah dinas dan kriteria warga kurang "
            "mampu; Kepala Seksi Kesejahteraan Sosial memahami Data Terpadu Kesejahteraan "
            "Sosial.",
            K.INTERNAL_SUPERVISION: "Pengawasan oleh Lurah dan Sekretaris Kelurahan; "
            "pembinaan oleh Camat Bontang Selatan.",
            K.STAFF_COUNT: "1 petugas loket, 1 Kepala Seksi Kesejahteraan Sosial, 1 Lurah.",
            K.SERVICE_GUARANTEE: "Surat selesai pada hari yang sama bila berkas lengkap "
            "sebelum pukul 12.00 WITA.",
            K.SAFETY_GUARANTEE: SAFETY_RECORDS,
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step("Pemohon", "Menyerahkan berkas persyaratan.", "10", MIN, "Berkas permohonan"),
            Step(
                "Petugas loket",
                "Memeriksa kelengkapan berkas dan menyiapkan konsep surat.",
                "20",
                MIN,
                "Konsep surat keterangan",
            ),
            Step(
                "Kepala Seksi Kesejahteraan Sosial",
                "Memverifikasi keadaan pemohon dan memaraf konsep surat.",
                "3",
                HOUR,
                "Konsep surat berparaf",
            ),
            Step("Lurah", "Menandatangani surat keterangan.", "3", HOUR, "SKTM bertanda tangan"),
            Step(
                "Petugas loket",
                "Mencatat surat dalam buku register dan membubuhkan stempel.",
                "45",
                MIN,
                "SKTM bernomor dan berstempel",
            ),
            Step("Pemohon", "Mengambil surat keterangan di loket.", "15", MIN, "SKTM diterima"),
        ),
        requirements=(
            Req("Surat pengantar dari RT/RW"),
            Req("Fotokopi KTP-el pemohon"),
            Req("Fotokopi KK"),
            Req("Foto rumah tampak depan", kind=TECH),
            Req("Surat pernyataan tidak mampu bermeterai"),
        ),
        channels=(
            (ChannelKind.FACE_TO_FACE, "Kantor Kelurahan Tanjung Laut"),
            (ChannelKind.SUGGESTION_BOX, "Di ruang tunggu kantor kelurahan"),
            (ChannelKind.SMS_WHATSAPP, "0813 4600 7788"),
            (ChannelKind.LAPOR, "www.lapor.go.id atau SMS 1708"),
        ),
        legal_bases=(
            UU_25_2009,
            Basis(UU, "23", 2014, "Pemerintahan Daerah"),
            Basis(
                UU,
                "9",
                2015,
                "Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 "
                "tentang Pemerintahan Daerah",
            ),
            Basis(UU, "30", 2014, "Administrasi Pemerintahan"),
            PP_96_2012,
            Basis(PP, "17", 2018, "Kecamatan"),
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Sri Wahyuni",
            "complaint_phone": "0813 4600 7788",
            "complaint_email": "kel.tanjunglaut@bontangkota.go.id",
            "complaint_address": "Kantor Kelurahan Tanjung Laut, Kecamatan Bontang Selatan, "
            "Kota Bontang",
        },
        staff_count=3,
    ),
    # --- UPT Puskesmas Bontang Selatan I: Pendaftaran Pasien ---------------------------
    DemoStandard(
        agency="puskesmas-bontang-selatan-1",
        service="Pendaftaran Pasien",
        slug="pendaftaran-pasien",
        kind=SERVICES,
        description="Pendaftaran pasien baru dan lama, peserta JKN maupun umum, sebelum "
        "mendapat pelayanan di poli.",
        texts={
            K.PROCEDURE: (
                "Jam pelayanan pendaftaran: Senin-Kamis 08.00-12.00, Jumat 08.00-11.00, Sabtu "
                "08.00-12.30 WITA. Pasien gawat darurat langsung dilayani di ruang tindakan "
                "tanpa menunggu pendaftaran."
            ),
            K.SERVICE_TIME: "3 sampai 5 menit.",
            K.FEE: (
                "Pendaftaran tidak dipungut biaya. Tarif pemeriksaan bagi pasien umum (bukan "
                "peserta JKN) mengikuti Peraturan Daerah Kota Bontang tentang retribusi "
                "pelayanan kesehatan."
            ),
            K.PRODUCT: "Nomor antrean poli dan rekam medis pasien yang siap di poli tujuan.",
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: FACILITIES_COMMON
            + " Anjungan pendaftaran mandiri, pemindai kartu JKN, layar antrean.",
            K.STAFF_COMPETENCE: "Petugas pendaftaran berpendidikan paling rendah SMA/SMK, "
            "memahami rekam medis dan aplikasi P-Care BPJS Kesehatan.",
            K.INTERNAL_SUPERVISION: "Pengawasan oleh Kepala UPT Puskesmas dan Kepala Tata "
            "Usaha; audit internal puskesmas dan pembinaan oleh Dinas Kesehatan.",
            K.STAFF_COUNT: "3 petugas pendaftaran, 1 petugas rekam medis.",
            K.SERVICE_GUARANTEE: "Pasien didaftarkan paling lama 5 menit setelah dipanggil; "
            "pasien lanjut usia, ibu hamil dan penyandang disabilitas didahulukan.",
            K.SAFETY_GUARANTEE: "Rekam medis disimpan sesuai Permenkes 24/2022 dan hanya "
            "dibuka oleh petugas yang berwenang; ruang tunggu dilengkapi alat pemadam api "
            "ringan dan jalur evakuasi.",
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step(
                "Pasien",
                "Memindai kartu JKN atau mengetik NIK di anjungan mandiri, memilih poli dan "
                "mengambil nomor antrean.",
                "1",
                MIN,
                "Nomor antrean pendaftaran",
            ),
            Step(
                "Petugas pendaftaran",
                "Mendaftar ulang pasien dengan kartu identitas; pasien baru didaftarkan dan "
                "dibuatkan rekam medis.",
                "3",
                MIN,
                "Pasien terdaftar",
            ),
            Step(
                "Petugas rekam medis",
                "Meneruskan rekam medis ke poli tujuan dan mengarahkan pasien ke ruang tunggu.",
                "1",
                MIN,
                "Rekam medis di poli tujuan",
            ),
        ),
        requirements=(
            Req("KTP-el atau KK"),
            Req("Kartu berobat", notes="Bagi pasien lama"),
            Req("Kartu JKN/BPJS Kesehatan", notes="Bila ada"),
            Req("Nomor antrean dari anjungan mandiri", step=2, kind=TECH, timing=STAGED),
        ),
        channels=(
            (ChannelKind.FACE_TO_FACE, "Petugas pengaduan di ruang pendaftaran"),
            (ChannelKind.SUGGESTION_BOX, "Di ruang tunggu puskesmas"),
            (ChannelKind.SMS_WHATSAPP, "0821 5000 3434"),
            (ChannelKind.SOCIAL_MEDIA, "Instagram @puskesmasbontangselatan1"),
            (ChannelKind.LAPOR, "www.lapor.go.id atau SMS 1708"),
        ),
        legal_bases=(
            Basis(UU, "17", 2023, "Kesehatan"),
            UU_25_2009,
            PP_96_2012,
            Basis(PERPRES, "82", 2018, "Jaminan Kesehatan"),
            Basis(PERMEN, "43", 2019, "Pusat Kesehatan Masyarakat (Peraturan Menteri Kesehatan)"),
            Basis(PERMEN, "24", 2022, "Rekam Medis (Peraturan Menteri Kesehatan)"),
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Ns. Rahmat Hidayat, S.Kep.",
            "complaint_phone": "0821 5000 3434",
            "complaint_email": "pkm.bontangselatan1@bontangkota.go.id",
            "complaint_address": "UPT Puskesmas Bontang Selatan I, Kelurahan Tanjung Laut, "
            "Kota Bontang",
        },
        staff_count=4,
    ),
    # --- Disnaker: Kartu Tanda Bukti Pencari Kerja (AK/I) ------------------------------
    DemoStandard(
        agency="disnaker",
        service="Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I)",
        slug="kartu-pencari-kerja-ak-i",
        kind=ADMINISTRATIVE,
        work_unit="Bidang Penempatan dan Perluasan Kesempatan Kerja",
        description="Pendaftaran pencari kerja dan penerbitan kartu AK/I (kartu kuning).",
        texts={
            K.PROCEDURE: "Pelayanan di loket Disnaker dan Mal Pelayanan Publik Kota Bontang; "
            "pencari kerja dapat lebih dulu mendaftar sendiri di aplikasi SIAPkerja.",
            K.SERVICE_TIME: "Sekitar 15 menit; paling lama 1 hari kerja bila sistem nasional "
            "sedang gangguan.",
            K.FEE: "Tidak dipungut biaya.",
            K.PRODUCT: (
                "Kartu AK/I, berlaku 2 tahun; pemegang kartu melapor setiap 6 bulan selama "
                "belum mendapat pekerjaan."
            ),
            K.COMPLAINTS: COMPLAINT_TEXT,
            K.FACILITIES: FACILITIES_COMMON + " Papan informasi lowongan kerja.",
            K.STAFF_COMPETENCE: "Pengantar kerja bersertifikat jabatan fungsional pengantar "
            "kerja; petugas mampu mengoperasikan aplikasi SIAPkerja.",
            K.INTERNAL_SUPERVISION: SUPERVISION,
            K.STAFF_COUNT: "2 petugas loket, 1 pengantar kerja.",
            K.SERVICE_GUARANTEE: "Kartu AK/I selesai pada hari yang sama bila berkas lengkap.",
            K.SAFETY_GUARANTEE: SAFETY_RECORDS,
            K.STAFF_EVALUATION: EVALUATION,
        },
        steps=(
            Step("Pencari kerja", "Menyerahkan berkas persyaratan.", "2", MIN, "Berkas"),
            Step(
                "Petugas loket",
                "Memandu pencari kerja mendaftar di aplikasi SIAPkerja.",
                "3",
                MIN,
                "Akun SIAPkerja",
            ),
            Step(
                "Pencari kerja",
                "Mengisi data diri, pendidikan dan keterampilan.",
                "5",
                MIN,
                "Data pencari kerja",
            ),
            Step(
                "Petugas loket",
                "Memeriksa data pada portal ketenagakerjaan nasional.",
                "2",
                MIN,
                "Data terverifikasi",
            ),
            Step(
                "Pengantar kerja",
                "Mencetak, memaraf dan menandatangani kartu AK/I.",
                "3",
                MIN,
                "Kartu AK/I",
                cost=1500,
            ),
        ),
        requirements=(
            Req("Fotokopi KTP-el"),
            Req("Pas foto berwarna ukuran 3x4 sebanyak 2 lembar"),
            Req("Fotokopi ijazah terakhir"),
            Req("Alamat surel aktif untuk akun SIAPkerja", step=2, kind=TECH, timing=STAGED),
        ),
        channels=(*CHANNELS_CITY, (ChannelKind.EMAIL, "disnaker@bontangkota.go.id")),
        legal_bases=(
            Basis(UU, "13", 2003, "Ketenagakerjaan"),
            UU_25_2009,
            PP_96_2012,
            Basis(
                PERMEN,
                "39",
                2016,
                "Penempatan Tenaga Kerja (Peraturan Menteri Ketenagakerjaan)",
            ),
            PANRB_15_2014,
            PERWALI_31_2018,
        ),
        contact={
            "complaint_officer": "Yohanes Tandirerung, S.E.",
            "complaint_phone": "0548-3035110",
            "complaint_email": "disnaker@bontangkota.go.id",
            "complaint_address": "Kantor Dinas Tenaga Kerja, Jl. Moh. Roem No. 1, Bontang "
            "Lestari, Kota Bontang",
        },
        staff_count=3,
    ),
)


# --- services inventory (Lampiran 1.B.1) beyond the ones with a demo standard -------------

INVENTORY: dict[str, tuple[tuple[str, str], ...]] = {
    "disdukcapil": (
        ("Penerbitan KTP Elektronik", ADMINISTRATIVE),
        ("Penerbitan Kartu Identitas Anak", ADMINISTRATIVE),
        ("Surat Keterangan Pindah", ADMINISTRATIVE),
        ("Penerbitan Akta Kematian", ADMINISTRATIVE),
        ("Penerbitan Akta Perkawinan", ADMINISTRATIVE),
    ),
    "dpmptsp": (
        ("Surat Izin Praktik Perawat", ADMINISTRATIVE),
        ("Surat Izin Praktik Dokter", ADMINISTRATIVE),
        ("Persetujuan Bangunan Gedung", ADMINISTRATIVE),
        ("Konsultasi Perizinan Berusaha", SERVICES),
    ),
    "kecamatan-bontang-selatan": (
        ("Legalisasi Dokumen", ADMINISTRATIVE),
        ("Rekomendasi Dispensasi Nikah", ADMINISTRATIVE),
    ),
    "kelurahan-tanjung-laut": (
        ("Surat Keterangan Domisili", ADMINISTRATIVE),
        ("Surat Pengantar Nikah", ADMINISTRATIVE),
        ("Surat Keterangan Usaha", ADMINISTRATIVE),
        ("Surat Keterangan Kematian", ADMINISTRATIVE),
    ),
    "puskesmas-bontang-selatan-1": (
        ("Pemeriksaan Umum", SERVICES),
        ("Pelayanan Kesehatan Ibu dan Anak serta Keluarga Berencana", SERVICES),
        ("Imunisasi", SERVICES),
        ("Pelayanan Kesehatan Gigi dan Mulut", SERVICES),
        ("Pelayanan Kefarmasian", ServiceKind.GOODS),
        ("Pemeriksaan Laboratorium", SERVICES),
        ("Surat Keterangan Sehat", ADMINISTRATIVE),
    ),
    "disnaker": (
        ("Pelatihan Berbasis Kompetensi", SERVICES),
        ("Pencatatan Perjanjian Kerja Bersama", ADMINISTRATIVE),
    ),
}


# --- drafting teams (Pasal 10 ayat (2)-(4)) -----------------------------------------------


@dataclass(frozen=True)
class Member:
    name: str
    nip: str
    position: str
    role: str
    username: str = ""


@dataclass(frozen=True)
class Team:
    decree_number: str
    decree_date: datetime.date
    members: tuple[Member, ...] = field(default_factory=tuple)


CHAIR, SECRETARY, MEMBER = TeamRole.CHAIR, TeamRole.SECRETARY, TeamRole.MEMBER

TEAMS: dict[str, Team] = {
    "disdukcapil": Team(
        "800/112/Disdukcapil/2025",
        datetime.date(2025, 1, 13),
        (
            Member(
                "Rina Wulandari, S.Kom.",
                "198204152006042011",
                "Kepala Bidang Pelayanan Pendaftaran Penduduk",
                CHAIR,
                "penyusun.disdukcapil",
            ),
            Member(
                "Agus Salim, S.H.",
                "198709232010011003",
                "Kepala Seksi Identitas Penduduk",
                SECRETARY,
            ),
            Member(
                "Nurul Fadilah, A.Md.",
                "199203082015032004",
                "Pengadministrasi Kependudukan",
                MEMBER,
            ),
            Member(
                "Muhammad Rizal, S.AP.",
                "199011172014021002",
                "Analis Pelayanan Publik",
                MEMBER,
            ),
        ),
    ),
    "dpmptsp": Team(
        "503/045/DPMPTSP/2025",
        datetime.date(2025, 2, 3),
        (
            Member(
                "Dewi Kartika, S.E., M.M.",
                "198011052005012007",
                "Kepala Bidang Pelayanan Perizinan",
                CHAIR,
                "penyusun.dpmptsp",
            ),
            Member(
                "Andi Nurhalimah, S.Sos.",
                "198806142011012012",
                "Analis Perizinan",
                SECRETARY,
            ),
            Member("Fajar Ramadhan, S.T.", "199301262019031005", "Verifikator Perizinan", MEMBER),
        ),
    ),
    "kecamatan-bontang-selatan": Team(
        "061/021/Kec.BS/2025",
        datetime.date(2025, 1, 20),
        (
            Member(
                "Irfan Maulana, S.STP.",
                "198512312004121001",
                "Sekretaris Kecamatan",
                CHAIR,
                "penyusun.bontang-selatan",
            ),
            Member(
                "Hasnawati, S.Sos.",
                "198407072009032006",
                "Kepala Seksi Pelayanan Umum",
                SECRETARY,
            ),
            Member("Ridwan, S.IP.", "199005152015031003", "Pengelola Informasi Publik", MEMBER),
        ),
    ),
    "kelurahan-tanjung-laut": Team(
        "061/007/Kel.TL/2025",
        datetime.date(2025, 1, 27),
        (
            Member(
                "Fitri Handayani, S.IP.",
                "198603182008012004",
                "Kepala Subbagian Pemerintahan Kelurahan, Bagian Pemerintahan Setda",
                CHAIR,
                "koordinator",
            ),
            Member("Sri Wahyuni", "197912102007012009", "Sekretaris Kelurahan", SECRETARY),
            Member(
                "Abdul Karim, S.Sos.",
                "198811212014031002",
                "Kepala Seksi Kesejahteraan Sosial",
                MEMBER,
            ),
        ),
    ),
    "puskesmas-bontang-selatan-1": Team(
        "440/033/Dinkes/2025",
        datetime.date(2025, 2, 10),
        (
            Member(
                "Nur Aisyah, S.KM., M.Kes.",
                "198309302008042003",
                "Kepala Seksi Pelayanan Kesehatan Primer, Dinas Kesehatan",
                CHAIR,
                "penyusun.dinkes",
            ),
            Member(
                "drg. Lestari Ningsih",
                "198702042014022003",
                "Kepala UPT Puskesmas Bontang Selatan I",
                SECRETARY,
            ),
            Member(
                "Ns. Rahmat Hidayat, S.Kep.",
                "199108192017031001",
                "Perawat Ahli Pertama",
                MEMBER,
            ),
            Member("Yuliana, A.Md.RMIK", "199507252020122006", "Perekam Medis", MEMBER),
        ),
    ),
    "disnaker": Team(
        "560/019/Disnaker/2025",
        datetime.date(2025, 2, 17),
        (
            Member(
                "Bambang Sutrisno, S.E.",
                "197905112005011004",
                "Kepala Bidang Penempatan dan Perluasan Kesempatan Kerja",
                CHAIR,
            ),
            Member(
                "Yohanes Tandirerung, S.E.",
                "198902282015031002",
                "Pengantar Kerja Ahli Pertama",
                SECRETARY,
            ),
            Member("Wahyu Setiawan", "199412012019021001", "Pengelola Data Pencari Kerja", MEMBER),
        ),
    ),
}


# --- seeding -------------------------------------------------------------------------------


def _extra_agencies() -> None:
    for values in EXTRA_AGENCIES:
        agency, created = Agency.objects.get_or_create(
            slug=values["slug"], defaults={k: v for k, v in values.items() if k != "slug"}
        )
        if created:
            sync_agency_permissions(agency)
        for unit in EXTRA_WORK_UNITS.get(agency.slug, ()):
            WorkUnit.objects.get_or_create(agency=agency, name=unit)


def _service(
    agency: Agency, name: str, kind: str, slug: str = "", description: str = "", work_unit: str = ""
) -> Service:
    existing = Service.objects.filter(agency=agency, name=name).first()
    if existing:
        return existing
    unit = WorkUnit.objects.filter(agency=agency, name=work_unit).first() if work_unit else None
    return service_save(
        actor=SYSTEM,
        service=Service(
            agency=agency,
            name=name,
            slug=slug,
            kind=kind,
            description=description,
            work_unit=unit,
        ),
    )


def _standard(demo: DemoStandard) -> bool:
    """Draft one demo standard unless its service already has one; True if drafted."""
    agency = Agency.objects.get(slug=demo.agency)
    service = _service(agency, demo.service, demo.kind, demo.slug, demo.description, demo.work_unit)
    if service.standards.exists():
        return False
    standard = standard_create(actor=SYSTEM, service=service)
    for kind, text in demo.texts.items():
        component_save(actor=SYSTEM, standard=standard, kind=kind, text=text, revision=0)
    standard = standard_update_fields(
        actor=SYSTEM,
        standard=standard,
        revision=standard.revision,
        staff_count=demo.staff_count,
        fee_legal_basis=demo.fee_legal_basis,
        complaint_escalation=ESCALATION,
        **demo.contact,
    )
    steps = [
        row_save(
            actor=SYSTEM,
            standard=standard,
            row=ProcedureStep(
                actor=step.actor,
                action=step.action,
                duration_value=Decimal(step.value),
                duration_unit=step.unit,
                applicant_fee=Decimal(step.fee),
                agency_cost=Decimal(step.cost),
                output=step.output,
            ),
        )
        for step in demo.steps
    ]
    for req in demo.requirements:
        row_save(
            actor=SYSTEM,
            standard=standard,
            row=Requirement(
                description=req.description,
                kind=req.kind,
                timing=req.timing,
                step=steps[req.step - 1],
                notes=req.notes,
            ),
        )
    for kind, detail in demo.channels:
        row_save(actor=SYSTEM, standard=standard, row=ComplaintChannel(kind=kind, detail=detail))
    for basis in demo.legal_bases:
        row_save(
            actor=SYSTEM,
            standard=standard,
            row=LegalBasis(
                kind=basis.kind, number=basis.number, year=basis.year, title=basis.title
            ),
        )
    return True


def _team(slug: str, spec: Team) -> None:
    team = drafting_team_for(Agency.objects.get(slug=slug))
    if team.members.exists():
        return
    team.decree_number = spec.decree_number
    team.decree_date = spec.decree_date
    team_save(actor=SYSTEM, team=team)
    users = get_user_model().objects.in_bulk(
        [m.username for m in spec.members if m.username], field_name="username"
    )
    for member in spec.members:
        team_member_save(
            actor=SYSTEM,
            member=TeamMember(
                team=team,
                name=member.name,
                nip=member.nip,
                position=member.position,
                role=member.role,
                user=users.get(member.username),
            ),
        )


@transaction.atomic
def seed_demo_standards() -> int:
    """Add the demo agencies' services, teams and standards; returns how many were drafted.

    Needs the agencies of `agencies.seed.seed_bontang()`; run after the demo users so
    the team chairs are linked to their accounts.
    """
    _extra_agencies()
    for slug, services in INVENTORY.items():
        agency = Agency.objects.get(slug=slug)
        for name, kind in services:
            _service(agency, name, kind)
    for slug, spec in TEAMS.items():
        _team(slug, spec)
    return sum(_standard(demo) for demo in DEMO_STANDARDS)

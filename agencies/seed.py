"""The Perangkat Daerah of Pemerintah Kota Bontang, as seed data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from .models import Agency, AgencyKind, WorkUnit
from .services import sync_agency_permissions

K = AgencyKind


@dataclass(frozen=True)
class AgencySeed:
    slug: str
    name: str
    short_name: str
    kind: str
    parent: str = ""
    decreed_by_mayor: bool = False
    work_units: tuple[str, ...] = ()


BONTANG_AGENCIES: tuple[AgencySeed, ...] = (
    AgencySeed(
        "setda",
        "Sekretariat Daerah",
        "Setda",
        K.REGIONAL_SECRETARIAT,
        work_units=("Bagian Organisasi", "Bagian Pemerintahan"),
    ),
    AgencySeed("setwan", "Sekretariat DPRD", "Setwan", K.COUNCIL_SECRETARIAT),
    AgencySeed(
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        K.OFFICE,
        work_units=("Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil"),
    ),
    AgencySeed(
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        K.OFFICE,
        decreed_by_mayor=True,
        work_units=("Bidang Pelayanan Perizinan",),
    ),
    AgencySeed("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", K.OFFICE),
    AgencySeed("disdikbud", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", K.OFFICE),
    AgencySeed("dinkes", "Dinas Kesehatan", "Dinkes", K.OFFICE),
    AgencySeed("rsud-taman-husada", "RSUD Taman Husada", "RSUD Taman Husada", K.HOSPITAL),
    AgencySeed("dinsos-pm", "Dinas Sosial dan Pemberdayaan Masyarakat", "Dinsos PM", K.OFFICE),
    AgencySeed(
        "dp3akb",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
        "DP3AKB",
        K.OFFICE,
    ),
    AgencySeed("dlh", "Dinas Lingkungan Hidup", "DLH", K.OFFICE),
    AgencySeed("damkar", "Dinas Pemadam Kebakaran", "Damkar", K.OFFICE),
    AgencySeed(
        "bapperida", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", K.BOARD
    ),
    AgencySeed("dkp3", "Dinas Ketahanan Pangan, Pertanian dan Perikanan", "DKP3", K.OFFICE),
    AgencySeed("satpol-pp", "Satuan Polisi Pamong Praja", "Satpol PP", K.CIVIL_SERVICE_POLICE),
    # UPT of Dinas Kesehatan: drafted by their parent (Pasal 17 ayat (1)).
    AgencySeed(
        "puskesmas-bontang-utara-1",
        "UPT Puskesmas Bontang Utara I",
        "Puskesmas BU I",
        K.UPT,
        "dinkes",
    ),
    AgencySeed(
        "puskesmas-bontang-utara-2",
        "UPT Puskesmas Bontang Utara II",
        "Puskesmas BU II",
        K.UPT,
        "dinkes",
    ),
    AgencySeed(
        "puskesmas-bontang-selatan-1",
        "UPT Puskesmas Bontang Selatan I",
        "Puskesmas BS I",
        K.UPT,
        "dinkes",
    ),
    AgencySeed(
        "puskesmas-bontang-selatan-2",
        "UPT Puskesmas Bontang Selatan II",
        "Puskesmas BS II",
        K.UPT,
        "dinkes",
    ),
    AgencySeed(
        "puskesmas-bontang-barat", "UPT Puskesmas Bontang Barat", "Puskesmas BB", K.UPT, "dinkes"
    ),
    AgencySeed(
        "puskesmas-bontang-lestari",
        "UPT Puskesmas Bontang Lestari",
        "Puskesmas BL",
        K.UPT,
        "dinkes",
    ),
)

# Kecamatan (PATEN, decreed by the mayor: Pasal 12 ayat (2)) and their kelurahan.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "Bontang Utara": (
        "Guntung",
        "Loktuan",
        "Gunung Elai",
        "Api-Api",
        "Bontang Baru",
        "Bontang Kuala",
    ),
    "Bontang Selatan": (
        "Satimpo",
        "Tanjung Laut",
        "Berbas Pantai",
        "Berbas Tengah",
        "Tanjung Laut Indah",
        "Bontang Lestari",
    ),
    "Bontang Barat": ("Belimbing", "Gunung Telihan", "Kanaan"),
}


def all_seeds() -> list[AgencySeed]:
    seeds = list(BONTANG_AGENCIES)
    for district, villages in DISTRICTS.items():
        district_slug = f"kecamatan-{slugify(district)}"
        seeds.append(
            AgencySeed(
                district_slug,
                f"Kecamatan {district}",
                f"Kec. {district}",
                K.DISTRICT,
                decreed_by_mayor=True,
            )
        )
        seeds += [
            AgencySeed(
                f"kelurahan-{slugify(v)}", f"Kelurahan {v}", f"Kel. {v}", K.VILLAGE, district_slug
            )
            for v in villages
        ]
    return seeds


@transaction.atomic
def seed_bontang() -> tuple[int, int]:
    """Create or update every agency of the list; returns (created, updated)."""
    created = updated = 0
    by_slug: dict[str, Agency] = {}
    for seed in all_seeds():
        agency, was_created = Agency.objects.get_or_create(
            slug=seed.slug,
            defaults={
                "name": seed.name,
                "short_name": seed.short_name,
                "kind": seed.kind,
                "decreed_by_mayor": seed.decreed_by_mayor,
                "parent": by_slug.get(seed.parent),
            },
        )
        if was_created:
            created += 1
            sync_agency_permissions(agency)
        else:
            wanted = {
                "name": seed.name,
                "short_name": seed.short_name,
                "kind": seed.kind,
                "decreed_by_mayor": seed.decreed_by_mayor,
                "parent_id": by_slug[seed.parent].pk if seed.parent else None,
            }
            changed = [field for field, value in wanted.items() if getattr(agency, field) != value]
            if changed:
                for field in changed:
                    setattr(agency, field, wanted[field])
                agency.save(update_fields=changed)
                sync_agency_permissions(agency)
                updated += 1
        by_slug[seed.slug] = agency
        for unit in seed.work_units:
            WorkUnit.objects.get_or_create(agency=agency, name=unit)
    return created, updated

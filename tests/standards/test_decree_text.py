"""The decree's text as a Bagian Hukum reads it (issue 18 points 4-6), checked with
pdftotext on a revision's final decree; its pages are rendered to PNG for a person to
look at (artifacts/documents/revision-*.png)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from documents.models import DocumentKind
from maklumat.models import Maklumat
from maklumat.services import maklumat_draft, maklumat_set
from standards import decrees
from standards.models import ChangeReason, LegalBasis, LegalBasisKind
from standards.services import standard_revise
from tests.standards.factories import LegalBasisFactory
from tests.standards.workflow_fixtures import consult, ready_decree, to_force

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"
K = LegalBasisKind
COMPENSATION = "Dokumen yang terlambat diantar ke rumah pemohon tanpa biaya."


def pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode().split("\f")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _bases(standard):
    LegalBasis.objects.filter(standard=standard).delete()
    rows = [
        (K.MAYORAL_REGULATION, "", "31", 2018, "Pedoman Penyusunan Standar Pelayanan"),
        (K.MINISTERIAL_REGULATION, "", "15", 2014, "Pedoman Standar Pelayanan"),
        (K.MINISTERIAL_REGULATION, "Menteri Kesehatan", "24", 2022, "Rekam Medis"),
        (K.REGIONAL_REGULATION, "Kota Bontang", "1", 2024, "Retribusi Daerah"),
        (K.LAW, "", "17", 2023, "Kesehatan"),
        (K.LAW, "", "25", 2009, "Pelayanan Publik"),
    ]
    for position, (kind, issuer, number, year, title) in enumerate(rows, start=1):
        LegalBasisFactory(
            standard=standard, position=position, kind=kind, issuer=issuer, number=number,
            year=year, title=title,
        )  # fmt: skip


@pytest.fixture
def revision(agency_a, drafter_a, reviewer, head_a, mayor_office):
    draft = maklumat_draft(actor=head_a, agency=agency_a)
    Maklumat.objects.filter(pk=draft.pk).update(compensation=COMPENSATION)
    draft.refresh_from_db()
    maklumat_set(actor=head_a, maklumat=draft, set_on=timezone.localdate())
    old = ready_decree(agency_a, drafter_a, standards=2)
    for standard in old.standards.all():
        _bases(standard)
    to_force(old, drafter_a, reviewer, head_a, mayor_office, "100.3/1/2026")
    versions = []
    for standard in old.standards.all():
        version = standard_revise(
            actor=drafter_a, standard=standard, reason=ChangeReason.POLICY, explanation="Perda."
        )
        consult(version)
        versions.append(version)
    amending = decrees.decree_create(
        actor=drafter_a, agency=agency_a, standards=versions, amends=old
    )
    return to_force(amending, drafter_a, reviewer, head_a, mayor_office, "100.3/2/2026")


def test_a_revisions_decree_reads_as_a_bagian_hukum_would_sign_it(revision, agency_a):
    final = decrees.decree_documents(revision).get(kind=DocumentKind.DECREE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "revision.pdf"
    with final.file.open("rb") as handle:
        pdf.write_bytes(handle.read())
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "revision")], check=True
    )
    pages = pages_text(pdf)
    whole = flat(" ".join(pages))

    # Mengingat: each law once, in the hierarchy of UU 12/2011.
    mengingat = whole[whole.index("Mengingat") : whole.index("MEMUTUSKAN")]
    expected = [
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
        "Peraturan Pemerintah Nomor 96 Tahun 2012",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun "
        "2014 tentang Pedoman Standar Pelayanan",
        "Peraturan Menteri Kesehatan Nomor 24 Tahun 2022 tentang Rekam Medis",
        "Peraturan Daerah Kota Bontang Nomor 1 Tahun 2024 tentang Retribusi Daerah",
        "Peraturan Wali Kota Bontang Nomor 31 Tahun 2018",
    ]
    positions = [mengingat.find(line) for line in expected]
    assert -1 not in positions, list(zip(expected, positions, strict=True))
    assert positions == sorted(positions)
    for number in ("Nomor 15 Tahun 2014", "Nomor 31 Tahun 2018", "Nomor 17 Tahun 2023"):
        assert mengingat.count(number) == 1, number

    # Lampiran headings as decrees write them, one case style.
    for label in ("LAMPIRAN I ", "LAMPIRAN II ", "LAMPIRAN III "):
        assert label in whole, label
    assert whole.count("NOMOR : 100.3/2/2026") == 3
    assert whole.count(f"TANGGAL : {timezone.localdate():%-d}") >= 3
    # The Maklumat carries its compensation statement.
    assert "Bentuk kompensasi: " + COMPENSATION in whole
    # The signature block: typed name, rank and NIP, on the page of the last diktum.
    signature_page = next(p for p in pages if "NIP 197001011990031001" in p)
    assert agency_a.head_name in signature_page and agency_a.head_rank in signature_page
    assert "mulai berlaku pada tanggal disahkan oleh Wali Kota Bontang" in flat(signature_page)
    # No diktum label apart from its text: each ordinal's page carries its first words.
    for ordinal, text in [("KEDUA", "Standar Pelayanan sebagaimana"), ("KETIGA", "Maklumat")]:
        page = next(p for p in pages if re.search(rf"^\s*{ordinal}\s", p, re.M))
        assert text in flat(page), ordinal
    # The amended decree is revoked by name; the letterhead carries the address.
    assert "Nomor 100.3/1/2026 dicabut dan dinyatakan tidak berlaku" in whole
    assert agency_a.address in pages[0]
    assert ".." not in agency_a.head_name and "M.Si.." not in whole

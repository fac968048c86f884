"""The standard preview PDF: its text, its pages, its code and QR, its stored bytes."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from documents.models import DocumentStatus
from documents.render import qr_svg, render_document_pdf
from standards.documents import request_standard_preview
from tests.documents.conftest import page_texts, pdf_text, squash
from tests.standards.factories import RequirementFactory, StepFactory

pytestmark = pytest.mark.django_db


def _render_preview(standard, actor, capture):
    with capture(execute=True):
        document = request_standard_preview(actor=actor, standard=standard)
    document.refresh_from_db()
    return document


def test_preview_pdf_holds_agency_service_and_component_texts(
    standard, drafter_a, django_capture_on_commit_callbacks
):
    document = _render_preview(standard, drafter_a, django_capture_on_commit_callbacks)

    assert document.status == DocumentStatus.READY, document.last_error
    content = document.file.read()
    text = squash(pdf_text(content))
    for expected in (
        "PEMERINTAH KOTA BONTANG",
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "Jl. Moh. Roem No. 1, Bontang",
        f"STANDAR PELAYANAN {standard.service.name.upper()}",
        "NO. KOMPONEN URAIAN",
        "Proses Penyampaian Pelayanan",
        "Proses Pengelolaan Pelayanan",
        "Sistem, Mekanisme Prosedur",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Jaminan Keamanan dan Keselamatan Pelayanan",
        "Evaluasi Kinerja Pelaksana",
        "Fotokopi dokumen",  # requirements
        "Memeriksa berkas permohonan",  # steps
        "30 menit",  # total time of the two 15-minute steps
        "Gratis (tidak dipungut biaya)",
        "Kartu Tanda Penduduk",  # product
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Siti Aminah",  # complaint officer
        "Ruang tunggu, loket, komputer, printer, toilet.",
        "2 orang",  # staff count
        "RANCANGAN",
    ):
        assert squash(expected) in text, expected


def test_stored_file_matches_hash_size_and_page_count(
    standard, drafter_a, django_capture_on_commit_callbacks
):
    document = _render_preview(standard, drafter_a, django_capture_on_commit_callbacks)

    content = document.file.read()
    assert content.startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.size == len(content)
    assert document.page_count == len(PdfReader(io.BytesIO(content)).pages)
    assert document.file.name.startswith("private/documents/")
    assert document.code not in document.file.name


def test_every_page_carries_code_link_and_page_numbers(
    standard, drafter_a, django_capture_on_commit_callbacks
):
    for position in range(3, 45):
        RequirementFactory(
            standard=standard, position=position, description=f"Berkas nomor {position}"
        )
    document = _render_preview(standard, drafter_a, django_capture_on_commit_callbacks)

    pages = page_texts(document.file.read())
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        flat = squash(text)
        assert squash(f"Halaman {number} dari {len(pages)}") in flat
        assert document.display_code in flat
        assert f"/verifikasi/{document.code}/" in flat


def test_paid_service_shows_the_amounts(standard, drafter_a, django_capture_on_commit_callbacks):
    StepFactory(standard=standard, position=3, applicant_fee=Decimal(50000), actor="Kasir")
    standard.fee_legal_basis = "Peraturan Daerah Kota Bontang Nomor 1 Tahun 2024"
    standard.save()
    document = _render_preview(standard, drafter_a, django_capture_on_commit_callbacks)

    text = squash(pdf_text(document.file.read()))
    assert "Rp50.000" in text
    assert "Gratis(tidakdipungutbiaya)" not in text
    assert squash("Dasar hukum tarif: Peraturan Daerah Kota Bontang Nomor 1 Tahun 2024") in text


def test_qr_code_is_an_svg_of_the_verification_url():
    svg = str(qr_svg("http://127.0.0.1:8000/verifikasi/ABCDE23456/"))
    assert svg.startswith("<svg")
    assert "script" not in svg and "href" not in svg


def test_render_reads_the_standard_again_from_the_database(standard, drafter_a):
    # The task builds its context from the subject in the database, never from the request.
    from documents.services import document_request

    document = document_request(
        kind="standard_preview", subject=standard, agency=standard.service.agency, title="x"
    )
    standard.service.name = "Layanan Yang Diganti Namanya"
    standard.service.save()
    pdf = render_document_pdf(document)
    assert squash("LAYANAN YANG DIGANTI NAMANYA") in squash(pdf_text(pdf.content))

"""An agency head downloads the template, fills it with the agency's standards (one of
them with its earlier decree), sees the preview refuse a planted error, fixes it,
imports, and finds the standard in force on the portal."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from standards.spreadsheet.example import example_content
from standards.spreadsheet.template import SHEETS
from standards.spreadsheet.writer import cell_value

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-uji-123"


def fill(template: bytes, contents: list[dict], spoil=None) -> bytes:
    """What a person does in Excel: type the rows below each sheet's header."""
    book = load_workbook(io.BytesIO(template))
    for spec in SHEETS:
        sheet = book[spec.name]
        for content in contents:
            for row in content.get(spec.name, ()):
                sheet.append([cell_value(column, row.get(column.name)) for column in spec.columns])
    if spoil:
        spoil(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_head_imports_the_agencys_standards_from_the_template(
    page, live_server, login, screenshot, agency_a, head_a, tmp_path
):
    login(head_a.username, PASSWORD)
    page.goto(f"{live_server.url}/kelola/pd/{agency_a.slug}/layanan/")
    page.get_by_role("link", name="Impor dari buku kerja").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Impor standar pelayanan")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh templat (.xlsx)").click()
    template = Path(download.value.path()).read_bytes()
    assert load_workbook(io.BytesIO(template))["Petunjuk"]["B2"].value == agency_a.slug

    contents = [
        example_content(
            "penerbitan-kartu-keluarga",
            "Penerbitan Kartu Keluarga",
            decree_number="400.12/215/DISDUKCAPIL/2021",
            decree_date=datetime.date(2021, 6, 14),
            decree_signer="Kepala Dinas Kependudukan dan Pencatatan Sipil",
        ),
        example_content("surat-keterangan-pindah", "Surat Keterangan Pindah"),
    ]

    def planted_error(book):
        book["Prosedur"]["F3"] = "hari"  # not one of menit / jam / hari kerja

    spoiled = tmp_path / "standar-disdukcapil.xlsx"
    spoiled.write_bytes(fill(template, contents, planted_error))
    page.get_by_label("Buku kerja (.xlsx) atau daftar layanan (.csv)").set_input_files(spoiled)
    page.get_by_role("button", name="Periksa buku kerja").click()

    expect(page.get_by_role("heading", name="1 masalah: tidak ada yang diimpor")).to_be_visible()
    problem = page.locator(".problem-table tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("Prosedur")
    expect(problem).to_contain_text("Satuan waktu")
    expect(problem).to_contain_text("F3")
    expect(problem).to_contain_text("“hari” tidak dikenal")
    expect(page.get_by_role("button", name="Impor sekarang")).to_have_count(0)
    screenshot("import-preview-error")

    fixed = tmp_path / "standar-disdukcapil-diperbaiki.xlsx"
    fixed.write_bytes(fill(template, contents))
    page.goto(f"{live_server.url}/kelola/pd/{agency_a.slug}/layanan/impor/")
    page.get_by_label("Buku kerja (.xlsx) atau daftar layanan (.csv)").set_input_files(fixed)
    page.get_by_role("button", name="Periksa buku kerja").click()
    expect(
        page.get_by_text("dibuat, dicatat berlaku dari keputusan yang sudah ada")
    ).to_be_visible()
    expect(page.get_by_text("dibuat sebagai rancangan")).to_be_visible()
    screenshot("import-preview-ready")
    page.get_by_role("button", name="Impor sekarang").click()
    expect(page.locator(".message, .messages").first).to_contain_text("Impor selesai")
    expect(page.get_by_role("link", name="Penerbitan Kartu Keluarga")).to_be_visible()

    page.goto(f"{live_server.url}/pd/{agency_a.slug}/")
    page.get_by_role("link", name="Penerbitan Kartu Keluarga").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penerbitan Kartu Keluarga")
    expect(page.get_by_text("Dicatat dari keputusan yang sudah ada")).to_be_visible()
    expect(page.get_by_text("400.12/215/DISDUKCAPIL/2021")).to_be_visible()
    screenshot("import-portal-recorded")
    # The draft stays internal.
    page.goto(f"{live_server.url}/pd/{agency_a.slug}/")
    expect(page.get_by_role("link", name="Surat Keterangan Pindah")).to_have_count(0)

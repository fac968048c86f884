"""Import and export of standards as a workbook (standards/spreadsheet)."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from standards import decrees
from standards.models import (
    Decree,
    DecreeStatus,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardStatus,
    StatusChange,
)
from standards.spreadsheet.example import example_content
from standards.spreadsheet.importer import import_workbook, plan_import
from standards.spreadsheet.reader import WorkbookRefused, read_upload
from standards.spreadsheet.sippn import SIPPN_COLUMNS, sippn_workbook
from standards.spreadsheet.writer import agency_contents, export_workbook, template_workbook
from tests.standards.factories import make_complete_standard

pytestmark = pytest.mark.django_db

EARLIER = datetime.date(2019, 3, 14)


def values(data: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def workbook(agency, *contents) -> bytes:
    return export_workbook(agency, list(contents))


def edited(data: bytes, edit) -> bytes:
    book = load_workbook(io.BytesIO(data))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def two_standards(agency) -> bytes:
    """In the export's order (by service name)."""
    return workbook(
        agency,
        example_content(
            "kartu-keluarga",
            "Penerbitan Kartu Keluarga",
            decree_number="400/12/2019",
            decree_date=EARLIER,
            decree_signer="Kepala Dinas",
        ),
        example_content(),
    )


def run(actor, agency, data: bytes, name="standar.xlsx"):
    return import_workbook(actor=actor, agency=agency, parsed=read_upload(data, name))


# --- round trip and idempotence ------------------------------------------------------


def test_export_import_export_gives_the_same_sheet_values(agency_a, head_a):
    original = two_standards(agency_a)
    plan, result = run(head_a, agency_a, original)
    assert plan.errors == [] and result.created_standards == 2
    exported = export_workbook(agency_a, agency_contents(agency_a))
    assert values(exported) == values(original)
    plan, result = run(head_a, agency_a, exported)
    assert not plan.changes_anything
    assert values(export_workbook(agency_a, agency_contents(agency_a))) == values(exported)


def test_a_standard_edited_in_the_editor_round_trips_through_its_own_export(agency_a, drafter_a):
    standard = make_complete_standard(agency=agency_a)
    exported = export_workbook(agency_a, agency_contents(agency_a, standard=standard))
    plan = plan_import(agency_a, read_upload(exported, "x.xlsx"))
    assert plan.errors == [] and not plan.changes_anything


def test_importing_the_same_workbook_twice_changes_nothing(agency_a, head_a):
    data = two_standards(agency_a)
    run(head_a, agency_a, data)
    counts = (
        Service.objects.count(),
        ServiceStandard.objects.count(),
        ServiceStandard.history.count(),
        ProcedureStep.history.count(),
        Decree.objects.count(),
        StatusChange.objects.count(),
    )
    plan, result = run(head_a, agency_a, data)
    assert plan.counts == {"service_unchanged": 2, "standard_unchanged": 2}
    assert result.created_standards == result.replaced_standards == 0
    assert (
        Service.objects.count(),
        ServiceStandard.objects.count(),
        ServiceStandard.history.count(),
        ProcedureStep.history.count(),
        Decree.objects.count(),
        StatusChange.objects.count(),
    ) == counts


def test_a_changed_draft_is_replaced_and_the_standard_in_force_is_refused(agency_a, head_a):
    run(head_a, agency_a, two_standards(agency_a))

    def change(book):
        book["Prosedur"]["E2"] = 30  # a step's time, in both services' first step row
        book["Prosedur"]["E4"] = 30

    plan, result = run(head_a, agency_a, edited(two_standards(agency_a), change))
    assert result is None
    assert [(p.sheet, p.column) for p in plan.errors] == [("Standar", "Kunci layanan")]
    assert "Pasal 12 ayat (5)" in plan.errors[0].message

    only_draft = edited(
        workbook(agency_a, example_content()), lambda b: b["Prosedur"].__setitem__("E2", 30)
    )
    plan, result = run(head_a, agency_a, only_draft)
    assert plan.errors == [] and result.replaced_standards == 1
    step = ProcedureStep.objects.get(
        standard__service__slug="surat-keterangan-domisili", position=1
    )
    assert step.duration_value == 30


# --- the record act ---------------------------------------------------------------------


def test_the_head_records_an_earlier_decree_in_force_from_its_date(agency_a, head_a, client):
    plan, result = run(head_a, agency_a, two_standards(agency_a))
    decree = result.decrees[0]
    assert decree.recorded and decree.status == DecreeStatus.IN_FORCE
    assert (decree.number, decree.decree_date, decree.signer_name) == (
        "400/12/2019",
        EARLIER,
        "Kepala Dinas",
    )
    change = decree.status_changes.get()
    assert (change.action, change.from_status, change.to_status, change.actor) == (
        "record",
        "draft",
        "in_force",
        head_a,
    )
    standard = ServiceStandard.objects.get(service__slug="kartu-keluarga")
    assert standard.status == StandardStatus.IN_FORCE and standard.in_force_since == EARLIER
    assert standard.history.exists() and decree.history.exists()
    draft = ServiceStandard.objects.get(service__slug="surat-keterangan-domisili")
    assert draft.status == StandardStatus.DRAFT and not draft.decrees.exists()
    # On the portal, it says where it came from.
    response = client.get(f"/pd/{agency_a.slug}/layanan/kartu-keluarga/")
    assert response.status_code == 200
    assert "Dicatat dari keputusan yang sudah ada" in response.content.decode()
    # The dashboard counts it apart: in force, recorded from an earlier decree.
    from django.utils import timezone

    from monitoring.dashboard import dashboard_rows

    row = next(r for r in dashboard_rows(timezone.localdate()) if r.agency == agency_a)
    assert (row.in_force, row.recorded, row.consulted) == (1, 1, 0)
    # And it is revised like any other standard in force.
    new_version, amending = decrees.revision_start(
        actor=head_a, standard=standard, reason="policy", explanation="Tarif baru."
    )
    assert new_version.version == 2 and amending.amends == decree and not amending.recorded


def test_a_drafter_imports_and_the_head_records_later(agency_a, drafter_a, head_a):
    plan, result = run(drafter_a, agency_a, two_standards(agency_a))
    decree = result.decrees[0]
    assert decree.status == DecreeStatus.DRAFT and result.recorded == 0
    from standards.decrees.workflow import available_actions

    assert [t.action for t in available_actions(decree, drafter_a)] == ["withdraw"]
    assert "record" in [t.action for t in available_actions(decree, head_a)]
    assert "submit" not in [t.action for t in available_actions(decree, head_a)]
    decrees.decree_record(actor=head_a, decree=decree)
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.IN_FORCE
    with pytest.raises(PermissionDenied):
        decrees.decree_record(actor=drafter_a, decree=decree)


def test_a_decree_carrying_an_incomplete_standard_is_an_error_a_draft_only_a_note(agency_a, head_a):
    incomplete = example_content(decree_number="1/2019", decree_date=EARLIER)
    incomplete["Standar"][0]["staff_count"] = None
    plan = plan_import(agency_a, read_upload(workbook(agency_a, incomplete), "x.xlsx"))
    assert [(p.sheet, p.row, p.column) for p in plan.errors] == [("Standar", 2, "Jumlah pelaksana")]
    assert "Pasal 8 huruf b angka 5" in plan.errors[0].message
    draft = example_content()
    draft["Standar"][0]["staff_count"] = None
    plan = plan_import(agency_a, read_upload(workbook(agency_a, draft), "x.xlsx"))
    assert plan.errors == [] and len(plan.warnings) == 1


# --- problems, each with its sheet, row and column ------------------------------------


def test_preview_lists_every_problem_with_sheet_row_and_column(agency_a, drafter_a):
    def spoil(book):
        book["Layanan"]["C2"] = "barang jasa"  # not a kind
        book["Standar"]["D2"] = "telepon kantor"  # not a phone number
        book["Prosedur"]["E2"] = -5  # negative time
        book["Prosedur"]["F3"] = "hari"  # unknown unit
        book["Prosedur"]["G3"] = "Rp 5.000,50"  # sen
        book["Prosedur"]["E4"] = 61  # with F4 below: more than 60 working days
        book["Prosedur"]["F4"] = "hari kerja"
        book["Dasar Hukum"]["F2"] = 1900  # Tahun, after Pembentuk/daerah
        book["Persyaratan"]["C2"] = "KTP\u202e"  # a bidi override
        book["Persyaratan"]["F3"] = 9  # no step 9

    data = edited(workbook(agency_a, example_content(), example_content("b", "Layanan B")), spoil)
    plan, result = run(drafter_a, agency_a, data)
    assert result is None
    places = {(p.sheet, p.row, p.column) for p in plan.errors}
    assert {
        ("Layanan", 2, "Jenis pelayanan"),
        ("Standar", 2, "Telepon pengaduan"),
        ("Prosedur", 2, "Waktu"),
        ("Prosedur", 3, "Satuan waktu"),
        ("Prosedur", 3, "Biaya pemohon (Rp)"),
        ("Prosedur", 4, "Waktu"),
        ("Dasar Hukum", 2, "Tahun"),
        ("Persyaratan", 2, "Persyaratan"),
        ("Persyaratan", 3, "Tahap prosedur"),
    } <= places
    messages = " ".join(p.message for p in plan.errors)
    assert "60 hari kerja" in messages and "1945" in messages and "arah tulisan" in messages
    assert Service.objects.count() == 0


def test_the_preview_page_shows_the_problems_and_imports_nothing(client, agency_a, drafter_a):
    data = edited(
        workbook(agency_a, example_content()), lambda b: b["Prosedur"].__setitem__("F2", "hari")
    )
    client.force_login(drafter_a)
    url = f"/kelola/pd/{agency_a.slug}/layanan/impor/"
    response = client.post(url, {"workbook": _file(data, "standar.xlsx")})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert preview.status_code == 422
    assert "Prosedur" in page and "Satuan waktu" in page and "F2" in page
    assert "“hari” tidak dikenal" in page
    assert "Impor sekarang" not in page
    assert Service.objects.count() == 0


def test_upload_preview_confirm_imports_exactly_what_was_previewed(client, agency_a, head_a):
    client.force_login(head_a)
    response = client.post(
        f"/kelola/pd/{agency_a.slug}/layanan/impor/",
        {"workbook": _file(two_standards(agency_a), "standar.xlsx")},
    )
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert "dibuat, dicatat berlaku dari keputusan yang sudah ada" in page
    assert Service.objects.count() == 0  # nothing before the confirmation
    from standards.models import SpreadsheetUpload

    upload = SpreadsheetUpload.objects.get()
    assert upload.file.name.startswith("private/imports/")
    refused = client.post(preview_url, {"sha256": "0" * 64})
    assert refused.status_code == 302 and Service.objects.count() == 0
    confirmed = client.post(preview_url, {"sha256": upload.sha256})
    assert confirmed.status_code == 302
    assert ServiceStandard.objects.in_force().count() == 1
    assert ServiceStandard.objects.filter(status=StandardStatus.DRAFT).count() == 1
    again = client.post(preview_url, {"sha256": upload.sha256})  # already imported
    assert again.status_code == 200 and Service.objects.count() == 2


def test_a_file_changed_in_storage_after_the_preview_is_not_imported(client, agency_a, drafter_a):
    client.force_login(drafter_a)
    response = client.post(
        f"/kelola/pd/{agency_a.slug}/layanan/impor/",
        {"workbook": _file(workbook(agency_a, example_content()), "standar.xlsx")},
    )
    from standards.models import SpreadsheetUpload

    upload = SpreadsheetUpload.objects.get()
    with upload.file.open("wb") as handle:
        handle.write(workbook(agency_a, example_content("lain", "Layanan Lain")))
    response = client.post(response["Location"], {"sha256": upload.sha256})
    assert "tidak sama lagi" in response.content.decode()
    assert Service.objects.count() == 0


def _file(data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# --- bad files -------------------------------------------------------------------------


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _macro_workbook(agency) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(template_workbook(agency)))
    members = {name: source.read(name) for name in source.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml"
    )
    members["xl/vbaProject.bin"] = b"\x00" * 64
    return _zip(members)


def _bomb() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"0" * (80 * 1024 * 1024),
        }
    )


BAD_FILES = {
    "a PDF": (lambda agency: b"%PDF-1.7\n...", "bukan buku kerja Excel"),
    "an old .xls": (lambda agency: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
    "a macro workbook": (_macro_workbook, "makro (.xlsm)"),
    "a zip bomb": (lambda agency: _bomb(), "bom zip"),
    "a zip that is no workbook": (lambda agency: _zip({"a.txt": b"hello"}), "bukan buku kerja"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_file_that_is_no_plain_workbook_is_refused_with_its_reason(agency_a, case):
    make, message = BAD_FILES[case]
    with pytest.raises(WorkbookRefused) as refused:
        read_upload(make(agency_a), "standar.xlsx")
    assert message in refused.value.message


def test_the_upload_page_refuses_a_bad_file_and_stores_nothing(client, agency_a, drafter_a):
    client.force_login(drafter_a)
    response = client.post(
        f"/kelola/pd/{agency_a.slug}/layanan/impor/",
        {"workbook": _file(_macro_workbook(agency_a), "standar.xlsm")},
    )
    assert response.status_code == 422
    assert "makro" in response.content.decode()
    from standards.models import SpreadsheetUpload

    assert not SpreadsheetUpload.objects.exists() and Service.objects.count() == 0


def _with_formula(book):
    book["Prosedur"]["G2"] = "=1000*5"


def _with_merge(book):
    book["Persyaratan"].merge_cells("C2:C3")


def _with_text_date(book):
    book["Standar"]["K2"] = "14/03/2019"


def _with_too_many_rows(book):
    sheet = book["Layanan"]
    for n in range(10_001):
        sheet.append([f"layanan-{n}", f"Layanan {n}", "jasa"])


BAD_CELLS = {
    "formulas": (_with_formula, "rumus"),
    "merged cells": (_with_merge, "digabung"),
    "a date typed as text": (_with_text_date, "Tanggal diketik sebagai teks"),
}


@pytest.mark.parametrize("case", BAD_CELLS, ids=list(BAD_CELLS))
def test_a_bad_cell_is_a_problem_and_nothing_is_written(agency_a, head_a, case):
    spoil, message = BAD_CELLS[case]
    content = example_content(decree_number="1/2019", decree_date=EARLIER)
    data = edited(workbook(agency_a, content), spoil)
    plan, result = run(head_a, agency_a, data)
    assert result is None
    assert any(message in p.message and p.row for p in plan.errors), plan.errors
    assert Service.objects.count() == 0 and Decree.objects.count() == 0


def test_more_than_ten_thousand_rows_are_refused(agency_a):
    data = edited(template_workbook(agency_a), _with_too_many_rows)
    with pytest.raises(WorkbookRefused) as refused:
        read_upload(data, "besar.xlsx")
    assert "10.000" in refused.value.message


def test_a_workbook_of_another_agency_is_refused(agency_a, agency_b, drafter_b):
    plan, result = run(drafter_b, agency_b, workbook(agency_a, example_content()))
    assert result is None and plan.errors[0].sheet == "Petunjuk"


def test_the_inventory_alone_is_accepted_as_csv(agency_a, drafter_a):
    csv = (
        b"Kunci layanan;Nama layanan;Jenis pelayanan;Unit kerja;Uraian singkat\n"
        b"ktp-el;Penerbitan KTP Elektronik;administratif;;KTP-el baru dan penggantinya\n"
        b"kia;Penerbitan Kartu Identitas Anak;administratif;;\n"
    )
    plan, result = run(drafter_a, agency_a, csv, "layanan.csv")
    assert plan.errors == [] and result.created_services == 2
    assert not ServiceStandard.objects.exists()
    plan, result = run(drafter_a, agency_a, csv, "layanan.csv")
    assert not plan.changes_anything


# --- permissions -----------------------------------------------------------------------


def test_an_agency_imports_only_into_itself_and_its_upt(agency_a, upt_of_a, drafter_a, drafter_b):
    with pytest.raises(PermissionDenied):
        run(drafter_b, agency_a, workbook(agency_a, example_content()))
    plan, result = run(drafter_a, upt_of_a, workbook(upt_of_a, example_content()))
    assert result.created_standards == 1
    assert Service.objects.get().agency == upt_of_a


def test_the_import_pages_are_404_for_another_agency(client, agency_a, drafter_b):
    client.force_login(drafter_b)
    for url in (
        f"/kelola/pd/{agency_a.slug}/layanan/impor/",
        f"/kelola/pd/{agency_a.slug}/layanan/templat.xlsx",
        f"/kelola/pd/{agency_a.slug}/layanan/ekspor.xlsx",
        f"/kelola/pd/{agency_a.slug}/layanan/sippn.xlsx",
    ):
        assert client.get(url).status_code == 404, url


def test_the_coordinator_imports_for_a_kelurahan_and_the_mayor_records_paten(
    village, district, coordinator, mayor_office, drafter_a
):
    plan, result = run(coordinator, village, workbook(village, example_content()))
    assert result.created_standards == 1
    content = example_content(
        "informasi", "Informasi Publik", decree_number="5/2020", decree_date=EARLIER
    )
    plan, result = run(coordinator, district, workbook(district, content))
    decree = result.decrees[0]
    assert decree.by_mayor and decree.status == DecreeStatus.DRAFT
    decrees.decree_record(actor=mayor_office, decree=decree)
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.IN_FORCE
    with pytest.raises(PermissionDenied):
        run(drafter_a, village, workbook(village, example_content()))


# --- size ------------------------------------------------------------------------------


def _many(agency, count: int, decree: bool = False, prefix: str = "layanan") -> bytes:
    return workbook(
        agency,
        *(
            example_content(
                f"{prefix}-{n}",
                f"{prefix.title()} {n}",
                decree_number="7/2019" if decree else "",
                decree_date=EARLIER if decree else None,
            )
            for n in range(count)
        ),
    )


def test_five_hundred_standards_import_in_one_transaction_with_bounded_queries(agency_a, drafter_a):
    def queries(count: int, prefix: str) -> int:
        parsed = read_upload(_many(agency_a, count, prefix=prefix), "x.xlsx")
        with CaptureQueriesContext(connection) as captured:
            plan, result = import_workbook(actor=drafter_a, agency=agency_a, parsed=parsed)
        assert result.created_standards == count
        assert sum(1 for q in captured if q["sql"].startswith("SAVEPOINT")) <= 12
        return len(captured)

    small = queries(5, "kecil")
    large = queries(500, "besar")
    # Written per standard: service, standard, 14 components, 2 requirements, 2 steps,
    # 1 basis, 1 channel, each with its history row.
    written = 500 * 22 * 2
    # Bulk writes: no query per row; only the database's batch size (999 parameters on
    # SQLite) adds one insert per batch of rows.
    assert large - small <= written // 40, (small, large)
    assert ServiceStandard.objects.filter(service__agency=agency_a).count() == 505
    assert Requirement.objects.count() == 505 * 2


def test_a_recorded_decree_of_many_standards_costs_a_constant_per_standard(agency_a, head_a):
    parsed = read_upload(_many(agency_a, 40, decree=True), "x.xlsx")
    with CaptureQueriesContext(connection) as captured:
        plan, result = import_workbook(actor=head_a, agency=agency_a, parsed=parsed)
    assert result.recorded == 1 and len(result.decrees) == 1
    assert ServiceStandard.objects.in_force().count() == 40
    assert len(captured) <= 80 + 40 * 15, len(captured)


# --- SIPPN -----------------------------------------------------------------------------


def test_the_sippn_sheet_carries_each_field_of_the_standard(agency_a, head_a):
    run(head_a, agency_a, two_standards(agency_a))
    rows = values(sippn_workbook(agency_a))["SIPPN"]
    assert rows[0] == ("No", *[name for name, _w in SIPPN_COLUMNS])
    kk = dict(
        zip(rows[0], next(r for r in rows[1:] if r[1] == "Penerbitan Kartu Keluarga"), strict=True)
    )
    assert kk["Persyaratan Pelayanan"] == "1. Fotokopi KTP-el\n2. Surat pengantar RT"
    assert kk["Sistem, Mekanisme dan Prosedur"].startswith("1. Petugas loket: Menerima")
    assert kk["Jangka Waktu Pelayanan"] == "2 jam 45 menit"
    assert kk["Biaya/Tarif"].startswith("Gratis")
    assert "Kotak saran: Di ruang tunggu" in kk["Penanganan Pengaduan, Saran dan Masukan"]
    assert "Undang-Undang Nomor 25 Tahun 2009" in kk["Dasar Hukum"]
    assert agency_a.name in kk["Lokasi Pelayanan"]

"""Write the workbook: the empty template of an agency, or its standards exported.

Cells hold values only (no formulas), one header row per sheet, the Petunjuk sheet first
with the meaning and an example of every column. A workbook written here imports
unchanged (`reader`), and exporting it again gives the same cell values.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from agencies.models import Agency

from ..models import Decree, DecreeStatus, Service, ServiceStandard, StandardStatus
from ..selectors import ROW_PREFETCHES
from .content import ServiceContent, service_content, standard_content
from .template import CHOICES, INSTRUCTIONS_SHEET, SHEETS, Column, choice_label

__all__ = ["agency_contents", "cell_value", "export_workbook", "template_workbook"]

# The Petunjuk sheet's first rows: the agency the workbook belongs to.
AGENCY_KEY_CELL = "B2"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def cell_value(column: Column, value):
    """The value written in the cell for a row's (model) value."""
    if value is None or value == "":
        return None
    if column.kind == "choice":
        return (
            choice_label(column.choices, value)
            if column.choices != "component"
            else int(next(k for k, v in CHOICES["component"].items() if v == value))
        )
    if column.kind == "yesno":
        return "ya" if value else "tidak"
    if column.kind == "decimal":
        value = Decimal(value).normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    if column.kind == "money":
        return int(value)
    if column.kind == "date":
        return datetime.datetime.combine(value, datetime.time())
    return value


def _instructions(book: Workbook, agency: Agency) -> None:
    sheet = book.active
    sheet.title = INSTRUCTIONS_SHEET
    sheet.append(["Templat Standar Pelayanan, Bontang SP"])
    sheet.append(["Kunci Perangkat Daerah", agency.slug, agency.name])
    sheet.append(
        [
            "Cara mengisi",
            "Isi setiap lembar mulai baris kedua; baris pertama adalah judul kolom dan jangan "
            "diubah. Satu layanan dikenali dari kunci layanannya di setiap lembar. Tulis nilai, "
            "bukan rumus; jangan menggabungkan sel; tulis tanggal sebagai tanggal Excel. "
            "Standar yang sudah ditetapkan diisi nomor, tanggal dan penandatangan keputusannya "
            "di lembar Standar; standar tanpa keputusan diimpor sebagai rancangan.",
        ]
    )
    sheet.append([])
    sheet.append(["Lembar", "Kolom", "Arti", "Contoh isian"])
    for cell in sheet[5]:
        cell.font = BOLD
    for spec in SHEETS:
        for column in spec.columns:
            sheet.append([spec.name, column.header, column.meaning, column.example])
    sheet["A1"].font = Font(bold=True, size=14)
    for letter, width in zip("ABCD", (22, 30, 80, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = WRAP


EXAMPLE_SHEET = "Contoh"


def _example(book: Workbook) -> None:
    """One complete standard as it is typed, sheet by sheet (not read by the import)."""
    from .example import example_content

    sheet = book.create_sheet(EXAMPLE_SHEET)
    sheet.append(
        [
            "Contoh isian satu standar lengkap. Lembar ini tidak diimpor: salin barisnya ke "
            "lembar yang bernama sama."
        ]
    )
    sheet["A1"].font = BOLD
    example = example_content()
    for spec in SHEETS:
        sheet.append([])
        sheet.append([f"Lembar {spec.name}: {spec.title}"])
        sheet.cell(sheet.max_row, 1).font = BOLD
        sheet.append(spec.headers)
        for row in example.get(spec.name, ()):
            sheet.append([cell_value(column, row.get(column.name)) for column in spec.columns])
    for index in range(1, 12):
        sheet.column_dimensions[get_column_letter(index)].width = 22


def _data_sheets(book: Workbook, contents: list[ServiceContent]) -> None:
    for spec in SHEETS:
        sheet = book.create_sheet(spec.name)
        sheet.append(spec.headers)
        for cell in sheet[1]:
            cell.font = BOLD
        for index, column in enumerate(spec.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
        for content in contents:
            for row in content.get(spec.name, ()):
                sheet.append([cell_value(column, row.get(column.name)) for column in spec.columns])
                for column in spec.columns:
                    if column.kind == "date":
                        cell = sheet.cell(sheet.max_row, spec.columns.index(column) + 1)
                        cell.number_format = "yyyy-mm-dd"


def _save(book: Workbook) -> bytes:
    # Fixed document dates: the same standards give the same file.
    book.properties.created = book.properties.modified = datetime.datetime(2018, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_workbook(agency: Agency) -> bytes:
    """The agency's empty template: the Petunjuk sheet and the header row of every sheet."""
    book = Workbook()
    _instructions(book, agency)
    _example(book)
    _data_sheets(book, [])
    return _save(book)


def export_workbook(agency: Agency, contents: list[ServiceContent]) -> bytes:
    book = Workbook()
    _instructions(book, agency)
    _example(book)
    _data_sheets(book, contents)
    return _save(book)


def _exported_version(service: Service) -> ServiceStandard | None:
    """The version in force, else the one in progress (from the prefetched standards)."""
    versions = list(service.standards.all())
    return next((v for v in versions if v.status == StandardStatus.IN_FORCE), None) or next(
        (v for v in versions if v.status == StandardStatus.DRAFT), None
    )


def _recording_decrees(standards: list[ServiceStandard]) -> dict[int, Decree]:
    """standard pk -> the decree whose facts the row carries: the one in force, or a
    recorded draft decree waiting for its act."""
    decrees: dict[int, Decree] = {}
    relevant = Decree.objects.filter(lampiran__standard__in=standards).filter(
        status=DecreeStatus.IN_FORCE
    ) | Decree.objects.filter(
        lampiran__standard__in=standards, recorded=True, status=DecreeStatus.DRAFT
    )
    for decree in relevant.prefetch_related("lampiran").distinct():
        for item in decree.lampiran.all():
            decrees[item.standard_id] = decree
    return decrees


def agency_contents(agency: Agency, *, standard: ServiceStandard | None = None) -> list:
    """Every service of the agency (or one standard) as rows, with a fixed number of queries."""
    versions = ServiceStandard.objects.filter(
        status__in=(StandardStatus.IN_FORCE, StandardStatus.DRAFT)
    ).prefetch_related(*ROW_PREFETCHES)
    services = (
        Service.objects.filter(agency=agency)
        .select_related("work_unit")
        .prefetch_related(Prefetch("standards", queryset=versions))
        .order_by("name")
    )
    if standard is not None:
        services = services.filter(pk=standard.service_id)
    chosen = []
    for service in services:
        version = _exported_version(service) if standard is None else None
        if standard is not None:
            version = next((v for v in service.standards.all() if v.pk == standard.pk), None)
            if version is None:  # superseded or revoked: read it with its rows
                version = ServiceStandard.objects.prefetch_related(*ROW_PREFETCHES).get(
                    pk=standard.pk
                )
        if version is not None:
            version.service = service
        chosen.append((service, version))
    decrees = _recording_decrees([v for _s, v in chosen if v is not None])
    return [
        standard_content(version, decrees.get(version.pk))
        if version is not None
        else service_content(service)
        for service, version in chosen
    ]

"""A sheet in the shape of SIPPN's service form (KemenPANRB's Sistem Informasi Pelayanan
Publik Nasional): one row per service, one column per field SIPPN asks for, each cell
written out as text, so an agency pastes or uploads it instead of typing the standard a
second time. The mapping is documented in docs/sippn-mapping.md.
"""

from __future__ import annotations

import datetime
import io

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from agencies.models import Agency

from ..models import ComponentKind, Service, ServiceStandard, StandardStatus
from ..selectors import ROW_PREFETCHES
from ..totals import standard_totals

__all__ = ["SIPPN_COLUMNS", "sippn_row", "sippn_workbook"]

SIPPN_COLUMNS = (
    ("Nama Pelayanan", 36),
    ("Deskripsi Pelayanan", 40),
    ("Jenis Pelayanan", 18),
    ("Persyaratan Pelayanan", 50),
    ("Sistem, Mekanisme dan Prosedur", 60),
    ("Jangka Waktu Pelayanan", 24),
    ("Biaya/Tarif", 30),
    ("Produk Pelayanan", 36),
    ("Penanganan Pengaduan, Saran dan Masukan", 50),
    ("Dasar Hukum", 50),
    ("Lokasi Pelayanan", 40),
    ("Penyelenggara", 36),
    ("Waktu Pelayanan", 30),
)


def _numbered(lines: list[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, start=1))


def sippn_row(standard: ServiceStandard) -> list[str]:
    """One service's SIPPN fields (the standard with its rows prefetched)."""
    service, agency = standard.service, standard.service.agency
    texts = {c.kind: c.text.strip() for c in standard.components.all()}
    totals = standard_totals(standard)
    steps = []
    for step in standard.steps.all():
        line = f"{step.actor}: {step.action}"
        if step.output:
            line += f" (keluaran: {step.output})"
        steps.append(line)
    fee = totals.fee_display
    if not totals.is_free and standard.fee_legal_basis:
        fee += f"; dasar hukum: {standard.fee_legal_basis}"
    contacts = [
        value
        for value in (
            standard.complaint_officer and f"Petugas: {standard.complaint_officer}",
            standard.complaint_phone and f"Telepon/WhatsApp: {standard.complaint_phone}",
            standard.complaint_email and f"Surel: {standard.complaint_email}",
            standard.complaint_address and f"Alamat: {standard.complaint_address}",
        )
        if value
    ]
    channels = [
        f"{c.get_kind_display()}{': ' + c.detail if c.detail else ''}"
        for c in standard.complaint_channels.all()
    ]
    complaints = "\n".join(filter(None, [texts.get(ComponentKind.COMPLAINTS, ""), *contacts]))
    if channels:
        complaints += ("\n" if complaints else "") + "Saluran:\n" + _numbered(channels)
    location = ", ".join(
        filter(None, [service.work_unit.name if service.work_unit_id else "", agency.name])
    )
    if agency.address:
        location += f", {agency.address}"
    requirements = [
        r.description + (f" ({r.notes})" if r.notes else "") for r in standard.requirements.all()
    ]
    return [
        service.name,
        service.description,
        service.get_kind_display(),
        _numbered(requirements),
        _numbered(steps),
        totals.duration_display,
        fee,
        texts.get(ComponentKind.PRODUCT, ""),
        complaints,
        _numbered([str(basis) for basis in standard.legal_bases.all()]),
        location,
        agency.name,
        texts.get(ComponentKind.SERVICE_TIME, ""),
    ]


def _standards(agency: Agency, standard: ServiceStandard | None) -> list[ServiceStandard]:
    if standard is not None:
        return list(
            ServiceStandard.objects.select_related("service__agency", "service__work_unit")
            .prefetch_related(*ROW_PREFETCHES)
            .filter(pk=standard.pk)
        )
    versions = ServiceStandard.objects.filter(
        status__in=(StandardStatus.IN_FORCE, StandardStatus.DRAFT)
    ).prefetch_related(*ROW_PREFETCHES)
    chosen = []
    for service in (
        Service.objects.filter(agency=agency, active=True)
        .select_related("agency", "work_unit")
        .prefetch_related(Prefetch("standards", queryset=versions))
        .order_by("name")
    ):
        found = sorted(service.standards.all(), key=lambda v: v.status != StandardStatus.IN_FORCE)
        if found:
            found[0].service = service
            chosen.append(found[0])
    return chosen


def sippn_workbook(agency: Agency, standard: ServiceStandard | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "SIPPN"
    sheet.append(["No", *[name for name, _width in SIPPN_COLUMNS]])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 5
    for index, (_name, width) in enumerate(SIPPN_COLUMNS, start=2):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for number, item in enumerate(_standards(agency, standard), start=1):
        sheet.append([number, *sippn_row(item)])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.created = book.properties.modified = datetime.datetime(2018, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

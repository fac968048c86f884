"""The open data of the portal as plain dicts: agencies, services, standards in force with
their delivery components (Pasal 9 ayat (1)) and Maklumat (Pasal 14 ayat (3)).

Only `ServiceStandard.objects.in_force()` reaches this module's standards; the agency's
internal cost and the management components (Pasal 9 ayat (3)) are never exported.
The CSV export neutralises spreadsheet formulas (a cell starting with = + - @ tab or CR
gets a leading apostrophe), so opening the file cannot run anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

from agencies.models import Agency
from bontang_sp.rupiah import rupiah
from standards.models import DELIVERY_COMPONENTS, ComponentKind, ServiceKind, ServiceStandard
from standards.totals import standard_totals

from .public import (
    AGENCY_CONTACT_FIELDS,
    PublishedRow,
    agencies_with_counts,
    complaint_contacts,
    published_rows,
    requirement_groups,
)

__all__ = [
    "CSV_COLUMNS",
    "agency_data",
    "public_url",
    "csv_safe",
    "json_number",
    "maklumat_data",
    "published_standard_data",
    "published_standards",
    "standard_data",
    "standards_csv",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def json_number(value: Decimal | None) -> int | float:
    """A decimal as a JSON number: an integer when whole (30, never "3E+1"), else a float
    (2.5); the stored values have at most two decimals, exact in a float's print."""
    value = value or Decimal(0)
    return int(value) if value == value.to_integral_value() else float(value)


def public_url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def agency_data(agency: Agency) -> dict:
    return {
        "slug": agency.slug,
        "name": agency.name,
        "short_name": agency.short_name,
        "kind": agency.kind,
        "in_force_count": getattr(agency, "in_force_count", None),
        "url": public_url("portal:public-agency", agency.slug),
        "api_url": public_url("portal:api-agency", agency.slug),
    }


def agency_contacts(agency: Agency) -> dict:
    return {name: getattr(agency, name) for name in AGENCY_CONTACT_FIELDS}


def agencies() -> list[dict]:
    return [agency_data(a) for a in agencies_with_counts()]


def published_standard_data(row: PublishedRow) -> dict:
    """The API's Standard of a publication; the agency's name and the page's address are
    today's (an agency is renamed by no decree; the slugs are the keys pages are found
    by), as on the service page."""
    return {
        **row.api,
        "agency": row.agency_slug,
        "agency_name": row.agency_name,
        "service": row.slug,
        "url": public_url("portal:public-service", row.agency_slug, row.slug),
    }


def published_standards() -> list[dict]:
    """Every standard in force of an active agency as published, for the downloads."""
    standards = ServiceStandard.objects.in_force().filter(service__agency__active=True)
    return [published_standard_data(row) for row in published_rows(standards)]


def standard_data(standard: ServiceStandard) -> dict:
    """One standard in force: the six delivery components, nothing internal."""
    service = standard.service
    agency = service.agency
    totals = standard_totals(standard)
    texts = {c.kind: c.text for c in standard.components.all() if c.kind in DELIVERY_COMPONENTS}
    return {
        "agency": agency.slug,
        "agency_name": agency.name,
        "service": service.slug,
        "service_name": service.name,
        "service_kind": service.kind,
        "version": standard.version,
        "in_force_since": standard.in_force_since.isoformat() if standard.in_force_since else None,
        "url": public_url("portal:public-service", agency.slug, service.slug),
        "requirements": {
            "text": texts.get(ComponentKind.REQUIREMENTS, ""),
            "groups": [
                {
                    "timing": group.timing,
                    "label": group.label,
                    "items": [
                        {"description": r.description, "kind": r.kind, "notes": r.notes}
                        for r in group.requirements
                    ],
                }
                for group in requirement_groups(standard)
            ],
        },
        "procedure": {
            "text": texts.get(ComponentKind.PROCEDURE, ""),
            "steps": [
                {
                    "number": n,
                    "actor": step.actor,
                    "action": step.action,
                    "duration_value": json_number(step.duration_value),
                    "duration_unit": step.duration_unit,
                    "applicant_fee": int(step.applicant_fee),
                    "output": step.output,
                }
                for n, step in enumerate(standard.steps.all(), start=1)
            ],
        },
        "service_time": {
            "text": texts.get(ComponentKind.SERVICE_TIME, ""),
            "minutes": totals.minutes_total,
            "display": totals.duration_display,
        },
        "fee": {
            "text": texts.get(ComponentKind.FEE, ""),
            "amount": int(totals.applicant_fee),
            "free": totals.is_free,
            "display": totals.fee_display,
            "legal_basis": standard.fee_legal_basis,
        },
        "product": {"text": texts.get(ComponentKind.PRODUCT, "")},
        "complaints": {
            "text": texts.get(ComponentKind.COMPLAINTS, ""),
            **complaint_contacts(standard),
        },
    }


def maklumat_data(agency: Agency, maklumat) -> dict | None:
    if maklumat is None:
        return None
    return {
        "agency": agency.slug,
        "version": maklumat.version,
        "set_on": maklumat.set_on.isoformat() if maklumat.set_on else None,
        "statement_promise": maklumat.statement_promise,
        "statement_obligation": maklumat.statement_obligation,
        "statement_sanction": maklumat.statement_sanction,
        "compensation": maklumat.compensation,
        "head_name": maklumat.head_name,
        "url": public_url("maklumat:public-detail", agency.slug),
    }


# --- CSV --------------------------------------------------------------------------------

CSV_COLUMNS = (
    "perangkat_daerah",
    "layanan",
    "jenis_pelayanan",
    "versi",
    "berlaku_sejak",
    "persyaratan",
    "prosedur",
    "jangka_waktu",
    "biaya",
    "produk",
    "pengaduan",
    "url",
)


def csv_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: formulas are neutralised with a leading '."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _csv_row(data: dict) -> list[str]:
    requirements = "; ".join(
        item["description"] for group in data["requirements"]["groups"] for item in group["items"]
    )
    steps = " | ".join(
        f"{s['number']}. {s['actor']}: {s['action']}" for s in data["procedure"]["steps"]
    )
    complaints = "; ".join(
        part
        for part in (
            data["complaints"]["officer"],
            data["complaints"]["phone"],
            data["complaints"]["email"],
            data["complaints"]["address"],
        )
        if part
    )
    return [
        data["agency_name"],
        data["service_name"],
        str(ServiceKind(data["service_kind"]).label),
        str(data["version"]),
        data["in_force_since"] or "",
        requirements,
        steps,
        data["service_time"]["display"],
        data["fee"]["display"] if data["fee"]["free"] else rupiah(data["fee"]["amount"]),
        data["product"]["text"],
        complaints,
        data["url"],
    ]


def standards_csv(standards: Iterable[dict]) -> str:
    """The CSV download of published standards (`published_standards`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for data in standards:
        writer.writerow([csv_safe(cell) for cell in _csv_row(data)])
    return buffer.getvalue()

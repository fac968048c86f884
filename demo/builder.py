"""Write complete standards straight into the database from content in the demo's shape.

The one fixture builder of the project (docs/decisions/0019): the benchmarks
(bench/data/*.yaml) and the tests' `make_complete_standard` (tests/data/) write their
standards here, from the shape of one item of demo/data/standards/*.yaml once
`demo.loader` has merged and resolved it:

    key, name, kind, work_unit, description      the service (when none is given)
    texts: {component: text}                     the 14 components (missing ones empty)
    contact: {complaint_officer, complaint_phone, complaint_email, complaint_address}
    escalation, staff_count, fee_legal_basis, publish_management
    steps: [{actor, action, time, unit, fee, cost, output}]
    requirements: [{description, kind, timing, step (its step's number), notes}]
    channels: [{kind, detail}]
    legal_bases: [{kind, issuer, number, year, title}]

It checks nothing: data that must be checked (the demo's standards, a person's workbook)
goes through the importer (standards.spreadsheet.importer), which writes the same rows.
Writes are bulk inserts with their history rows, as the importer's: about a dozen queries
whatever the number of standards and rows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml
from simple_history.utils import bulk_create_with_history

from agencies.models import Agency
from standards import models

__all__ = ["CONTACT_FIELDS", "build_standard", "build_standards", "read_data"]

CONTACT_FIELDS = ("complaint_officer", "complaint_phone", "complaint_email", "complaint_address")


def read_data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _any(items: list[dict], name: str) -> bool:
    return any(item.get(name) for item in items)


def _service(agency: Agency, item: dict, units: dict) -> models.Service:
    return models.Service(
        agency=agency,
        slug=item["key"],
        name=item["name"],
        kind=item["kind"],
        work_unit=units.get(item.get("work_unit", "")),
        description=item.get("description", ""),
    )


def _standard_fields(item: dict) -> dict:
    contact = item.get("contact", {})
    return {
        **{name: contact.get(name, "") for name in CONTACT_FIELDS},
        "complaint_escalation": item.get("escalation", ""),
        "staff_count": item.get("staff_count"),
        "fee_legal_basis": item.get("fee_legal_basis", ""),
        "publish_management": bool(item.get("publish_management", False)),
    }


def _step(row: dict) -> dict:
    return {
        "actor": row["actor"],
        "action": row["action"],
        "duration_value": Decimal(str(row["time"])),
        "duration_unit": row["unit"],
        "applicant_fee": Decimal(str(row.get("fee", 0))),
        "agency_cost": Decimal(str(row.get("cost", 0))),
        "output": row.get("output", ""),
    }


def _requirement(row: dict) -> dict:
    return {
        "description": row["description"],
        "kind": row.get("kind", "administrative"),
        "timing": row.get("timing", "start"),
        "notes": row.get("notes", ""),
    }


def _channel(row: dict) -> dict:
    return {"kind": row["kind"], "detail": row.get("detail", "")}


def _basis(row: dict) -> dict:
    # as the importer (and the editor's form) fills it: a Perwali is Bontang's
    issuer = row.get("issuer") or ("Bontang" if row["kind"] == "perwali" else "")
    return {
        "kind": row["kind"],
        "issuer": issuer,
        "number": str(row["number"]),
        "year": row["year"],
        "title": row["title"],
    }


def build_standard(item: dict, *, agency: Agency | None = None, service=None, **fields):
    """One standard of `item`, for `service` or a new service of `agency` made from it."""
    return build_standards(agency, [item], services=[service] if service else None, **fields)[0]


def build_standards(
    agency: Agency | None, items: list[dict], *, services=None, user=None, batch_size=None, **fields
) -> list[models.ServiceStandard]:
    """Version 1 of a standard per item, for `services` (one per item, none with a standard
    yet) or for new services of `agency` made from the items; `fields` are set on every
    standard (a status, `in_force_since`, an override of the item's complaint fields)."""

    def create(objs: list, model) -> list:
        return bulk_create_with_history(objs, model, batch_size=batch_size, default_user=user)

    if services is None:
        units = {u.name: u for u in agency.work_units.all()} if _any(items, "work_unit") else {}
        services = create([_service(agency, item, units) for item in items], models.Service)
    standards = create(
        [
            models.ServiceStandard(
                service=service,
                created_by=user,
                updated_by=user,
                **{**_standard_fields(item), **fields},
            )
            for service, item in zip(services, items, strict=True)
        ],
        models.ServiceStandard,
    )
    pairs = list(zip(standards, items, strict=True))

    def rows(table: str) -> list[tuple[models.ServiceStandard, int, dict]]:
        """(standard, position, row) of every item's `table`."""
        return [
            (standard, number, row)
            for standard, item in pairs
            for number, row in enumerate(item.get(table, ()), start=1)
        ]

    create(
        [
            models.StandardComponent(
                standard=s, kind=kind, text=item["texts"].get(kind, ""), updated_by=user
            )
            for s, item in pairs
            for kind in models.ComponentKind
        ],
        models.StandardComponent,
    )
    made = [
        models.ProcedureStep(standard=s, position=n, updated_by=user, **_step(r))
        for s, n, r in rows("steps")
    ]
    step_of = {
        (step.standard_id, step.position): step for step in create(made, models.ProcedureStep)
    }
    create(
        [
            models.Requirement(
                standard=s,
                position=n,
                updated_by=user,
                step=step_of.get((s.pk, r.get("step", 1))),
                **_requirement(r),
            )
            for s, n, r in rows("requirements")
        ],
        models.Requirement,
    )
    create(
        [
            models.ComplaintChannel(standard=s, position=n, updated_by=user, **_channel(r))
            for s, n, r in rows("channels")
        ],
        models.ComplaintChannel,
    )
    create(
        [
            models.LegalBasis(standard=s, position=n, updated_by=user, **_basis(r))
            for s, n, r in rows("legal_bases")
        ],
        models.LegalBasis,
    )
    return standards

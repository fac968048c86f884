"""A service's standard as the workbook's rows: one dict per row, in model values.

`writer` turns these rows into cells and `reader` turns cells back into them, so the
database and a workbook are compared row for row (an unchanged re-import writes nothing).
"""

from __future__ import annotations

from decimal import Decimal

from ..models import ComponentKind, Decree, Service, ServiceStandard
from .template import CHANNELS, LEGAL_BASES, REQUIREMENTS, SERVICES, STANDARDS, STEPS, TEXTS

__all__ = ["ServiceContent", "service_content", "standard_content"]

# Sheet name -> rows of one service, in order.
ServiceContent = dict[str, list[dict]]


def _service_row(service: Service) -> dict:
    return {
        "key": service.slug,
        "name": service.name,
        "kind": service.kind,
        "work_unit": service.work_unit.name if service.work_unit_id else "",
        "description": service.description,
    }


def _decimal(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def standard_content(standard: ServiceStandard, decree: Decree | None) -> ServiceContent:
    """The rows of every sheet for one standard (with its rows prefetched) and, when it is
    in force or carried by a recorded decree, that decree's facts."""
    key = standard.service.slug
    steps = list(standard.steps.all())
    step_numbers = {step.pk: number for number, step in enumerate(steps, start=1)}
    texts = {component.kind: component.text for component in standard.components.all()}
    return {
        SERVICES.name: [_service_row(standard.service)],
        STANDARDS.name: [
            {
                "key": key,
                "fee_legal_basis": standard.fee_legal_basis,
                "complaint_officer": standard.complaint_officer,
                "complaint_phone": standard.complaint_phone,
                "complaint_email": standard.complaint_email,
                "complaint_address": standard.complaint_address,
                "complaint_escalation": standard.complaint_escalation,
                "staff_count": standard.staff_count,
                "publish_management": standard.publish_management,
                "decree_number": decree.number if decree else "",
                "decree_date": decree.decree_date if decree else None,
                "decree_signer": decree.signer_name if decree else "",
            }
        ],
        TEXTS.name: [
            {"key": key, "component": kind.value, "label": str(kind.label), "text": texts[kind]}
            for kind in ComponentKind
            if texts.get(kind, "").strip()
        ],
        REQUIREMENTS.name: [
            {
                "key": key,
                "order": number,
                "description": requirement.description,
                "kind": requirement.kind,
                "timing": requirement.timing,
                "step": step_numbers.get(requirement.step_id),
                "notes": requirement.notes,
            }
            for number, requirement in enumerate(standard.requirements.all(), start=1)
        ],
        STEPS.name: [
            {
                "key": key,
                "order": number,
                "actor": step.actor,
                "action": step.action,
                "duration_value": _decimal(step.duration_value),
                "duration_unit": step.duration_unit,
                "applicant_fee": int(step.applicant_fee),
                "agency_cost": int(step.agency_cost),
                "output": step.output,
            }
            for number, step in enumerate(steps, start=1)
        ],
        LEGAL_BASES.name: [
            {
                "key": key,
                "order": number,
                "kind": basis.kind,
                "issuer": basis.issuer,
                "number": basis.number,
                "year": basis.year,
                "title": basis.title,
            }
            for number, basis in enumerate(standard.legal_bases.all(), start=1)
        ],
        CHANNELS.name: [
            {"key": key, "order": number, "kind": channel.kind, "detail": channel.detail}
            for number, channel in enumerate(standard.complaint_channels.all(), start=1)
        ],
    }


def service_content(service: Service) -> ServiceContent:
    """A service without a standard: only its inventory row."""
    return {SERVICES.name: [_service_row(service)]}


def comparable(content: ServiceContent) -> dict:
    """The content without what is only for reading (component labels)."""
    result = {}
    for sheet, rows in content.items():
        result[sheet] = [{k: v for k, v in row.items() if k != "label"} for row in rows]
    return result

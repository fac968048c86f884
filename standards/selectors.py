"""Reads of standards with their rows, free of N+1 (STYLE.md: selectors)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import (
    ComplaintChannel,
    ComponentKind,
    LegalBasis,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardComponent,
)

__all__ = [
    "ROW_PREFETCHES",
    "components_in_order",
    "free_services",
    "standard_as_of",
    "standard_with_rows",
    "standards_with_rows",
]

ROW_PREFETCHES = (
    "components",
    # A requirement shows the step it belongs to: fetched with it.
    Prefetch("requirements", queryset=Requirement.objects.select_related("step")),
    "steps",
    "complaint_channels",
    "legal_bases",
)


def standards_with_rows() -> QuerySet[ServiceStandard]:
    """Standards with their service, agency and every row prefetched (a fixed query count)."""
    return ServiceStandard.objects.select_related(
        "service__agency", "service__work_unit", "previous", "created_by", "updated_by"
    ).prefetch_related(*ROW_PREFETCHES)


def standard_with_rows(pk: int) -> ServiceStandard:
    """One standard ready for the editor, the checks, the totals and the diff; 404 if absent.

    Permission is the caller's business (`standards.permissions`); this only reads.
    """
    return get_object_or_404(standards_with_rows(), pk=pk)


def standard_as_of(standard: ServiceStandard, when) -> ServiceStandard:
    """`standard` (from `standard_with_rows`) and its rows as they were at `when`, read from
    their history and shaped like `standard_with_rows` (rows prefetched), for the diff
    since a return (Pasal 12 ayat (4)). A row with no history at all (written by a bulk
    operation) is taken as it is now; a fixed number of queries, whatever the rows."""
    try:
        old = ServiceStandard.history.as_of(when).get(pk=standard.pk)
    except ServiceStandard.DoesNotExist:
        old = ServiceStandard.objects.get(pk=standard.pk)
    old.service = standard.service

    def rows(model, relation, order=("position", "id")):
        then = list(model.history.as_of(when).filter(standard_id=standard.pk))
        tracked = set(model.history.filter(standard_id=standard.pk).values_list("id", flat=True))
        then += [row for row in getattr(standard, relation).all() if row.pk not in tracked]
        return sorted(then, key=lambda row: tuple(getattr(row, name) for name in order))

    requirements = rows(Requirement, "requirements")
    steps = rows(ProcedureStep, "steps")
    by_pk = {step.pk: step for step in steps}
    for requirement in requirements:  # the step as it was then, not as it is now
        requirement._state.fields_cache["step"] = by_pk.get(requirement.step_id)
    old._prefetched_objects_cache = {
        "components": rows(StandardComponent, "components", order=("id",)),
        "requirements": requirements,
        "steps": steps,
        "complaint_channels": rows(ComplaintChannel, "complaint_channels"),
        "legal_bases": rows(LegalBasis, "legal_bases"),
    }
    return old


def components_in_order(standard: ServiceStandard) -> list[StandardComponent]:
    """The 14 components in the Lampiran's order (from the prefetched `components`)."""
    order = {kind.value: index for index, kind in enumerate(ComponentKind)}
    return sorted(standard.components.all(), key=lambda c: order.get(c.kind, len(order)))


def free_services(agency) -> list[tuple[Service, ServiceStandard]]:
    """Lampiran angka 1 huruf B angka 6 huruf c: the agency's services given free of charge.

    For each active service, its in-force version if any, else its newest version; a
    service is listed when that version's steps charge the applicant nothing.
    """
    from .totals import standard_totals

    standards = (
        ServiceStandard.objects.filter(service__agency=agency, service__active=True)
        .select_related("service")
        .prefetch_related("steps")
        .order_by("service__name", "-version")
    )
    chosen: dict[int, ServiceStandard] = {}
    for standard in standards:
        current = chosen.get(standard.service_id)
        if current is None or (standard.status == "in_force" and current.status != "in_force"):
            chosen[standard.service_id] = standard
    return [
        (standard.service, standard)
        for standard in chosen.values()
        if standard.steps.all() and standard_totals(standard).is_free
    ]

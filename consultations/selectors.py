"""Reads about consultations, free of N+1: each list is a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency
from bontang_sp.dates import long_moment
from standards.models import (
    ComplaintChannel,
    ComponentKind,
    LegalBasis,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    StandardComponent,
    StandardStatus,
)

from .models import (
    REQUIRED_SCANS,
    Consultation,
    ConsultationInput,
    ConsultationScan,
    InputOutcome,
    Participant,
    ParticipantCategory,
)


def _count(queryset) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.order_by().values("consultation").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def consultations_for_agency(agency: Agency) -> QuerySet[Consultation]:
    """The agency's consultations with their counts and the standards discussed (3 queries)."""
    participants = Participant.objects.filter(consultation=OuterRef("pk"))
    inputs = ConsultationInput.objects.filter(consultation=OuterRef("pk"))
    annotations = {
        "participant_count": _count(participants),
        "attended_count": _count(participants.filter(attended=True)),
        "input_count": _count(inputs),
        "pending_count": _count(inputs.filter(outcome=InputOutcome.PENDING)),
    }
    for kind in REQUIRED_SCANS:
        annotations[f"has_{kind}_scan"] = Exists(
            ConsultationScan.objects.filter(consultation=OuterRef("pk"), kind=kind)
        )
    return (
        Consultation.objects.filter(agency=agency)
        .select_related("agency")
        .annotate(**annotations)
        .prefetch_related(
            Prefetch("standards", queryset=ServiceStandard.objects.select_related("service"))
        )
    )


def draft_standards_for(agency: Agency) -> QuerySet[ServiceStandard]:
    """The drafts a consultation of this agency may discuss."""
    return (
        ServiceStandard.objects.filter(service__agency=agency, status=StandardStatus.DRAFT)
        .select_related("service")
        .order_by("service__name", "-version")
    )


def standards_of(consultation: Consultation) -> list[ServiceStandard]:
    return list(consultation.standards.select_related("service").order_by("service__name"))


def participants_of(consultation: Consultation) -> QuerySet[Participant]:
    return consultation.participants.annotate(input_count=Count("inputs")).order_by("name", "pk")


@dataclass
class CategoryGroup:
    category: str
    label: str
    participants: list

    @property
    def attended_count(self) -> int:
        return sum(1 for p in self.participants if p.attended)


def participants_by_category(participants) -> list[CategoryGroup]:
    """Participants grouped in the order of Pasal 11 ayat (2), for the berita acara."""
    groups = []
    for category in ParticipantCategory:
        members = [p for p in participants if p.category == category]
        if members:
            groups.append(CategoryGroup(category.value, str(category.label), members))
    return groups


def inputs_of(consultation: Consultation) -> QuerySet[ConsultationInput]:
    return consultation.inputs.select_related(
        "raised_by", "standard__service", "change_record_type"
    ).order_by("position", "pk")


def consultations_for_standard(standard: ServiceStandard) -> list[Consultation]:
    """The consultations that discussed this version, each with `is_complete` (the guard
    the workflow reads). Two queries."""
    complete = set(standard.consultations.complete().values_list("pk", flat=True))
    consultations = list(standard.consultations.select_related("agency").order_by("starts_at"))
    for consultation in consultations:
        consultation.is_complete = consultation.pk in complete
    return consultations


def inputs_for_standard(standard: ServiceStandard) -> list[ConsultationInput]:
    """Every input about this standard version with its outcome and the change it led to
    (the trace input -> change on the standard's page). Fixed number of queries."""
    entries = list(
        ConsultationInput.objects.filter(standard=standard)
        .select_related("consultation", "raised_by", "change_record_type")
        .order_by("consultation__starts_at", "position", "pk")
    )
    _attach_change_records(entries)
    return entries


def _attach_change_records(entries: list[ConsultationInput]) -> None:
    """Load the linked history records with one query per history model."""
    wanted: dict[int, set[int]] = {}
    for entry in entries:
        if entry.change_record_type_id:
            wanted.setdefault(entry.change_record_type_id, set()).add(entry.change_record_id)
    loaded = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for record in model.objects.filter(pk__in=ids).select_related("history_user"):
            loaded[(type_id, record.pk)] = record
    for entry in entries:
        record = loaded.get((entry.change_record_type_id, entry.change_record_id))
        entry.linked_change = describe_change(record) if record is not None else None


# --- the standard's history, for linking an adopted input to its change --------------

# Models whose history holds the text of a standard's components; the component each
# history row belongs to.
HISTORY_SOURCES = (
    (StandardComponent, None),
    (Requirement, ComponentKind.REQUIREMENTS),
    (ProcedureStep, ComponentKind.PROCEDURE),
    (ComplaintChannel, ComponentKind.COMPLAINTS),
    (LegalBasis, ComponentKind.LEGAL_BASIS),
)
CHANGE_TYPE_LABELS = {
    "+": gettext_lazy("ditambahkan"),
    "~": gettext_lazy("diubah"),
    "-": gettext_lazy("dihapus"),
}


@dataclass(frozen=True)
class ChangeRecord:
    key: str
    component: str
    component_label: str
    summary: str
    action: str
    when: datetime
    who: str

    @property
    def label(self) -> str:
        moment = long_moment(self.when)
        return f"{self.component_label}: {self.summary} — {self.action} {moment} ({self.who})"


def _history_models():
    return [(source.history.model, kind) for source, kind in HISTORY_SOURCES]


def _record_component(record, kind) -> str:
    return kind or getattr(record, "kind", "")


def describe_change(record) -> ChangeRecord:
    source_kind = dict(_history_models()).get(type(record))
    component = _record_component(record, source_kind)
    try:
        component_label = f"{ComponentKind(component).number}. {ComponentKind(component).label}"
    except ValueError:
        component_label = _("Standar")
    if type(record) is StandardComponent.history.model:
        summary = (record.text or "").strip().replace("\n", " ")[:80] or _("(kosong)")
    else:
        summary = str(record.instance)[:80] if hasattr(record, "instance") else str(record)
    user = record.history_user
    who = (user.get_full_name() or user.username) if user else _("sistem")
    content_type = ContentType.objects.get_for_model(type(record))
    return ChangeRecord(
        key=f"{content_type.pk}:{record.pk}",
        component=component,
        component_label=component_label,
        summary=summary,
        action=str(CHANGE_TYPE_LABELS.get(record.history_type, "")),
        when=record.history_date,
        who=str(who),
    )


def change_records_for(
    standard: ServiceStandard, *, since: datetime | None = None, limit: int = 60
) -> list[ChangeRecord]:
    """Recent changes to the standard's components and rows (newest first), to choose the
    one an adopted input led to. One query per history model."""
    records = []
    for model, _kind in _history_models():
        queryset = model.objects.filter(standard_id=standard.pk).select_related("history_user")
        if since is not None:
            queryset = queryset.filter(history_date__gte=since)
        if model is StandardComponent.history.model:
            # Creating the 14 empty components is not a change anyone made.
            queryset = queryset.exclude(history_type="+", text="")
        records.extend(queryset.order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    return [describe_change(r) for r in records[:limit]]


def change_record_from_key(standard: ServiceStandard, key: str):
    """The history record named by `key` ("<content type id>:<history id>") if it belongs
    to `standard`; None otherwise."""
    type_id, _sep, record_id = (key or "").partition(":")
    if not (type_id.isdigit() and record_id.isdigit()):
        return None
    allowed = {ContentType.objects.get_for_model(m).pk: m for m, _kind in _history_models()}
    model = allowed.get(int(type_id))
    if model is None:
        return None
    return model.objects.filter(pk=int(record_id), standard_id=standard.pk).first()


def change_record_belongs_to(record, standard: ServiceStandard) -> bool:
    models = {m for m, _kind in _history_models()}
    return type(record) in models and record.standard_id == standard.pk


def public_trace(standard: ServiceStandard) -> dict:
    """The standard's publication part (portal.publication): every input with its
    outcome, without the speakers' names (Pasal 4 ayat (3): the public sees what became
    of what it said)."""
    entries = []
    for entry in inputs_for_standard(standard):
        raised_by = entry.raised_by
        linked = entry.linked_change
        entries.append(
            {
                "outcome": entry.outcome,
                "outcome_label": entry.get_outcome_display(),
                "component": entry.get_component_display(),
                "text": entry.text,
                "category": raised_by.get_category_display().lower(),
                "organisation": raised_by.organisation,
                "meeting": f"{entry.consultation.get_method_display()} "
                + formats.date_format(timezone.localtime(entry.consultation.starts_at)),
                "change_component": entry.get_change_component_display(),
                "change_description": entry.change_description,
                "linked_change": linked.label if linked is not None else "",
                "reason": entry.reason,
            }
        )
    return {"trace": entries}

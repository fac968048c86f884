"""Writes to services, drafting teams and standards. Each checks permission, runs in a
transaction and locks the rows it changes; concurrent saves of the same component or row
are refused, never merged silently."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency

from .models import (
    ComplaintChannel,
    ComponentKind,
    DraftingTeam,
    LegalBasis,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardComponent,
    StandardStatus,
)
from .permissions import may_draft

ROW_MODELS: dict[str, type[models.Model]] = {
    "requirements": Requirement,
    "steps": ProcedureStep,
    "complaint_channels": ComplaintChannel,
    "legal_bases": LegalBasis,
}


class StaleEdit(Exception):
    """Someone else saved the same component or row after this user loaded it."""

    def __init__(self, who, when):
        self.who = who
        self.when = when
        name = (who.get_full_name() or who.username) if who else _("pengguna lain")
        moment = timezone.localtime(when).strftime("%d-%m-%Y %H:%M") if when else ""
        super().__init__(
            _(
                "Tidak disimpan: %(name)s telah menyimpan bagian ini pada %(moment)s WITA "
                "setelah Anda membukanya. Teks Anda masih di layar; salin, muat ulang, "
                "lalu gabungkan."
            )
            % {"name": name, "moment": moment}
        )


def _require_draft_right(actor, agency: Agency) -> None:
    if not may_draft(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang menyusun untuk Perangkat Daerah ini."))


def _require_editable(actor, standard: ServiceStandard) -> None:
    _require_draft_right(actor, standard.service.agency)
    if not standard.is_editable:
        raise PermissionDenied(_("Standar ini bukan rancangan lagi dan tidak dapat diubah."))


# --- services (jenis layanan) ------------------------------------------------


@transaction.atomic
def service_save(*, actor, service: Service) -> Service:
    """Create or update a service of the agency (Pasal 10 ayat (1))."""
    _require_draft_right(actor, service.agency)
    service.full_clean()
    service.save()
    return service


@transaction.atomic
def service_set_active(*, actor, service: Service, active: bool) -> Service:
    _require_draft_right(actor, service.agency)
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.active = active
    service.save(update_fields=["active", "updated_at"])
    return service


# --- drafting team --------------------------------------------------------------


def drafting_team_for(agency: Agency) -> DraftingTeam:
    team, _created = DraftingTeam.objects.get_or_create(agency=agency)
    return team


# --- standards -----------------------------------------------------------------


@transaction.atomic
def standard_create(*, actor, service: Service) -> ServiceStandard:
    """Start the first draft of a service's standard, with its 14 empty components."""
    _require_draft_right(actor, service.agency)
    Service.objects.select_for_update().get(pk=service.pk)
    last = service.standards.order_by("-version").values_list("version", flat=True).first() or 0
    standard = ServiceStandard.objects.create(service=service, version=last + 1, created_by=actor)
    StandardComponent.objects.bulk_create(
        StandardComponent(standard=standard, kind=kind) for kind in ComponentKind
    )
    return standard


@transaction.atomic
def component_save(
    *, actor, standard: ServiceStandard, kind: str, text: str, revision: int
) -> StandardComponent:
    """Save one component's text if nobody saved it since `revision` was loaded."""
    _require_editable(actor, standard)
    component = (
        StandardComponent.objects.select_for_update()
        .select_related("updated_by")
        .get(standard=standard, kind=kind)
    )
    if component.revision != revision:
        raise StaleEdit(component.updated_by, component.updated_at)
    component.text = text
    component.revision += 1
    component.updated_by = actor
    component.full_clean()
    component.save(update_fields=["text", "revision", "updated_by", "updated_at"])
    return component


@transaction.atomic
def standard_update_fields(
    *, actor, standard: ServiceStandard, revision: int, **values
) -> ServiceStandard:
    """Update the standard's own fields (fee basis, complaint contact, staff count...)."""
    _require_editable(actor, standard)
    locked = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    if locked.revision != revision:
        raise StaleEdit(None, locked.updated_at)
    for field, value in values.items():
        setattr(locked, field, value)
    locked.revision += 1
    locked.full_clean()
    locked.save(update_fields=[*values, "revision", "updated_at"])
    return locked


@transaction.atomic
def row_save(*, actor, standard: ServiceStandard, row: models.Model, revision: int | None = None):
    """Add a row (revision None) or update one if nobody saved it since `revision`."""
    _require_editable(actor, standard)
    ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    row.standard = standard
    if row.pk is None:
        siblings = type(row).objects.filter(standard=standard)
        row.position = (siblings.aggregate(m=models.Max("position"))["m"] or 0) + 1
        row.revision = 0
    else:
        current = type(row).objects.select_for_update().get(pk=row.pk, standard=standard)
        if current.revision != revision:
            raise StaleEdit(None, standard.updated_at)
        row.revision = current.revision + 1
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def row_delete(*, actor, standard: ServiceStandard, row: models.Model) -> None:
    _require_editable(actor, standard)
    ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    type(row).objects.filter(pk=row.pk, standard=standard).delete()
    _renumber(type(row), standard)


@transaction.atomic
def row_move(*, actor, standard: ServiceStandard, row: models.Model, offset: int) -> None:
    """Move a row up (-1) or down (+1) among its siblings."""
    _require_editable(actor, standard)
    ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    rows = list(type(row).objects.filter(standard=standard).order_by("position", "id"))
    index = next(i for i, r in enumerate(rows) if r.pk == row.pk)
    target = index + offset
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    for position, item in enumerate(rows, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _renumber(model: type[models.Model], standard: ServiceStandard) -> None:
    for position, item in enumerate(model.objects.filter(standard=standard), start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def standard_revise(
    *, actor, standard: ServiceStandard, reason: str, explanation: str
) -> ServiceStandard:
    """Pasal 12 ayat (5): copy a standard into a new draft version, with the reason."""
    _require_draft_right(actor, standard.service.agency)
    Service.objects.select_for_update().get(pk=standard.service_id)
    if standard.service.standards.filter(status=StandardStatus.DRAFT).exists():
        raise PermissionDenied(_("Layanan ini sudah memiliki rancangan versi baru."))
    last = standard.service.standards.aggregate(m=models.Max("version"))["m"]
    copy = ServiceStandard.objects.get(pk=standard.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.version = last + 1
    copy.status = StandardStatus.DRAFT
    copy.previous = standard
    copy.change_reason = reason
    copy.change_explanation = explanation
    copy.in_force_since = None
    copy.revision = 0
    copy.created_by = actor
    copy.full_clean()
    copy.save()
    StandardComponent.objects.bulk_create(
        StandardComponent(standard=copy, kind=c.kind, text=c.text, updated_by=c.updated_by)
        for c in standard.components.all()
    )
    step_map = {}
    for step in standard.steps.all():
        old_pk = step.pk
        step.pk = step.id = None
        step.standard = copy
        step.revision = 0
        step.save()
        step_map[old_pk] = step
    for relation in ("requirements", "complaint_channels", "legal_bases"):
        for row in getattr(standard, relation).all():
            row.pk = row.id = None
            row.standard = copy
            row.revision = 0
            if relation == "requirements" and row.step_id:
                row.step = step_map.get(row.step_id)
            row.save()
    return copy

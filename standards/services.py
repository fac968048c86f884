"""Writes to services, drafting teams and standards (the one write path, STYLE.md).

Each function checks permission, runs in a transaction and locks the standard it
changes, re-reading its status under the lock; concurrent saves of the same component,
row or field set are refused with `StaleEdit` (naming who saved and when), never merged
silently. Every write goes through `save()` (or `bulk_create_with_history`) so
simple-history records it, with the acting user.

Who acts
--------
`actor` is the user doing it: views always pass `request.user` (an anonymous user or
`None` is refused like any user without the right). `SYSTEM` is the application itself
acting from a management command (`seed_demo`); it skips the permission check and is
recorded as no user. Nothing reachable from a request may pass it (a test greps the
views for it).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from agencies.models import Agency
from agencies.published import portal_changed
from bontang_sp.dates import long_moment
from documents.uploads import CleanUpload

from .decrees import in_force
from .models import (
    ChangeReason,
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
    TeamMember,
)
from .permissions import may_draft

__all__ = [
    "EDITABLE_STANDARD_FIELDS",
    "ROW_MODELS",
    "SYSTEM",
    "DraftAlreadyOpen",
    "StaleDelete",
    "StaleEdit",
    "StepHasRequirements",
    "SystemActor",
    "component_save",
    "drafting_team_for",
    "row_delete",
    "row_move",
    "row_save",
    "service_save",
    "service_set_active",
    "standard_create",
    "standard_revise",
    "standard_update_fields",
    "team_member_delete",
    "team_member_save",
    "team_save",
    "under_decree_review",
]

ROW_MODELS: dict[str, type[models.Model]] = {
    "requirements": Requirement,
    "steps": ProcedureStep,
    "complaint_channels": ComplaintChannel,
    "legal_bases": LegalBasis,
}

# The standard's own fields a drafter may change (status, version and the like only
# change through the workflow or `standard_revise`).
EDITABLE_STANDARD_FIELDS = frozenset(
    {
        "fee_legal_basis",
        "complaint_officer",
        "complaint_phone",
        "complaint_email",
        "complaint_address",
        "complaint_escalation",
        "staff_count",
        "publish_management",
    }
)


class SystemActor:
    """The application itself (a management command); never a request's user."""

    is_authenticated = False
    is_active = False
    is_superuser = False
    pk = None

    def __repr__(self) -> str:
        return "<SYSTEM>"


SYSTEM = SystemActor()


class StaleEdit(Exception):
    """Someone else saved the same component or row after this user loaded it."""

    def __init__(self, who, when):
        self.who = who
        self.when = when
        name = (who.get_full_name() or who.username) if who else _("pengguna lain")
        moment = long_moment(when)
        super().__init__(self.explain() % {"name": name, "moment": moment})

    def explain(self) -> str:
        return _(
            "Tidak disimpan: %(name)s telah menyimpan bagian ini pada %(moment)s "
            "setelah Anda membukanya. Teks Anda masih di layar; salin, muat ulang, "
            "lalu gabungkan."
        )


class StepHasRequirements(Exception):
    """Deleting this step would unlink requirements handed in at it: ask first."""

    def __init__(self, step, requirements):
        self.step = step
        self.requirements = list(requirements)
        super().__init__(
            _(
                "Tahap ini dikaitkan dengan %(n)s persyaratan; bila dihapus, persyaratan itu "
                "tidak lagi terkait tahap tertentu. Konfirmasikan penghapusannya."
            )
            % {"n": len(self.requirements)}
        )


class StaleDelete(StaleEdit):
    """Someone else saved the row this user meant to delete after they loaded it."""

    def explain(self) -> str:
        return _(
            "Tidak dihapus: %(name)s telah mengubah baris ini pada %(moment)s "
            "setelah Anda membukanya. Periksa isinya yang baru di bawah ini, lalu hapus "
            "lagi bila memang tidak diperlukan."
        )


class DraftAlreadyOpen(PermissionDenied):
    """Pasal 12 ayat (5): a service changes through one draft at a time; `draft` is the
    open one, for a refusal that says where to continue."""

    def __init__(self, draft: ServiceStandard):
        self.draft = draft
        super().__init__(
            _("Layanan ini sudah memiliki rancangan versi baru (versi %(version)s).")
            % {"version": draft.version}
        )


def _user(actor):
    """The user to record as author: None for SYSTEM."""
    return None if actor is SYSTEM else actor


def _require_draft_right(actor, agency: Agency) -> None:
    if actor is SYSTEM:
        return
    if actor is None or not may_draft(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang menyusun untuk Perangkat Daerah ini."))


# Pasal 12 ayat (3)-(4): while its decree is evaluated or being set, the text the
# reviewer read must not change; the decree is returned or withdrawn first.
def under_decree_review(standard: ServiceStandard) -> bool:
    """True while a decree carrying this standard is submitted, evaluated or set."""
    return standard.under_decree_review()


def _lock_editable(actor, standard: ServiceStandard) -> ServiceStandard:
    """Lock the standard and check, from the database, that the actor may still edit it."""
    _require_draft_right(actor, standard.service.agency)
    locked = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    if not locked.is_editable:
        raise PermissionDenied(_("Standar ini bukan rancangan lagi dan tidak dapat diubah."))
    if under_decree_review(locked):
        raise PermissionDenied(
            _(
                "Pasal 12 ayat (4): standar ini sedang dievaluasi atau ditetapkan dan tidak "
                "dapat diubah; minta keputusannya dikembalikan atau ditarik lebih dulu."
            )
        )
    return locked


def _save(instance: models.Model, actor, **kwargs) -> None:
    instance._history_user = _user(actor)
    instance.save(**kwargs)


# --- services (jenis layanan) ------------------------------------------------


@transaction.atomic
def service_save(*, actor, service: Service) -> Service:
    """Create or update a service of the agency (Pasal 10 ayat (1), Lampiran 1.B.1).

    A blank slug is made from the name, unique within the agency.
    """
    _require_draft_right(actor, service.agency)
    if not service.slug:
        service.slug = _unique_slug(service)
    service.full_clean()
    _save(service, actor)
    return service


def _unique_slug(service: Service) -> str:
    base = (slugify(service.name) or "layanan")[:100]
    taken = set(
        Service.objects.filter(agency=service.agency, slug__startswith=base)
        .exclude(pk=service.pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def service_set_active(*, actor, service: Service, active: bool) -> Service:
    """Deactivate (or reactivate) a service; its standards are kept."""
    _require_draft_right(actor, service.agency)
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.active = active
    _save(service, actor, update_fields=["active", "updated_at"])
    in_force.in_force_changed([service.pk])  # the portal shows only active services
    portal_changed()  # its page, its agency's page and the lists: stale once committed
    return service


# --- drafting team (Pasal 10 ayat (2)-(4)) ------------------------------------


def drafting_team_for(agency: Agency) -> DraftingTeam:
    """The agency's drafting team, created empty on first use."""
    team, _created = DraftingTeam.objects.get_or_create(agency=agency)
    return team


@transaction.atomic
def team_save(*, actor, team: DraftingTeam, scan: CleanUpload | None = None) -> DraftingTeam:
    """Save the team's forming decree (number, date) and, when given, its new scan, which
    the upload gate judged (stored under a random private name with its SHA-256)."""
    _require_draft_right(actor, team.agency)
    if scan is not None:
        content = scan.as_file()
        team.decree_scan.save(content.name, content, save=False)
        team.decree_scan_name = scan.original_name
        team.decree_scan_type = scan.content_type
        team.decree_scan_sha256 = scan.sha256
    team.full_clean()
    _save(team, actor)
    return team


@transaction.atomic
def team_member_save(*, actor, member: TeamMember) -> TeamMember:
    """Add or update a member; a second ketua is refused (Pasal 10 ayat (4) huruf a)."""
    team = DraftingTeam.objects.select_for_update().get(pk=member.team_id)
    _require_draft_right(actor, team.agency)
    if member.pk is not None and not TeamMember.objects.filter(pk=member.pk, team=team).exists():
        raise PermissionDenied(_("Anggota ini bukan anggota tim tersebut."))
    member.full_clean()
    _save(member, actor)
    return member


@transaction.atomic
def team_member_delete(*, actor, member: TeamMember) -> None:
    team = DraftingTeam.objects.select_for_update().get(pk=member.team_id)
    _require_draft_right(actor, team.agency)
    member._history_user = _user(actor)
    member.delete()


# --- standards -----------------------------------------------------------------


@transaction.atomic
def standard_create(*, actor, service: Service) -> ServiceStandard:
    """Start the first draft of a service's standard, with its 14 empty components."""
    _require_draft_right(actor, service.agency)
    service = Service.objects.select_for_update().get(pk=service.pk)
    if not service.active:
        raise PermissionDenied(_("Layanan ini tidak aktif; aktifkan dulu sebelum menyusun."))
    if service.standards.filter(status=StandardStatus.DRAFT).exists():
        raise PermissionDenied(_("Layanan ini sudah memiliki rancangan yang sedang disusun."))
    last = service.standards.order_by("-version").values_list("version", flat=True).first() or 0
    standard = ServiceStandard(
        service=service, version=last + 1, created_by=_user(actor), updated_by=_user(actor)
    )
    _save(standard, actor)
    bulk_create_with_history(
        [StandardComponent(standard=standard, kind=kind) for kind in ComponentKind],
        StandardComponent,
        default_user=_user(actor),
    )
    return standard


@transaction.atomic
def component_save(
    *, actor, standard: ServiceStandard, kind: str, text: str, revision: int
) -> StandardComponent:
    """Save one component's text if nobody saved it since `revision` was loaded.

    Raises StaleEdit (naming who saved and when) or ValidationError ({"text": ...}).
    """
    _lock_editable(actor, standard)
    component = (
        StandardComponent.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(standard=standard, kind=ComponentKind(kind))
    )
    if component.revision != revision:
        raise StaleEdit(component.updated_by, component.updated_at)
    component.text = text
    component.full_clean()
    component.revision += 1
    component.updated_by = _user(actor)
    _save(component, actor, update_fields=["text", "revision", "updated_by", "updated_at"])
    return component


@transaction.atomic
def standard_update_fields(
    *, actor, standard: ServiceStandard, revision: int, **values: Any
) -> ServiceStandard:
    """Update the standard's own fields (fee basis, complaint contact, staff count...).

    Only EDITABLE_STANDARD_FIELDS; refused with StaleEdit if `revision` is not current.
    """
    unknown = set(values) - EDITABLE_STANDARD_FIELDS
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    locked = _lock_editable(actor, standard)
    if locked.revision != revision:
        raise StaleEdit(locked.updated_by, locked.updated_at)
    for field, value in values.items():
        setattr(locked, field, value)
    locked.full_clean()
    locked.revision += 1
    locked.updated_by = _user(actor)
    _save(locked, actor, update_fields=[*values, "revision", "updated_by", "updated_at"])
    return locked


def _check_row_model(row: models.Model) -> None:
    if type(row) not in ROW_MODELS.values():
        raise TypeError(f"{type(row).__name__} is not a row of a standard")


@transaction.atomic
def row_save(*, actor, standard: ServiceStandard, row: models.Model, revision: int | None = None):
    """Add a row (pk None) or update one if nobody saved it since `revision`.

    A new row goes last; an existing row keeps its position and key (`row_move` moves
    rows). Raises StaleEdit, ValidationError, or DoesNotExist for another standard's row.
    """
    _check_row_model(row)
    _lock_editable(actor, standard)
    model = type(row)
    row.standard = standard
    if row.pk is None:
        siblings = model.objects.filter(standard=standard)
        row.position = (siblings.aggregate(m=models.Max("position"))["m"] or 0) + 1
        row.revision = 0
    else:
        current = (
            model.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .get(pk=row.pk, standard=standard)
        )
        if current.revision != revision:
            raise StaleEdit(current.updated_by, current.updated_at)
        row.revision = current.revision + 1
        row.position = current.position
        row.key = current.key
        row._state.adding = False  # a form may hand in a fresh instance carrying the pk
    row.updated_by = _user(actor)
    row.full_clean()
    _save(row, actor)
    return row


@transaction.atomic
def row_delete(
    *,
    actor,
    standard: ServiceStandard,
    row: models.Model,
    revision: int | None = None,
    unlink_requirements: bool = False,
) -> None:
    """Remove a row and renumber the rest.

    With `revision` (the row as the user saw it), refused with StaleDelete when somebody
    saved the row since: nobody deletes a text they have not read. A step that
    requirements are linked to is removed only with `unlink_requirements` (the person
    confirmed it); otherwise StepHasRequirements names them.
    """
    _check_row_model(row)
    _lock_editable(actor, standard)
    model = type(row)
    rows = model.objects.select_for_update(of=("self",)).select_related("updated_by")
    for item in rows.filter(pk=row.pk, standard=standard):
        if revision is not None and item.revision != revision:
            raise StaleDelete(item.updated_by, item.updated_at)
        if isinstance(item, ProcedureStep):
            linked = list(item.requirements.order_by("position", "id"))
            if linked and not unlink_requirements:
                raise StepHasRequirements(item, linked)
            # Through save(), so history sees the unlinking (SET_NULL would not).
            for requirement in linked:
                requirement.step = None
                requirement.updated_by = _user(actor)
                _save(requirement, actor, update_fields=["step", "updated_by", "updated_at"])
        item._history_user = _user(actor)
        item.delete()
    _renumber(model, standard, actor)


@transaction.atomic
def row_move(*, actor, standard: ServiceStandard, row: models.Model, offset: int) -> None:
    """Move a row up (-1) or down (+1) among its siblings."""
    _check_row_model(row)
    _lock_editable(actor, standard)
    rows = list(type(row).objects.filter(standard=standard).order_by("position", "id"))
    index = next((i for i, r in enumerate(rows) if r.pk == row.pk), None)
    if index is None:
        raise type(row).DoesNotExist
    target = index + offset
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    _renumber_rows(rows, actor)


def _renumber(model: type[models.Model], standard: ServiceStandard, actor) -> None:
    _renumber_rows(list(model.objects.filter(standard=standard).order_by("position", "id")), actor)


def _renumber_rows(rows: list[models.Model], actor) -> None:
    for position, item in enumerate(rows, start=1):
        if item.position != position:
            item.position = position
            _save(item, actor, update_fields=["position"])


@transaction.atomic
def standard_revise(
    *, actor, standard: ServiceStandard, reason: str, explanation: str
) -> ServiceStandard:
    """Pasal 12 ayat (5)-(6): copy a standard into a new draft version, with the reason.

    Copies the components, every row (keeping their keys, so the diff can follow them)
    and the requirement -> step links. Refused while the service has a draft; the DB
    constraint `standard_one_in_progress` is the backstop.
    """
    _require_draft_right(actor, standard.service.agency)
    errors = {}
    if reason not in ChangeReason.values:
        errors["change_reason"] = _("Pasal 12 ayat (5): pilih alasan perubahan Standar Pelayanan.")
    if not (explanation or "").strip():
        errors["change_explanation"] = _(
            "Pasal 12 ayat (5): jelaskan apa yang berubah dan mengapa."
        )
    if errors:
        raise ValidationError(errors)
    service = Service.objects.select_for_update().get(pk=standard.service_id)
    open_draft = service.standards.filter(status=StandardStatus.DRAFT).first()
    if open_draft is not None:
        raise DraftAlreadyOpen(open_draft)
    last = service.standards.aggregate(m=models.Max("version"))["m"]
    source = ServiceStandard.objects.get(pk=standard.pk)
    copy = ServiceStandard.objects.get(pk=standard.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.version = last + 1
    copy.status = StandardStatus.DRAFT
    copy.previous = source
    copy.change_reason = reason
    copy.change_explanation = explanation
    copy.in_force_since = None
    copy.revision = 0
    copy.created_by = copy.updated_by = _user(actor)
    copy.full_clean()
    _save(copy, actor)
    bulk_create_with_history(
        [
            StandardComponent(standard=copy, kind=c.kind, text=c.text, updated_by=c.updated_by)
            for c in StandardComponent.objects.filter(standard=source)
        ],
        StandardComponent,
        default_user=_user(actor),
    )
    # Fresh rows from the database: never the caller's (maybe prefetched) instances.
    step_map: dict[int, ProcedureStep] = {}
    for step in ProcedureStep.objects.filter(standard=source).order_by("position", "id"):
        old_pk = step.pk
        _copy_row(step, copy, actor)
        step_map[old_pk] = step
    for model in (Requirement, ComplaintChannel, LegalBasis):
        for row in model.objects.filter(standard=source).order_by("position", "id"):
            if model is Requirement and row.step_id:
                row.step = step_map[row.step_id]
            _copy_row(row, copy, actor)
    return copy


def _copy_row(row: models.Model, standard: ServiceStandard, actor) -> None:
    row.pk = row.id = None
    row._state.adding = True
    row.standard = standard
    row.revision = 0
    row.updated_by = _user(actor)
    _save(row, actor)

"""Check a parsed workbook against the agency's services (the plan shown as a preview),
then write it in one transaction.

Every row is checked by the editor's own rules: the row forms of `standards.forms` (plain
text, lengths, Rupiah, durations, years), the models' field validators and `clean()` (a
step's longest time), and the completeness check `standards.checks.check_standard`
(an error for a standard that enters the register in force, a note for a draft). A
workbook with any error writes nothing. A service is known by its key (`Service.slug`):
what is already as the workbook says is left alone, so a second import changes nothing.

Writes are bulk inserts with their history rows (`bulk_create_with_history`), so the
number of queries does not grow with the number of rows; each standard that carries an
earlier decree then goes through the workflow's `record` act (Pasal 12, recorded).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from agencies.models import Agency

from .. import decrees, permissions
from ..checks import check_standard
from ..forms import ChannelForm, ComponentForm, LegalBasisForm, RequirementForm, StepForm
from ..models import (
    ComplaintChannel,
    ComponentKind,
    Decree,
    DecreeStandard,
    DecreeStatus,
    LegalBasis,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardComponent,
    StandardStatus,
)
from ..services import SYSTEM
from .content import comparable
from .reader import ParsedWorkbook, Problem
from .template import (
    CHANNELS,
    INSTRUCTIONS_SHEET,
    LEGAL_BASES,
    REQUIREMENTS,
    SERVICES,
    STANDARDS,
    STEPS,
    TEXTS,
    Sheet,
)
from .writer import agency_contents

__all__ = ["ImportPlan", "ImportResult", "PlannedService", "import_workbook", "plan_import"]

ROW_SHEETS = (TEXTS, REQUIREMENTS, STEPS, LEGAL_BASES, CHANNELS)
STANDARD_FIELDS = (
    "fee_legal_basis",
    "complaint_officer",
    "complaint_phone",
    "complaint_email",
    "complaint_address",
    "complaint_escalation",
    "staff_count",
    "publish_management",
)

# The sheet and column a completeness failure points at.
CHECK_PLACES = {
    ComponentKind.REQUIREMENTS: (REQUIREMENTS, "Persyaratan"),
    ComponentKind.PROCEDURE: (STEPS, "Waktu"),
    ComponentKind.SERVICE_TIME: (STEPS, "Waktu"),
    ComponentKind.FEE: (STANDARDS, "Dasar hukum tarif"),
    ComponentKind.COMPLAINTS: (STANDARDS, "Petugas pengaduan"),
    ComponentKind.LEGAL_BASIS: (LEGAL_BASES, "Nomor"),
    ComponentKind.STAFF_COUNT: (STANDARDS, "Jumlah pelaksana"),
}


@dataclass
class PlannedService:
    key: str
    name: str
    service_action: str  # create / update / unchanged
    standard_action: str  # create / replace / record / unchanged / none
    content: dict
    in_force: bool = False  # will be recorded in force from its decree
    existing: Service | None = None
    draft: ServiceStandard | None = None  # the draft to replace or record

    @property
    def changes_anything(self) -> bool:
        return self.service_action != "unchanged" or self.standard_action not in (
            "unchanged",
            "none",
        )


@dataclass
class ImportPlan:
    agency: Agency
    services: list[PlannedService] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Cells the reader already refused: the forms' "required" for them says nothing new.
    refused_cells: set[tuple] = field(default_factory=set)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    @property
    def counts(self) -> dict[str, int]:
        counts = defaultdict(int)
        for item in self.services:
            counts[f"service_{item.service_action}"] += 1
            counts[f"standard_{item.standard_action}"] += 1
            if item.in_force and item.standard_action in ("create", "replace", "record"):
                counts["recorded"] += 1
        return dict(counts)

    @property
    def changes_anything(self) -> bool:
        return any(item.changes_anything for item in self.services)


@dataclass
class ImportResult:
    created_services: int = 0
    updated_services: int = 0
    created_standards: int = 0
    replaced_standards: int = 0
    decrees: list[Decree] = field(default_factory=list)
    recorded: int = 0  # decrees brought into force by the `record` act here


# --- checking --------------------------------------------------------------------------


def _group(parsed: ParsedWorkbook, plan: ImportPlan, keys: set[str]):
    """sheet -> key -> [(row, values)], reporting rows of unknown services and duplicates."""
    grouped: dict[str, dict[str, list]] = {}
    for spec in (STANDARDS, *ROW_SHEETS):
        by_key: dict[str, list] = defaultdict(list)
        seen = set()
        for number, row in parsed.rows.get(spec.name, ()):
            key = row.get("key") or ""
            if not key:
                continue  # reported as a required cell
            if key not in keys:
                plan.problems.append(
                    Problem(
                        spec.name,
                        number,
                        "Kunci layanan",
                        _("Kunci layanan “%(key)s” tidak ada di lembar Layanan.") % {"key": key},
                    )
                )
                continue
            ident = (key, row.get("order") if spec.ordered else row.get("component"))
            if spec is STANDARDS:
                ident = key
            if ident in seen and (spec is not TEXTS or row.get("component")):
                plan.problems.append(
                    Problem(
                        spec.name,
                        number,
                        "Urutan" if spec.ordered else ("Nomor komponen" if spec is TEXTS else ""),
                        _("Baris ini mengulang baris lain untuk layanan “%(key)s”.") % {"key": key},
                    )
                )
                continue
            seen.add(ident)
            by_key[key].append((number, row))
        grouped[spec.name] = by_key
    return grouped


def _form_problems(plan, spec: Sheet, number: int, form) -> None:
    headers = {column.name: column.header for column in spec.columns}
    for name, errors in form.errors.items():
        column = headers.get(name, "")
        if (spec.name, number, column) in plan.refused_cells:
            continue
        for message in errors:
            plan.problems.append(Problem(spec.name, number, column, str(message)))


def _model_problems(plan, sheet: str, number: int, headers: dict, error) -> None:
    for name, messages in error.message_dict.items():
        column = headers.get(name, "")
        if (sheet, number, column) in plan.refused_cells:
            continue
        for message in messages:
            plan.problems.append(Problem(sheet, number, column, message))


def _validated(form):
    # The database constraints repeat the fields' validators and are checked once by
    # the database on write; checking them here would cost a query per row.
    form.instance.validate_constraints = lambda exclude=None: None
    form.is_valid()
    return form


def _money(value) -> str:
    return "" if value is None else str(value)


def _check_rows(plan: ImportPlan, key: str, rows: dict, probe: ServiceStandard) -> dict:
    """Run the row forms over one service's rows; returns the in-memory rows for the
    completeness check (each with its sheet row number as its id)."""
    memory = {"components": [], "requirements": [], "steps": [], "channels": [], "bases": []}
    texts = {}
    for number, row in rows.get(TEXTS.name, ()):
        form = ComponentForm(data={"text": row.get("text") or "", "revision": 0})
        if not form.is_valid():
            _form_problems(plan, TEXTS, number, form)
        if row.get("component"):
            texts[row["component"]] = row.get("text") or ""
    memory["components"] = [
        StandardComponent(standard=probe, kind=kind.value, text=texts.get(kind.value, ""))
        for kind in ComponentKind
    ]
    steps = sorted(rows.get(STEPS.name, ()), key=lambda item: item[1].get("order") or 0)
    for number, row in steps:
        data = {
            "actor": row.get("actor") or "",
            "action": row.get("action") or "",
            "duration_value": "" if row.get("duration_value") is None else row["duration_value"],
            "duration_unit": row.get("duration_unit") or "",
            "applicant_fee": _money(row.get("applicant_fee")),
            "agency_cost": _money(row.get("agency_cost")),
            "output": row.get("output") or "",
        }
        form = _validated(StepForm(data=data, standard=probe))
        _form_problems(plan, STEPS, number, form)
        step = form.instance
        step.pk = number
        memory["steps"].append(step)
    step_orders = {row.get("order") for _n, row in steps}
    for number, row in sorted(
        rows.get(REQUIREMENTS.name, ()), key=lambda item: item[1].get("order") or 0
    ):
        data = {k: row.get(k) or "" for k in ("description", "kind", "timing", "notes")}
        form = _validated(RequirementForm(data={**data, "step": ""}, standard=probe, steps=()))
        _form_problems(plan, REQUIREMENTS, number, form)
        if row.get("step") is not None and row["step"] not in step_orders:
            plan.problems.append(
                Problem(
                    REQUIREMENTS.name,
                    number,
                    "Tahap prosedur",
                    _("Tahap %(step)s tidak ada di lembar Prosedur untuk layanan ini.")
                    % {"step": row["step"]},
                )
            )
        requirement = form.instance
        requirement.pk = number
        memory["requirements"].append(requirement)
    for number, row in rows.get(LEGAL_BASES.name, ()):
        data = {
            k: "" if row.get(k) is None else row[k]
            for k in ("kind", "issuer", "number", "year", "title")
        }
        form = _validated(LegalBasisForm(data=data, standard=probe))
        _form_problems(plan, LEGAL_BASES, number, form)
        memory["bases"].append(form.instance)
    for number, row in rows.get(CHANNELS.name, ()):
        data = {k: row.get(k) or "" for k in ("kind", "detail")}
        form = _validated(ChannelForm(data=data, standard=probe))
        _form_problems(plan, CHANNELS, number, form)
        memory["channels"].append(form.instance)
    return memory


def _check_standard_row(plan, number: int, row: dict, agency: Agency) -> ServiceStandard:
    probe = ServiceStandard(**{name: row.get(name) for name in STANDARD_FIELDS})
    probe.pk = 0  # never saved: lets the row forms and related managers work on it
    probe.staff_count = row.get("staff_count")
    probe.publish_management = bool(row.get("publish_management"))
    for name in STANDARD_FIELDS:
        if getattr(probe, name) is None and name not in ("staff_count",):
            setattr(probe, name, "")
    headers = {column.name: column.header for column in STANDARDS.columns}
    try:
        probe.clean_fields(
            exclude=[f.name for f in ServiceStandard._meta.fields if f.name not in STANDARD_FIELDS]
        )
    except ValidationError as error:
        _model_problems(plan, STANDARDS.name, number, headers, error)
    number_text, date = row.get("decree_number") or "", row.get("decree_date")
    if bool(number_text) != bool(date):
        plan.problems.append(
            Problem(
                STANDARDS.name,
                number,
                "Nomor keputusan" if not number_text else "Tanggal keputusan",
                _("Keputusan yang sudah ada diisi nomor dan tanggalnya sekaligus."),
            )
        )
    elif date and date > timezone.localdate():
        plan.problems.append(
            Problem(
                STANDARDS.name,
                number,
                "Tanggal keputusan",
                _("Tanggal keputusan yang sudah ada tidak boleh di masa depan."),
            )
        )
    return probe


def _completeness(plan, key, probe, memory, standard_row: int, in_force: bool) -> None:
    probe._prefetched_objects_cache = {
        "components": memory["components"],
        "requirements": memory["requirements"],
        "steps": memory["steps"],
        "complaint_channels": memory["channels"],
        "legal_bases": memory["bases"],
    }
    for failure in check_standard(probe):
        spec, column = CHECK_PLACES.get(failure.component, (TEXTS, "Uraian"))
        if failure.code == "complaint_channel":
            spec, column = CHANNELS, "Saluran"
        if failure.code == "fee_unknown":
            spec, column = STEPS, "Biaya pemohon (Rp)"
        row = failure.row_id if failure.row_id and spec in (STEPS, REQUIREMENTS) else None
        if row is None:
            spec, row = (STANDARDS, standard_row) if spec is STANDARDS else (spec, None)
        message = failure.message
        if not in_force:
            message = _("Belum lengkap untuk diajukan (rancangan tetap diimpor): %(m)s") % {
                "m": message
            }
        plan.problems.append(
            Problem(spec.name, row, column, f"{key}: {message}", warning=not in_force)
        )


def _workbook_content(key: str, service_row: dict, grouped: dict) -> dict:
    content = {SERVICES.name: [service_row]}
    for spec in (STANDARDS, *ROW_SHEETS):
        rows = [row for _n, row in grouped[spec.name].get(key, ())]
        if spec.ordered:
            rows = sorted(rows, key=lambda row: row.get("order") or 0)
            rows = [{**row, "order": n} for n, row in enumerate(rows, start=1)]
        if spec is TEXTS:
            order = [kind.value for kind in ComponentKind]
            rows = sorted(
                (row for row in rows if (row.get("text") or "").strip()),
                key=lambda row: order.index(row["component"]) if row.get("component") else 99,
            )
        content[spec.name] = rows
    return content


def plan_import(agency: Agency, parsed: ParsedWorkbook) -> ImportPlan:
    """What importing `parsed` into `agency` would do, with every problem found."""
    plan = ImportPlan(
        agency=agency,
        problems=list(parsed.problems),
        refused_cells={(p.sheet, p.row, p.column) for p in parsed.problems},
    )
    if parsed.agency_key and parsed.agency_key != agency.slug:
        plan.problems.append(
            Problem(
                INSTRUCTIONS_SHEET,
                2,
                "",
                _(
                    "Buku kerja ini untuk Perangkat Daerah “%(other)s”, bukan %(agency)s. "
                    "Unggah di halaman Perangkat Daerah itu."
                )
                % {"other": parsed.agency_key, "agency": agency.name},
            )
        )
    work_units = {unit.name: unit for unit in agency.work_units.all()}
    existing_contents = {c[SERVICES.name][0]["key"]: c for c in agency_contents(agency)}
    existing = {s.slug: s for s in Service.objects.filter(agency=agency)}
    names = {s.name: s.slug for s in existing.values()}
    state = _draft_states(agency)

    service_rows = {}
    seen_names = {}
    for number, row in parsed.rows.get(SERVICES.name, ()):
        key = row.get("key") or ""
        if not key:
            continue
        if key in service_rows:
            plan.problems.append(
                Problem(
                    SERVICES.name,
                    number,
                    "Kunci layanan",
                    _("Kunci layanan ini sudah dipakai baris lain."),
                )
            )
            continue
        probe = Service(
            agency=agency,
            slug=key,
            name=row.get("name") or "",
            kind=row.get("kind") or "",
            description=row.get("description") or "",
        )
        try:
            probe.clean_fields(exclude=["agency", "work_unit"])
        except ValidationError as error:
            headers = {
                "slug": "Kunci layanan",
                "name": "Nama layanan",
                "kind": "Jenis pelayanan",
                "description": "Uraian singkat",
            }
            _model_problems(plan, SERVICES.name, number, headers, error)
        if row.get("work_unit") and row["work_unit"] not in work_units:
            plan.problems.append(
                Problem(
                    SERVICES.name,
                    number,
                    "Unit kerja",
                    _(
                        "Unit kerja “%(name)s” tidak ada di Perangkat Daerah ini; "
                        "pilih dari: %(units)s."
                    )
                    % {"name": row["work_unit"], "units": ", ".join(work_units) or "—"},
                )
            )
        name = row.get("name")
        if name and (names.get(name, key) != key or seen_names.get(name, key) != key):
            plan.problems.append(
                Problem(
                    SERVICES.name,
                    number,
                    "Nama layanan",
                    _("Perangkat Daerah ini sudah memiliki layanan bernama ini."),
                )
            )
        seen_names[name] = key
        service_rows[key] = (number, row)

    grouped = _group(parsed, plan, set(service_rows))
    for key, (_number, row) in service_rows.items():
        content = _workbook_content(key, row, grouped)
        has_standard = any(grouped[spec.name].get(key) for spec in (STANDARDS, *ROW_SHEETS))
        service = existing.get(key)
        item = PlannedService(
            key=key,
            name=row.get("name") or key,
            service_action="create" if service is None else "unchanged",
            standard_action="none",
            content=content,
            existing=service,
        )
        old = existing_contents.get(key, {})
        if service is not None and old.get(SERVICES.name, [None])[0] != row:
            item.service_action = "update"
        plan.services.append(item)
        if not has_standard:
            continue
        standard_rows = grouped[STANDARDS.name].get(key)
        if not standard_rows:
            first = next(
                grouped[spec.name][key][0][0] for spec in ROW_SHEETS if grouped[spec.name].get(key)
            )
            sheet = next(spec.name for spec in ROW_SHEETS if grouped[spec.name].get(key))
            plan.problems.append(
                Problem(
                    sheet,
                    first,
                    "Kunci layanan",
                    _("Layanan “%(key)s” belum punya baris di lembar Standar.") % {"key": key},
                )
            )
            continue
        standard_number, standard_row = standard_rows[0]
        item.in_force = bool(standard_row.get("decree_number"))
        probe = _check_standard_row(plan, standard_number, standard_row, agency)
        memory = _check_rows(plan, key, grouped_for(grouped, key), probe)
        _completeness(plan, key, probe, memory, standard_number, item.in_force)
        _decide_standard(plan, item, old, state.get(key), standard_number)
    return plan


def grouped_for(grouped: dict, key: str) -> dict:
    return {sheet: rows.get(key, []) for sheet, rows in grouped.items()}


@dataclass
class _ServiceState:
    in_force: ServiceStandard | None = None
    draft: ServiceStandard | None = None
    draft_busy: bool = False  # in a decree being drafted, evaluated or set
    draft_recorded: bool = False  # in a recorded decree waiting for its act
    last_version: int = 0


def _draft_states(agency: Agency) -> dict[str, _ServiceState]:
    states: dict[str, _ServiceState] = defaultdict(_ServiceState)
    versions = ServiceStandard.objects.filter(service__agency=agency).select_related("service")
    for version in versions.only("id", "version", "status", "service__slug"):
        state = states[version.service.slug]
        state.last_version = max(state.last_version, version.version)
        if version.status == StandardStatus.IN_FORCE:
            state.in_force = version
        elif version.status == StandardStatus.DRAFT:
            state.draft = version
    active = DecreeStandard.objects.filter(
        standard__service__agency=agency,
        standard__status=StandardStatus.DRAFT,
        decree__status__in=decrees.ACTIVE_STATUSES,
    ).values_list("standard__service__slug", "decree__recorded", "decree__status")
    for slug, recorded, status in active:
        if recorded and status == DecreeStatus.DRAFT:
            states[slug].draft_recorded = True
        else:
            states[slug].draft_busy = True
    return states


def _decide_standard(plan, item: PlannedService, old: dict, state, row: int) -> None:
    state = state or _ServiceState()
    same = bool(old) and comparable(
        {k: v for k, v in old.items() if k != SERVICES.name}
    ) == comparable({k: v for k, v in item.content.items() if k != SERVICES.name})

    def refuse(message):
        plan.problems.append(Problem(STANDARDS.name, row, "Kunci layanan", message))

    if state.in_force is not None and state.draft is None:
        if not same:
            refuse(
                _(
                    "“%(name)s” sudah memiliki standar yang berlaku dengan isi lain. Standar "
                    "yang berlaku diubah melalui perubahan standar (Pasal 12 ayat (5)) di "
                    "editor, bukan dengan impor."
                )
                % {"name": item.name}
            )
        item.standard_action = "unchanged"
        return
    if state.draft is not None:
        item.draft = state.draft
        if same:
            item.standard_action = "unchanged"
            if item.in_force and not state.draft_recorded:
                item.standard_action = "record"
                if state.draft_busy:
                    refuse(_("Rancangan layanan ini sudah dimuat dalam rancangan keputusan lain."))
            return
        if state.draft_busy or state.draft_recorded:
            refuse(
                _(
                    "Rancangan “%(name)s” sudah dimuat dalam rancangan keputusan; tarik "
                    "keputusan itu lebih dulu bila isinya harus diganti."
                )
                % {"name": item.name}
            )
            return
        item.standard_action = "replace"
        return
    item.standard_action = "create"


# --- writing ---------------------------------------------------------------------------


def _user(actor):
    return None if actor is SYSTEM else actor


def _rows_for(standard: ServiceStandard, content: dict, user):
    texts = {row["component"]: row["text"] for row in content[TEXTS.name]}
    components = [
        StandardComponent(
            standard=standard, kind=kind.value, text=texts.get(kind.value, ""), updated_by=user
        )
        for kind in ComponentKind
    ]
    steps = [
        ProcedureStep(
            standard=standard,
            position=row["order"],
            actor=row["actor"],
            action=row["action"],
            duration_value=row["duration_value"],
            duration_unit=row["duration_unit"],
            applicant_fee=row["applicant_fee"] or 0,
            agency_cost=row["agency_cost"] or 0,
            output=row["output"] or "",
            updated_by=user,
        )
        for row in content[STEPS.name]
    ]
    return components, steps


def _apply_fields(standard: ServiceStandard, row: dict, user) -> None:
    for name in STANDARD_FIELDS:
        value = row.get(name)
        if value is None and name != "staff_count":
            value = ""
        setattr(standard, name, value)
    standard.publish_management = bool(row.get("publish_management"))
    standard.updated_by = user


def _write(actor, agency: Agency, plan: ImportPlan, result: ImportResult) -> list:
    user = _user(actor)
    work_units = {unit.name: unit for unit in agency.work_units.all()}
    new_services = []
    for item in plan.services:
        row = item.content[SERVICES.name][0]
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "description": row["description"] or "",
            "work_unit": work_units.get(row["work_unit"]) if row["work_unit"] else None,
        }
        if item.service_action == "create":
            item.existing = Service(agency=agency, slug=item.key, **values)
            new_services.append(item.existing)
        elif item.service_action == "update":
            service = item.existing
            for name, value in values.items():
                setattr(service, name, value)
            service._history_user = user
            service.save()
            result.updated_services += 1
    bulk_create_with_history(new_services, Service, default_user=user)
    result.created_services = len(new_services)

    # Standards: new versions in bulk; drafts to replace are emptied and refilled.
    last_versions = dict(
        ServiceStandard.objects.filter(service__agency=agency)
        .values("service_id")
        .annotate(m=Max("version"))
        .values_list("service_id", "m")
    )
    fresh, refill = [], []
    for item in plan.services:
        if item.standard_action == "create":
            standard = ServiceStandard(
                service=item.existing,
                version=last_versions.get(item.existing.pk, 0) + 1,
                created_by=user,
            )
            _apply_fields(standard, item.content[STANDARDS.name][0], user)
            item.draft = standard
            fresh.append(item)
        elif item.standard_action == "replace":
            standard = ServiceStandard.objects.select_for_update().get(pk=item.draft.pk)
            _apply_fields(standard, item.content[STANDARDS.name][0], user)
            standard.revision += 1
            standard._history_user = user
            standard.save()
            item.draft = standard
            refill.append(item)
    bulk_create_with_history([item.draft for item in fresh], ServiceStandard, default_user=user)
    result.created_standards, result.replaced_standards = len(fresh), len(refill)
    if refill:
        replaced = [item.draft for item in refill]
        for model in (Requirement, ComplaintChannel, LegalBasis, ProcedureStep, StandardComponent):
            for old in model.objects.filter(standard__in=replaced):
                old._history_user = user
                old.delete()

    components, steps, step_index = [], [], {}
    for item in fresh + refill:
        item_components, item_steps = _rows_for(item.draft, item.content, user)
        components += item_components
        steps += item_steps
        for step in item_steps:
            step_index[(item.key, step.position)] = step
    bulk_create_with_history(components, StandardComponent, default_user=user)
    bulk_create_with_history(steps, ProcedureStep, default_user=user)
    requirements, bases, channels = [], [], []
    for item in fresh + refill:
        standard, content = item.draft, item.content
        requirements += [
            Requirement(
                standard=standard,
                position=row["order"],
                description=row["description"],
                kind=row["kind"],
                timing=row["timing"],
                step=step_index.get((item.key, row["step"])),
                notes=row["notes"] or "",
                updated_by=user,
            )
            for row in content[REQUIREMENTS.name]
        ]
        bases += [
            LegalBasis(
                standard=standard,
                position=row["order"],
                kind=row["kind"],
                # as the editor's form cleans it: a Perwali is Bontang's
                issuer=row.get("issuer") or ("Bontang" if row["kind"] == "perwali" else ""),
                number=row["number"],
                year=row["year"],
                title=row["title"],
                updated_by=user,
            )
            for row in content[LEGAL_BASES.name]
        ]
        channels += [
            ComplaintChannel(
                standard=standard,
                position=row["order"],
                kind=row["kind"],
                detail=row["detail"] or "",
                updated_by=user,
            )
            for row in content[CHANNELS.name]
        ]
    bulk_create_with_history(requirements, Requirement, default_user=user)
    bulk_create_with_history(bases, LegalBasis, default_user=user)
    bulk_create_with_history(channels, ComplaintChannel, default_user=user)
    return [
        item
        for item in plan.services
        if item.in_force and item.standard_action in ("create", "replace", "record")
    ]


def _record(actor, agency: Agency, items: list[PlannedService], result: ImportResult) -> None:
    """One recorded decree per earlier decree (number, date, signer), carrying every
    standard it set; the head (or the mayor's office) records it at once."""
    groups: dict[tuple, list[ServiceStandard]] = defaultdict(list)
    for item in items:
        row = item.content[STANDARDS.name][0]
        groups[(row["decree_number"], row["decree_date"], row["decree_signer"] or "")].append(
            item.draft
        )
    for (number, date, signer), standards in groups.items():
        if actor is SYSTEM:  # a decree is recorded by a person, never by the system
            raise PermissionDenied(_("Keputusan dicatat oleh pengguna, bukan oleh sistem."))
        decree = decrees.recorded_decree_create(
            actor=actor,
            agency=agency,
            standards=standards,
            number=number,
            decree_date=date,
            signer_name=signer,
        )
        if permissions.may_record_decree(actor, decree):
            decree = decrees.decree_record(actor=actor, decree=decree)
            result.recorded += 1
        result.decrees.append(decree)


def import_workbook(
    *, actor, agency: Agency, parsed: ParsedWorkbook
) -> tuple[ImportPlan, ImportResult | None]:
    """Check the workbook again under the agency's lock and, if it has no error, write it
    all in one transaction. Returns the plan and, when written, what was written."""
    if actor is not SYSTEM and (actor is None or not permissions.may_draft(actor, agency)):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor untuk Perangkat Daerah ini."))
    with transaction.atomic():
        Agency.objects.select_for_update().get(pk=agency.pk)  # one import at a time
        plan = plan_import(agency, parsed)
        if plan.errors:
            return plan, None
        result = ImportResult()
        to_record = _write(actor, agency, plan, result)
        if to_record:
            _record(actor, agency, to_record, result)
    return plan, result

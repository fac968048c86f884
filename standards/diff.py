"""What changed between two versions of a standard, component by component, row by row.

Pasal 12 ayat (5)-(6): a changed standard is evaluated, set and ratified again; the
reviewer reads what changed. Rows are matched across versions by their `key`, which
`standard_revise` copies: a row with the same key is the same row (maybe changed, maybe
moved), a key only in the old version was removed, only in the new one was added.

The result is plain frozen dataclasses with strings already formatted in Indonesian
(labels from the models' verbose_name, choices by their display, money as "Rp 5.000",
durations as "2 hari kerja"): a template renders them with autoescape and nothing else.
Pass standards from `selectors.standard_with_rows` and the diff costs no query.

`public_diff` limits the comparison to the components published on the portal (Pasal 9
ayat (1): components 1-6) and leaves out the agency's internal cost.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import (
    DELIVERY_COMPONENTS,
    ComplaintChannel,
    ComponentKind,
    LegalBasis,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    StandardStatus,
)
from .totals import standard_totals

__all__ = [
    "ComponentDiff",
    "FieldChange",
    "RowChange",
    "RowStatus",
    "StandardDiff",
    "TextLine",
    "diff_standards",
    "public_diff",
]

K = ComponentKind
EMPTY = gettext_lazy("(kosong)")


class RowStatus(models.TextChoices):
    ADDED = "added", gettext_lazy("ditambahkan")
    REMOVED = "removed", gettext_lazy("dihapus")
    CHANGED = "changed", gettext_lazy("diubah")


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    """One row added, removed or changed (`changes` lists the fields; `moved` its order)."""

    status: str
    label: str
    changes: tuple[FieldChange, ...] = ()
    old_position: int | None = None
    new_position: int | None = None
    moved: bool = False

    @property
    def status_label(self) -> str:
        return str(RowStatus(self.status).label)


@dataclass(frozen=True)
class TextLine:
    """A line of the component's text: op is "same", "added" or "removed"."""

    op: str
    text: str


@dataclass(frozen=True)
class ComponentDiff:
    kind: ComponentKind
    old_text: str
    new_text: str
    text_lines: tuple[TextLine, ...]
    fields: tuple[FieldChange, ...]
    rows: tuple[RowChange, ...]

    @property
    def number(self) -> int:
        return ComponentKind(self.kind).number

    @property
    def label(self) -> str:
        return str(ComponentKind(self.kind).label)

    @property
    def anchor(self) -> str:
        return f"komponen-{self.number}"

    @property
    def text_changed(self) -> bool:
        return self.old_text != self.new_text

    @property
    def changed(self) -> bool:
        return self.text_changed or bool(self.fields) or bool(self.rows)


@dataclass(frozen=True)
class StandardDiff:
    old: ServiceStandard
    new: ServiceStandard
    components: tuple[ComponentDiff, ...]

    @property
    def changed_components(self) -> tuple[ComponentDiff, ...]:
        return tuple(c for c in self.components if c.changed)

    @property
    def has_changes(self) -> bool:
        return bool(self.changed_components)


# --- formatting values ---------------------------------------------------------------


def _label(model: type[models.Model], field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def _text(value) -> str:
    if value is None or value == "":
        return str(EMPTY)
    return str(value)


def _money(value) -> str:
    from bontang_sp.rupiah import rupiah

    return rupiah(value or 0)


def _duration(step: ProcedureStep) -> str:
    return step.duration_display


class _Context:
    """Per-version lookups the formatters need (the step a requirement belongs to)."""

    def __init__(self, standard: ServiceStandard):
        self.step_label = {}
        self.step_key = {}
        for n, step in enumerate(standard.steps.all(), start=1):
            # Whole, never cut: the reader must recognise the step.
            self.step_label[step.pk] = _("tahap %(n)s: %(actor)s, %(action)s") % {
                "n": n,
                "actor": step.actor,
                "action": step.action,
            }
            self.step_key[step.pk] = step.key


# A requirement handed in at no particular step (or whose step was removed).
NO_STEP = gettext_lazy("tidak terkait tahap tertentu")


# Each row model: the fields compared, as (name, label, formatter(row, context) -> str,
# identity(row, context)). Two versions differ in a field when the identities differ; the
# formatted strings are what the reviewer reads.
Formatter = Callable[[models.Model, _Context], object]
RowField = tuple[str, str, Formatter, Formatter]


def _plain(name: str) -> Formatter:
    return lambda row, ctx: _text(getattr(row, name))


def _display(name: str) -> Formatter:
    return lambda row, ctx: _text(getattr(row, f"get_{name}_display")())


def _field(model, name: str, formatter: Formatter, identity: Formatter | None = None) -> RowField:
    return name, _label(model, name), formatter, identity or formatter


def _row_fields(model: type[models.Model], public: bool) -> list[RowField]:
    if model is Requirement:
        return [
            _field(Requirement, "description", _plain("description")),
            _field(Requirement, "kind", _display("kind")),
            _field(Requirement, "timing", _display("timing")),
            # The same step in both versions (same key) is no change, even if renumbered.
            _field(
                Requirement,
                "step",
                lambda row, ctx: ctx.step_label.get(row.step_id) or str(NO_STEP),
                lambda row, ctx: ctx.step_key.get(row.step_id),
            ),
            _field(Requirement, "notes", _plain("notes")),
        ]
    if model is ProcedureStep:
        fields = [
            _field(ProcedureStep, "actor", _plain("actor")),
            _field(ProcedureStep, "action", _plain("action")),
            (
                "duration",
                _label(ProcedureStep, "duration_value"),
                lambda row, ctx: _duration(row),
                lambda row, ctx: _duration(row),
            ),
            _field(ProcedureStep, "applicant_fee", lambda row, ctx: _money(row.applicant_fee)),
        ]
        if not public:
            fields.append(
                _field(ProcedureStep, "agency_cost", lambda row, ctx: _money(row.agency_cost))
            )
        fields.append(_field(ProcedureStep, "output", _plain("output")))
        return fields
    if model is ComplaintChannel:
        return [
            _field(ComplaintChannel, "kind", _display("kind")),
            _field(ComplaintChannel, "detail", _plain("detail")),
        ]
    if model is LegalBasis:
        return [
            _field(LegalBasis, "kind", _display("kind")),
            _field(LegalBasis, "issuer", _plain("issuer")),
            _field(LegalBasis, "number", _plain("number")),
            _field(LegalBasis, "year", _plain("year")),
            _field(LegalBasis, "title", _plain("title")),
        ]
    raise TypeError(model)  # pragma: no cover


def _row_label(row: models.Model) -> str:
    if isinstance(row, ProcedureStep):
        return f"{row.actor}: {row.action[:80]}"
    if isinstance(row, ComplaintChannel):
        detail = f" ({row.detail})" if row.detail else ""
        return f"{row.get_kind_display()}{detail}"
    return str(row)


# Which rows and which of the standard's own fields belong to which component.
ROW_RELATIONS: dict[ComponentKind, tuple[str, type[models.Model]]] = {
    K.REQUIREMENTS: ("requirements", Requirement),
    K.PROCEDURE: ("steps", ProcedureStep),
    K.COMPLAINTS: ("complaint_channels", ComplaintChannel),
    K.LEGAL_BASIS: ("legal_bases", LegalBasis),
}
STANDARD_FIELDS: dict[ComponentKind, tuple[str, ...]] = {
    K.FEE: ("fee_legal_basis",),
    K.COMPLAINTS: (
        "complaint_officer",
        "complaint_phone",
        "complaint_email",
        "complaint_address",
        "complaint_escalation",
    ),
    K.STAFF_COUNT: ("staff_count",),
}


# --- comparing -------------------------------------------------------------------------


def _text_lines(old: str, new: str) -> tuple[TextLine, ...]:
    if old == new:
        return ()
    a, b = old.splitlines(), new.splitlines()
    lines: list[TextLine] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [TextLine("same", line) for line in a[i1:i2]]
            continue
        lines += [TextLine("removed", line) for line in a[i1:i2]]
        lines += [TextLine("added", line) for line in b[j1:j2]]
    return tuple(lines)


def _compare_rows(
    model: type[models.Model],
    old_rows: Iterable[models.Model],
    new_rows: Iterable[models.Model],
    old_ctx: _Context,
    new_ctx: _Context,
    public: bool,
) -> tuple[RowChange, ...]:
    fields = _row_fields(model, public)
    old_rows, new_rows = list(old_rows), list(new_rows)
    old_by_key = {row.key: (n, row) for n, row in enumerate(old_rows, start=1)}
    new_by_key = {row.key: (n, row) for n, row in enumerate(new_rows, start=1)}
    common_old = [row.key for row in old_rows if row.key in new_by_key]
    common_new = [row.key for row in new_rows if row.key in old_by_key]
    rank_old = {key: i for i, key in enumerate(common_old)}
    rank_new = {key: i for i, key in enumerate(common_new)}

    changes: list[RowChange] = []
    for n, row in enumerate(new_rows, start=1):
        if row.key not in old_by_key:
            changes.append(
                RowChange(
                    RowStatus.ADDED,
                    _row_label(row),
                    tuple(
                        FieldChange(name, label, "", fmt(row, new_ctx))
                        for name, label, fmt, _identity in fields
                    ),
                    new_position=n,
                )
            )
            continue
        old_n, old_row = old_by_key[row.key]
        field_changes = tuple(
            FieldChange(name, label, fmt(old_row, old_ctx), fmt(row, new_ctx))
            for name, label, fmt, identity in fields
            if identity(old_row, old_ctx) != identity(row, new_ctx)
        )
        moved = rank_old[row.key] != rank_new[row.key]
        if field_changes or moved:
            if moved:
                field_changes += (
                    FieldChange("position", _label(model, "position"), str(old_n), str(n)),
                )
            changes.append(
                RowChange(
                    RowStatus.CHANGED,
                    _row_label(row),
                    field_changes,
                    old_position=old_n,
                    new_position=n,
                    moved=moved,
                )
            )
    for n, row in enumerate(old_rows, start=1):
        if row.key not in new_by_key:
            changes.append(
                RowChange(
                    RowStatus.REMOVED,
                    _row_label(row),
                    tuple(
                        FieldChange(name, label, fmt(row, old_ctx), "")
                        for name, label, fmt, _identity in fields
                    ),
                    old_position=n,
                )
            )
    return tuple(changes)


def _standard_fields(
    kind: ComponentKind, old: ServiceStandard, new: ServiceStandard, public: bool
) -> list[FieldChange]:
    changes = []
    for name in STANDARD_FIELDS.get(kind, ()):
        before, after = _text(getattr(old, name)), _text(getattr(new, name))
        if before != after:
            changes.append(FieldChange(name, _label(ServiceStandard, name), before, after))
    return changes


def _derived_fields(kind, old_totals, new_totals, public: bool) -> list[FieldChange]:
    pairs = []
    if kind == K.SERVICE_TIME:
        pairs.append(("duration_total", _("jangka waktu (jumlah tahap)"), "duration_display"))
    elif kind == K.FEE:
        pairs.append(("applicant_fee_total", _("biaya/tarif (jumlah tahap)"), "fee_display"))
        if not public:
            pairs.append(
                (
                    "agency_cost_total",
                    _("biaya ditanggung Perangkat Daerah (jumlah tahap)"),
                    "agency_cost_display",
                )
            )
    return [
        FieldChange(name, label, before, after)
        for name, label, attribute in pairs
        if (before := getattr(old_totals, attribute)) != (after := getattr(new_totals, attribute))
    ]


def _diff(
    old: ServiceStandard, new: ServiceStandard, kinds: Iterable[ComponentKind], public: bool
) -> StandardDiff:
    if old.service_id != new.service_id:
        raise ValueError("versions of different services cannot be compared")
    old_texts = {c.kind: c.text for c in old.components.all()}
    new_texts = {c.kind: c.text for c in new.components.all()}
    old_ctx, new_ctx = _Context(old), _Context(new)
    old_totals, new_totals = standard_totals(old), standard_totals(new)
    components = []
    for kind in kinds:
        old_text, new_text = old_texts.get(kind, ""), new_texts.get(kind, "")
        fields = _standard_fields(kind, old, new, public) + _derived_fields(
            kind, old_totals, new_totals, public
        )
        rows: tuple[RowChange, ...] = ()
        if kind in ROW_RELATIONS:
            relation, model = ROW_RELATIONS[kind]
            rows = _compare_rows(
                model,
                getattr(old, relation).all(),
                getattr(new, relation).all(),
                old_ctx,
                new_ctx,
                public,
            )
        components.append(
            ComponentDiff(
                kind=kind,
                old_text=old_text,
                new_text=new_text,
                text_lines=_text_lines(old_text, new_text),
                fields=tuple(fields),
                rows=rows,
            )
        )
    return StandardDiff(old=old, new=new, components=tuple(components))


def comparable(first: ServiceStandard | None, second: ServiceStandard | None) -> bool:
    """Two versions the comparison page shows: of the same service, and not one version
    with itself. The page answers 404 otherwise, and links to it ask this first."""
    return (
        first is not None
        and second is not None
        and first.service_id == second.service_id
        and first.pk != second.pk
    )


def version_to_compare(standard: ServiceStandard) -> ServiceStandard | None:
    """What a version under review is compared with: the version in force, or, once this
    version is itself in force, the one it replaced (Pasal 12 ayat (5)-(6))."""
    in_force = standard.service.standards.filter(status=StandardStatus.IN_FORCE).first()
    other = in_force if comparable(in_force, standard) else standard.previous
    return other if comparable(other, standard) else None


def diff_standards(old: ServiceStandard, new: ServiceStandard) -> StandardDiff:
    """All 14 components of two versions of the same service compared (for reviewers)."""
    return _diff(old, new, list(ComponentKind), public=False)


def public_diff(old: ServiceStandard, new: ServiceStandard) -> StandardDiff:
    """Only the published components 1-6 (Pasal 9 ayat (1)), without internal costs."""
    return _diff(old, new, DELIVERY_COMPONENTS, public=True)

"""The layout of a standard's page: the Lampiran's 14 components in two parts, what each
URAIAN holds (text, rows, the standard's own fields, values derived from the steps), and
the forms of each part. Shared by the editor, its row views and the printable view."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404
from django.utils.translation import gettext_lazy

from ..checks import TEXT_COMPONENTS
from ..forms import (
    ChannelForm,
    ComponentForm,
    LegalBasisForm,
    RequirementForm,
    StepForm,
    fields_form,
)
from ..models import (
    DELIVERY_COMPONENTS,
    MANAGEMENT_COMPONENTS,
    ComplaintChannel,
    ComponentKind,
    LegalBasis,
    ProcedureStep,
    Requirement,
    ServiceStandard,
)

# --- the row tables of the standard ---------------------------------------------------


@dataclass(frozen=True)
class RowType:
    slug: str  # in URLs and anchors
    relation: str  # related name on ServiceStandard (and key of services.ROW_MODELS)
    model: type
    form_class: type
    component: ComponentKind
    title: str
    add_title: str
    empty: str

    @property
    def display_template(self) -> str:
        return f"standards/editor/rows/_{self.relation}.html"

    @property
    def list_id(self) -> str:
        return f"daftar-{self.slug}"


ROW_TYPES: dict[str, RowType] = {
    rt.slug: rt
    for rt in (
        RowType(
            "persyaratan",
            "requirements",
            Requirement,
            RequirementForm,
            ComponentKind.REQUIREMENTS,
            gettext_lazy("Daftar persyaratan"),
            gettext_lazy("Tambah persyaratan"),
            gettext_lazy("Belum ada persyaratan."),
        ),
        RowType(
            "tahapan",
            "steps",
            ProcedureStep,
            StepForm,
            ComponentKind.PROCEDURE,
            gettext_lazy("Tahapan prosedur"),
            gettext_lazy("Tambah tahap"),
            gettext_lazy("Belum ada tahap prosedur."),
        ),
        RowType(
            "saluran-pengaduan",
            "complaint_channels",
            ComplaintChannel,
            ChannelForm,
            ComponentKind.COMPLAINTS,
            gettext_lazy("Saluran pengaduan"),
            gettext_lazy("Tambah saluran pengaduan"),
            gettext_lazy("Belum ada saluran pengaduan."),
        ),
        RowType(
            "dasar-hukum",
            "legal_bases",
            LegalBasis,
            LegalBasisForm,
            ComponentKind.LEGAL_BASIS,
            gettext_lazy("Peraturan yang menjadi dasar hukum"),
            gettext_lazy("Tambah dasar hukum"),
            gettext_lazy("Belum ada dasar hukum."),
        ),
    )
}
ROW_TYPE_OF_COMPONENT = {rt.component: rt for rt in ROW_TYPES.values()}
FIELD_GROUP_OF_COMPONENT = {
    ComponentKind.FEE: "biaya",
    ComponentKind.COMPLAINTS: "pengaduan",
    ComponentKind.STAFF_COUNT: "jumlah-pelaksana",
}
# Components whose URAIAN shows a value derived from the steps (Lampiran 1.B.5-1.B.7).
DERIVED = {
    ComponentKind.SERVICE_TIME: "time",
    ComponentKind.FEE: "fee",
    ComponentKind.PRODUCT: "outputs",
}


def row_type(slug: str) -> RowType:
    try:
        return ROW_TYPES[slug]
    except KeyError:
        raise Http404 from None


def component_kind(value: str) -> ComponentKind:
    try:
        return ComponentKind(value)
    except ValueError:
        raise Http404 from None


def row_form(rt: RowType, standard: ServiceStandard, *, steps=(), row=None, data=None):
    """The add form (no row) or the edit form of a row, prefixed so that many fit a page."""
    kwargs = {"standard": standard, "instance": row or rt.model(), "data": data}
    kwargs["prefix"] = f"{rt.slug}-{row.pk}" if row is not None else f"baru-{rt.slug}"
    if rt.form_class is RequirementForm:
        kwargs["steps"] = steps
    return rt.form_class(**kwargs)


K = ComponentKind
# What the URAIAN text is for where rows, fields or derived values fill the component.
TEXT_HELP = {
    K.REQUIREMENTS: gettext_lazy(
        "Tidak wajib: pengantar atau catatan umum. Tulis setiap persyaratan pada daftar di bawah."
    ),
    K.PROCEDURE: gettext_lazy(
        "Sistem dan mekanisme pelayanan, misalnya loket, daring, atau antar-jemput berkas. "
        "Setiap tahap ditulis pada daftar di bawah."
    ),
    K.SERVICE_TIME: gettext_lazy(
        "Tidak wajib: keterangan tambahan, misalnya perpanjangan waktu. Jangka waktu dihitung "
        "dari tahapan prosedur."
    ),
    K.FEE: gettext_lazy("Tidak wajib: keterangan tambahan. Biaya dihitung dari tahapan prosedur."),
    K.PRODUCT: gettext_lazy("Hasil akhir yang diterima pemohon, misalnya Kartu Keluarga."),
    K.COMPLAINTS: gettext_lazy("Tidak wajib: tata cara pengelolaan pengaduan."),
    K.LEGAL_BASIS: gettext_lazy(
        "Tidak wajib: keterangan tambahan. Tulis setiap peraturan pada daftar di bawah."
    ),
    K.STAFF_COUNT: gettext_lazy(
        "Rincian pelaksana, misalnya 1 petugas loket dan 1 verifikator (tidak wajib)."
    ),
}
# Components whose text the completeness check requires get a bigger box.
TEXT_REQUIRED = (*TEXT_COMPONENTS, K.PRODUCT)


def component_form(kind: ComponentKind, component, data=None) -> ComponentForm:
    initial = {"text": component.text, "revision": component.revision} if component else {}
    return ComponentForm(
        data=data,
        initial=initial,
        prefix=kind.value,
        label=kind.label,
        help_text=TEXT_HELP.get(kind, ""),
        rows=4 if kind in TEXT_REQUIRED else 2,
    )


# --- the page's structure ----------------------------------------------------------


@dataclass
class RowItem:
    row: object
    form: object | None = None  # the edit form when this row is being edited


@dataclass
class RowSection:
    type: RowType
    items: list[RowItem]
    add_form: object | None


@dataclass
class Block:
    """One line of the Lampiran's table: NO, KOMPONEN and what the URAIAN holds."""

    kind: ComponentKind
    component: object
    form: ComponentForm | None
    rows: RowSection | None = None
    fields_group: str = ""
    fields_form: object | None = None
    derived: str = ""
    conflict_text: str | None = None  # after a stale save: what is saved now
    review_notes: list = field(default_factory=list)  # Bagian Organisasi's open notes

    @property
    def number(self) -> int:
        return self.kind.number

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def anchor(self) -> str:
        return f"komponen-{self.number}"


def build_blocks(standard: ServiceStandard, *, editable: bool, bound: dict | None = None):
    """The 14 blocks in the Lampiran's order; `bound` replaces forms with submitted ones."""
    bound = bound or {}
    components = {c.kind: c for c in standard.components.all()}
    steps = list(standard.steps.all())
    rows_of = {
        "requirements": list(standard.requirements.all()),
        "steps": steps,
        "complaint_channels": list(standard.complaint_channels.all()),
        "legal_bases": list(standard.legal_bases.all()),
    }
    blocks = []
    for kind in ComponentKind:
        component = components.get(kind.value)
        form = None
        if editable:
            form = bound.get(f"komponen:{kind.value}") or component_form(kind, component)
        block = Block(
            kind=kind,
            component=component,
            form=form,
            derived=DERIVED.get(kind, ""),
            conflict_text=bound.get(f"konflik:{kind.value}"),
        )
        rt = ROW_TYPE_OF_COMPONENT.get(kind)
        if rt is not None:
            items = []
            for row in rows_of[rt.relation]:
                edit = bound.get(f"ubah:{rt.slug}:{row.pk}") if editable else None
                items.append(RowItem(row=row, form=edit))
            add_form = None
            if editable:
                add_form = bound.get(f"baru:{rt.slug}") or row_form(rt, standard, steps=steps)
            block.rows = RowSection(type=rt, items=items, add_form=add_form)
        group = FIELD_GROUP_OF_COMPONENT.get(kind)
        if group:
            block.fields_group = group
            if editable:
                block.fields_form = bound.get(f"isian:{group}") or fields_form(group, standard)
        blocks.append(block)
    delivery = [b for b in blocks if b.kind in DELIVERY_COMPONENTS]
    management = [b for b in blocks if b.kind in MANAGEMENT_COMPONENTS]
    return delivery, management

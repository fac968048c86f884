"""Forms of the drafting screens: services, the drafting team, the 14 components and rows.

Forms only parse and bound what a person typed (plain text, Rupiah, lengths); the rules of
the regulation live in the models, `standards.services` and `standards.checks`.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bontang_sp.validators import PlainTextField, RupiahField
from documents.uploads import PDF, CleanUpload, ScanField

from .models import (
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    STEP_TIME_REQUIRED,
    ChangeReason,
    ComplaintChannel,
    DraftingTeam,
    LegalBasis,
    LegalBasisKind,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    TeamMember,
    step_is_timed,
)

try:  # the logic engineer's bounds, when present
    from .models import MAX_STAFF_COUNT
except ImportError:  # pragma: no cover
    MAX_STAFF_COUNT = 1000

# Pasal 10 ayat (2): the decree that formed the team, uploaded as a scan.


def textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class RevisionField(forms.IntegerField):
    """The save counter the page was loaded with; the service refuses a stale one."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("required", True)
        super().__init__(**kwargs)


class CountedLimits:
    """Text limits shown, never enforced by the browser: `maxlength` would cut what is
    typed or pasted without a word (and the page then says "Tersimpan"). The limit is in
    the help text and a live count beside the field (static/js/editor.js); the server
    refuses a text over it, beside the field, and keeps the text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, RupiahField):  # refused by the server, with its message
                field.widget.attrs.pop("maxlength", None)
                continue
            limit = getattr(field, "max_length", None)
            if not limit or field.widget.is_hidden:
                continue
            field.widget.attrs.pop("maxlength", None)
            field.widget.attrs["data-limit"] = str(limit)
            field.count_limit = limit


# --- services (jenis layanan) -------------------------------------------------


class ServiceForm(forms.ModelForm):
    name = PlainTextField(label=_("Nama layanan"), max_length=NAME_MAX)
    slug = forms.SlugField(
        label=_("Slug (alamat halaman)"),
        max_length=120,
        required=False,
        help_text=_("Huruf kecil, angka dan tanda hubung. Kosongkan untuk dibuat dari nama."),
    )
    description = PlainTextField(
        label=_("Uraian singkat"), max_length=1000, required=False, widget=textarea(3)
    )

    class Meta:
        model = Service
        fields = ["name", "slug", "kind", "work_unit", "description"]
        labels = {"kind": _("Jenis pelayanan (Pasal 6)"), "work_unit": _("Unit kerja")}

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.instance.agency = agency
        self.fields["work_unit"].queryset = agency.work_units.filter(active=True)
        self.fields["work_unit"].required = False

    def clean(self):
        # The database refuses duplicates too; this says it beside the field.
        cleaned = super().clean()
        others = Service.objects.filter(agency=self.agency).exclude(pk=self.instance.pk)
        if cleaned.get("name") and others.filter(name=cleaned["name"]).exists():
            self.add_error("name", _("Perangkat Daerah ini sudah memiliki layanan bernama ini."))
        if cleaned.get("slug") and others.filter(slug=cleaned["slug"]).exists():
            self.add_error("slug", _("Slug ini sudah dipakai layanan lain Perangkat Daerah ini."))
        return cleaned


# --- drafting team (Pasal 10 ayat (2)-(4)) -----------------------------------------


class DraftingTeamForm(forms.ModelForm):
    decree_number = PlainTextField(
        label=_("Nomor keputusan pembentukan tim"), max_length=100, required=False
    )
    decree_date = forms.DateField(
        label=_("Tanggal keputusan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    # Not a model field of the form: the service stores it through the upload gate.
    decree_scan = ScanField(
        label=_("Pindaian keputusan (PDF, paling besar 10 MB)"),
        required=False,
        max_files=1,
        allowed=(PDF,),
        help_text="",
        # A plain file input: the page links the current scan through the application
        # (uploads have no public URL), and a new upload replaces it.
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = DraftingTeam
        fields = ["decree_number", "decree_date"]

    @property
    def scan(self) -> CleanUpload | None:
        """The new scan, judged by its content; None keeps the one on file."""
        cleaned = self.cleaned_data.get("decree_scan") or []
        return cleaned[0] if cleaned else None


class TeamMemberForm(forms.ModelForm):
    name = PlainTextField(label=_("Nama"), max_length=150)
    nip = forms.CharField(
        label=_("NIP"),
        max_length=18,
        required=False,
        help_text=_("18 angka tanpa spasi; kosongkan bila bukan ASN."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    position = PlainTextField(label=_("Jabatan"), max_length=200, required=False)

    class Meta:
        model = TeamMember
        fields = ["name", "nip", "position", "role", "user"]
        labels = {"role": _("Kedudukan dalam tim"), "user": _("Akun pengguna (bila ada)")}

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts of people who work for the agency may be linked.
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__agency=agency, is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["user"].required = False


# --- the standard: components and its own fields -------------------------------------


class ComponentForm(CountedLimits, forms.Form):
    """The URAIAN of one component, with the revision it was loaded at."""

    text = PlainTextField(
        label=_("Uraian"),
        max_length=LONG_TEXT_MAX,
        required=False,
        strip=False,
        widget=textarea(4),
    )
    revision = RevisionField()

    def __init__(self, *args, label: str = "", help_text: str = "", rows: int = 4, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = _("Uraian: %(label)s") % {"label": label}
        self.fields["text"].help_text = help_text
        self.fields["text"].widget.attrs["rows"] = rows


class StandardFieldsForm(CountedLimits, forms.Form):
    """One group of the standard's own fields; each group posts only its fields."""

    revision = RevisionField()
    field_names: tuple[str, ...] = ()

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.field_names}


class FeeFieldsForm(StandardFieldsForm):
    field_names = ("fee_legal_basis",)
    fee_legal_basis = PlainTextField(
        label=_("Dasar hukum tarif"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        help_text=_(
            "Wajib bila pemohon membayar, misalnya Peraturan Daerah tentang Retribusi; "
            "kosongkan bila gratis."
        ),
    )


class ComplaintFieldsForm(StandardFieldsForm):
    field_names = (
        "complaint_officer",
        "complaint_phone",
        "complaint_email",
        "complaint_address",
        "complaint_escalation",
    )
    complaint_officer = PlainTextField(
        label=_("Nama petugas pengaduan"), max_length=150, required=False
    )
    complaint_phone = PlainTextField(
        label=_("Telepon/WhatsApp pengaduan"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    complaint_email = forms.EmailField(label=_("Surel pengaduan"), max_length=254, required=False)
    complaint_address = PlainTextField(
        label=_("Alamat kantor pengaduan"), max_length=SHORT_TEXT_MAX, required=False
    )
    complaint_escalation = PlainTextField(
        label=_("Penyelesaian di luar Perangkat Daerah"),
        max_length=LONG_TEXT_MAX,
        required=False,
        widget=textarea(3),
        help_text=_(
            "Ke mana pengaduan dibawa bila tidak selesai di dalam Perangkat Daerah, "
            "misalnya Inspektorat atau Ombudsman RI."
        ),
    )


class StaffCountFieldsForm(StandardFieldsForm):
    field_names = ("staff_count",)
    staff_count = forms.IntegerField(
        label=_("Jumlah pelaksana (orang)"),
        required=False,
        validators=[
            MinValueValidator(0, _("Jumlah pelaksana tidak boleh negatif.")),
            MaxValueValidator(
                MAX_STAFF_COUNT,
                _("Jumlah pelaksana lebih dari %(limit_value)s orang; periksa kembali."),
            ),
        ],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class PublicationFieldsForm(StandardFieldsForm):
    field_names = ("publish_management",)
    publish_management = forms.BooleanField(
        label=_("Tampilkan komponen pengelolaan (7-14) di portal publik"),
        required=False,
        help_text=_(
            "Pasal 9 ayat (3): komponen pengelolaan cukup diinformasikan saat pembahasan; "
            "centang bila Perangkat Daerah memilih mempublikasikannya juga."
        ),
    )


FIELD_GROUPS: dict[str, type[StandardFieldsForm]] = {
    "biaya": FeeFieldsForm,
    "pengaduan": ComplaintFieldsForm,
    "jumlah-pelaksana": StaffCountFieldsForm,
    "publikasi": PublicationFieldsForm,
}


def fields_form(group: str, standard: ServiceStandard, data=None) -> StandardFieldsForm:
    form_class = FIELD_GROUPS[group]
    initial = {name: getattr(standard, name) for name in form_class.field_names}
    initial["revision"] = standard.revision
    return form_class(data=data, initial=initial, prefix=f"isian-{group}")


# --- rows ----------------------------------------------------------------------------


class RowForm(CountedLimits, forms.ModelForm):
    """A row of the standard's tables; `revision` is the one it was loaded at (edits only)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, standard: ServiceStandard, **kwargs):
        super().__init__(*args, **kwargs)
        self.standard = standard
        self.instance.standard = standard
        if self.instance.pk is not None and not self.is_bound:
            self.initial["revision"] = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("revision") is None:
            # On top of the form: the revision travels in a hidden field.
            self.add_error(
                None,
                ValidationError(
                    _("Versi baris yang dibuka tidak diketahui; muat ulang halaman lalu ulangi."),
                    code="no_revision",
                ),
            )
        return cleaned


class RequirementForm(RowForm):
    description = PlainTextField(label=_("Persyaratan"), max_length=SHORT_TEXT_MAX)
    step = forms.TypedChoiceField(
        label=_("Tahap prosedur"), required=False, coerce=int, empty_value=None
    )
    notes = PlainTextField(label=_("Keterangan"), max_length=SHORT_TEXT_MAX, required=False)

    class Meta:
        model = Requirement
        fields = ["description", "kind", "timing", "step", "notes"]
        labels = {"kind": _("Jenis"), "timing": _("Waktu penyampaian")}

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from the steps already loaded with the standard: no query per form.
        self.steps = {step.pk: step for step in steps}
        self.fields["step"].choices = step_choices(steps)
        # With htmx, the list of steps refreshes itself when the steps change.
        self.fields["step"].widget.attrs.update(
            {
                "hx-get": reverse("standards:step-options", args=[self.standard.pk]),
                "hx-trigger": "steps-changed from:body",
                "hx-target": "this",
                "hx-swap": "innerHTML",
            }
        )

    def clean_step(self):
        pk = self.cleaned_data.get("step")
        if pk is None:
            return None
        if pk not in self.steps:
            raise ValidationError(_("Pilih tahap dari daftar."), code="invalid_choice")
        return self.steps[pk]


def step_choices(steps) -> list[tuple[str, str]]:
    choices = [("", _("— tidak terkait satu tahap —"))]
    for number, step in enumerate(steps, start=1):
        action = step.action if len(step.action) <= 60 else step.action[:59] + "…"
        choices.append((str(step.pk), f"{number}. {step.actor}: {action}"))
    return choices


class StepForm(RowForm):
    actor = PlainTextField(
        label=_("Pelaksana"),
        max_length=150,
        help_text=_("Misalnya pemohon, petugas loket, verifikator, kepala seksi."),
    )
    action = PlainTextField(label=_("Kegiatan"), max_length=1000, widget=textarea(2))
    duration_value = forms.DecimalField(
        label=_("Waktu"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0, _("Waktu tidak boleh negatif."))],
        widget=forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"}),
    )
    applicant_fee = RupiahField(
        label=_("Biaya dibebankan kepada pemohon"),
        help_text=_("Misalnya Rp 5.000; kosongkan atau 0 bila gratis."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    agency_cost = RupiahField(
        label=_("Biaya ditanggung Perangkat Daerah"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    output = PlainTextField(label=_("Keluaran"), max_length=SHORT_TEXT_MAX, required=False)

    class Meta:
        model = ProcedureStep
        fields = [
            "actor",
            "action",
            "duration_value",
            "duration_unit",
            "applicant_fee",
            "agency_cost",
            "output",
        ]
        labels = {"duration_unit": _("Satuan waktu")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.initial["duration_value"] = None  # to be typed, not a silent 0

    def clean_duration_value(self):
        # The completeness check's rule (checks.py), refused here already.
        value = self.cleaned_data["duration_value"]
        if not step_is_timed(value):
            raise ValidationError(STEP_TIME_REQUIRED, code="step_untimed")
        return value


class ChannelForm(RowForm):
    detail = PlainTextField(
        label=_("Rincian"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        help_text=_("Nomor, alamat situs, atau letak kotak saran."),
    )

    class Meta:
        model = ComplaintChannel
        fields = ["kind", "detail"]
        labels = {"kind": _("Saluran")}


ISSUER_NEEDED = {
    LegalBasisKind.MINISTERIAL_REGULATION: _(
        "Sebutkan menteri yang menetapkannya, misalnya Menteri Kesehatan."
    ),
    LegalBasisKind.REGIONAL_REGULATION: _(
        "Sebutkan daerahnya, misalnya Kota Bontang atau Provinsi Kalimantan Timur."
    ),
}


class LegalBasisForm(RowForm):
    issuer = PlainTextField(
        label=_("Pembentuk/daerah"),
        max_length=150,
        required=False,
        help_text=LegalBasis._meta.get_field("issuer").help_text,
    )
    number = PlainTextField(label=_("Nomor"), max_length=50)
    year = forms.IntegerField(
        label=_("Tahun"),
        validators=[
            MinValueValidator(1945, _("Tahun peraturan paling awal 1945.")),
            MaxValueValidator(2100, _("Tahun peraturan tidak masuk akal.")),
        ],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    title = PlainTextField(label=_("Tentang"), max_length=500)

    class Meta:
        model = LegalBasis
        fields = ["kind", "issuer", "number", "year", "title"]
        labels = {"kind": _("Jenis peraturan")}

    def clean(self):
        cleaned = super().clean()
        kind, issuer = cleaned.get("kind"), (cleaned.get("issuer") or "").strip()
        if kind == LegalBasisKind.MAYORAL_REGULATION and not issuer:
            cleaned["issuer"] = "Bontang"
        elif kind in ISSUER_NEEDED and not issuer:
            self.add_error("issuer", ISSUER_NEEDED[kind])
        return cleaned


# --- versions (Pasal 12 ayat (5)-(6)) ------------------------------------------------


class ReviseForm(forms.Form):
    # Named as the model's fields, so the service's errors land beside them.
    change_reason = forms.ChoiceField(
        label=_("Alasan perubahan (Pasal 12 ayat (5))"),
        choices=[("", _("— pilih alasan —")), *ChangeReason.choices],
    )
    change_explanation = PlainTextField(
        label=_("Penjelasan perubahan"),
        max_length=LONG_TEXT_MAX,
        widget=textarea(5),
        help_text=_("Apa yang akan diubah dan mengapa."),
    )

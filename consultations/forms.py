"""Forms of the consultation pages. They collect and clean input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bontang_sp.validators import PlainTextField
from documents.uploads import ScanField
from standards.models import ComponentKind

from .models import (
    TEXT_MAX,
    Consultation,
    ConsultationMethod,
    InputOutcome,
    Participant,
    ParticipantCategory,
    ScanKind,
)

DATETIME_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class StandardChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("%(service)s (versi %(version)s)") % {
            "service": obj.service.name,
            "version": obj.version,
        }


class ConsultationForm(forms.ModelForm):
    """Plan (and later amend) a consultation."""

    starts_at = forms.DateTimeField(
        label=_("Tanggal dan jam (WITA)"),
        input_formats=[DATETIME_INPUT_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT_FORMAT),
    )
    standards = StandardChoiceField(
        label=_("Rancangan standar yang dibahas"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu rancangan standar.")},
    )

    class Meta:
        model = Consultation
        fields = [
            "method",
            "starts_at",
            "place",
            "agenda",
            "chair_name",
            "note_taker_name",
            "standards",
            "invitation_number",
            "minutes_number",
            "agreements",
        ]
        widgets = {
            "method": forms.RadioSelect,
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "agreements": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "place": _("Misalnya Aula Kantor Disdukcapil, Jl. Bessai Berinta."),
            "invitation_number": _("Dicantumkan pada surat undangan."),
            "minutes_number": _("Dicantumkan pada berita acara; boleh diisi kemudian."),
        }

    def __init__(self, *args, standards_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standards"].queryset = standards_queryset
        self.fields["method"].choices = ConsultationMethod.choices
        if self.instance.pk is None:
            self.fields.pop("minutes_number")
            self.fields.pop("agreements")
        if self.instance.pk and self.instance.starts_at:
            self.initial["starts_at"] = timezone.localtime(self.instance.starts_at)

    def plan_fields(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "standards"}


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "organisation", "category", "contact", "signs_minutes"]
        labels = {"name": _("Nama")}

    def __init__(self, *args, walk_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("— pilih unsur —")), *ParticipantCategory.choices]
        self.fields["contact"].widget.attrs["inputmode"] = "tel"
        self.fields["name"].widget.attrs["autocomplete"] = "off"
        if walk_in:
            self.fields.pop("signs_minutes")
            self.prefix = "datang"


class InputForm(forms.Form):
    """One masukan, recorded live during the meeting."""

    standard = forms.TypedChoiceField(label=_("Standar"), coerce=int)
    component = forms.ChoiceField(label=_("Komponen"))
    raised_by = forms.TypedChoiceField(label=_("Disampaikan oleh"), coerce=int)
    text = PlainTextField(
        label=_("Masukan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tuliskan inti yang disampaikan peserta."),
    )

    def __init__(self, *args, standards, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.standards = {s.pk: s for s in standards}
        self.participants = {p.pk: p for p in participants}
        standard_choices = [(s.pk, f"{s.service.name} (v{s.version})") for s in standards]
        if len(standards) != 1:
            standard_choices.insert(0, ("", _("— pilih standar —")))
        self.fields["standard"].choices = standard_choices
        self.fields["component"].choices = [
            ("", _("— pilih komponen —")),
            *[(k.value, f"{k.number}. {k.label}") for k in ComponentKind],
        ]
        self.fields["raised_by"].choices = [
            ("", _("— pilih peserta —")),
            *[
                (p.pk, f"{p.name} — {p.organisation}" if p.organisation else p.name)
                for p in participants
            ],
        ]

    mark_present = forms.BooleanField(
        label=_("Tandai hadir: penyampai ini hadir dalam pembahasan"),
        required=False,
        help_text=_("Hanya bila peserta yang dipilih belum tercatat hadir."),
    )

    def clean_standard(self):
        return self.standards[self.cleaned_data["standard"]]

    def clean_raised_by(self):
        return self.participants[self.cleaned_data["raised_by"]]


class DecideForm(forms.Form):
    """The outcome of one input."""

    outcome = forms.ChoiceField(
        label=_("Tindak lanjut"), choices=InputOutcome.choices, widget=forms.RadioSelect
    )
    change_component = forms.ChoiceField(label=_("Komponen yang diubah"), required=False)
    change_description = PlainTextField(
        label=_("Perubahan pada rancangan"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila diterima: apa yang diubah pada rancangan."),
    )
    change_record = forms.ChoiceField(
        label=_("Catatan perubahan pada riwayat rancangan"),
        required=False,
        help_text=_("Pilih simpanan rancangan yang memuat perubahan ini, bila sudah dibuat."),
    )
    reason = PlainTextField(
        label=_("Alasan tidak diterima"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila tidak diterima (Pasal 4 ayat (3): akuntabel)."),
    )

    def __init__(self, *args, change_records=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_component"].choices = [
            ("", _("— pilih komponen —")),
            *[(k.value, f"{k.number}. {k.label}") for k in ComponentKind],
        ]
        self.fields["change_record"].choices = [
            ("", _("— belum dihubungkan —")),
            *[(record.key, record.label) for record in change_records],
        ]

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome == InputOutcome.NOT_ADOPTED and not cleaned.get("reason"):
            self.add_error("reason", _("Tuliskan alasan masukan ini tidak diterima."))
        if outcome == InputOutcome.ADOPTED:
            if not cleaned.get("change_component"):
                self.add_error("change_component", _("Pilih komponen yang diubah."))
            if not cleaned.get("change_description"):
                self.add_error(
                    "change_description",
                    _("Tuliskan perubahan yang dibuat pada rancangan karena masukan ini."),
                )
        return cleaned


class ScanUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis pindaian"), choices=ScanKind.choices)
    files = ScanField(label=_("Berkas"))


class CloseForm(forms.Form):
    minutes_number = PlainTextField(
        label=_("Nomor berita acara"),
        max_length=100,
        help_text=_("Sesuai nomor pada berita acara yang telah ditandatangani."),
    )
    confirm = forms.BooleanField(
        label=_(
            "Berita acara telah ditandatangani oleh pihak Perangkat Daerah dan wakil "
            "masyarakat yang hadir (Pasal 11 ayat (3))."
        ),
        error_messages={"required": _("Centang pernyataan ini untuk menutup pembahasan.")},
    )


class CancelForm(forms.Form):
    reason = PlainTextField(
        label=_("Alasan pembatalan"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Misalnya: rancangan ditarik, atau jadwal diganti (buat rencana baru). Alasan "
            "ini tercatat pada riwayat pembahasan."
        ),
    )

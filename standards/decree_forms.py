from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bontang_sp.validators import PlainTextField
from documents.uploads import ScanField

from .models import ComponentKind, Decree, DecreeStatus, ServiceStandard


class DecreeCreateForm(forms.Form):
    standards = forms.ModelMultipleChoiceField(
        label=_("Standar pelayanan yang dimuat dalam lampiran"),
        queryset=ServiceStandard.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    amends = forms.ModelChoiceField(
        label=_("Mengubah/mencabut keputusan"),
        queryset=Decree.objects.none(),
        required=False,
        help_text=_("Isi bila keputusan ini menggantikan keputusan yang sedang berlaku."),
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        # Only drafts no other decree on its way already carries (Pasal 12).
        self.fields["standards"].queryset = (
            ServiceStandard.objects.free_drafts()
            .filter(service__agency=agency)
            .select_related("service")
            .order_by("service__name")
        )
        self.fields["standards"].label_from_instance = lambda s: (
            f"{s.service.name} (versi {s.version})"
        )
        self.fields["amends"].queryset = Decree.objects.filter(
            agency=agency, status=DecreeStatus.IN_FORCE
        ).select_related("agency")
        self.fields["amends"].label_from_instance = lambda d: d.label


class DecreeTextForm(forms.ModelForm):
    class Meta:
        model = Decree
        fields = ["title", "considerations", "legal_references"]
        widgets = {
            "considerations": forms.Textarea(attrs={"rows": 8}),
            "legal_references": forms.Textarea(attrs={"rows": 10}),
        }


class SetForm(forms.Form):
    number = PlainTextField(label=_("Nomor keputusan"), max_length=100)
    decree_date = forms.DateField(
        label=_("Tanggal penetapan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )


class ReasonForm(forms.Form):
    reason = PlainTextField(label=_("Alasan pencabutan"), widget=forms.Textarea, max_length=2000)


class ReturnNoteForm(forms.Form):
    standard = forms.ModelChoiceField(
        label=_("Standar"),
        queryset=ServiceStandard.objects.none(),
        required=False,
        empty_label=_("(keputusan secara umum)"),
    )
    component = forms.ChoiceField(
        label=_("Komponen"),
        choices=[("", _("(semua komponen)")), *ComponentKind.choices],
        required=False,
    )
    text = PlainTextField(
        label=_("Catatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, decree, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = ServiceStandard.objects.filter(
            decrees=decree
        ).select_related("service")
        self.fields["standard"].label_from_instance = lambda s: s.service.name


ReturnNoteFormSet = forms.formset_factory(ReturnNoteForm, extra=3, max_num=20, validate_max=True)


class SignedScanForm(forms.Form):
    files = ScanField(label=_("Pindaian keputusan bertanda tangan"), max_files=1)

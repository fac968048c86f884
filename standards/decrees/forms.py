from __future__ import annotations

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from bontang_sp.validators import PlainTextField
from documents.signing.services import active_credential
from documents.uploads import ScanField

from ..models import ComponentKind, Decree, DecreeStatus, ServiceStandard


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


class ActForm(forms.Form):
    """What an act of the decree asks for (`workflow.Transition.form`): every act's form is
    made as `form(data, user=..., decree=...)`; its cleaned data is the act's input."""

    def __init__(self, data=None, *, user, decree: Decree):
        super().__init__(data)
        self.user, self.decree = user, decree


class SignForm(ActForm):
    """The electronic signature of an act (TTE), offered to a signer holding a certificate:
    the passphrase unlocks it for this act only. `passphrase` is cleaned to None when the
    signer chose not to sign electronically (a wet-signed scan is uploaded later)."""

    def __init__(self, data=None, *, user, decree: Decree):
        super().__init__(data, user=user, decree=decree)
        credential = active_credential(user)
        if credential is None:
            return
        self.fields["tte"] = forms.BooleanField(
            label=_("Tandatangani secara elektronik (TTE) dengan sertifikat atas nama %(name)s")
            % {"name": credential.subject_name},
            required=False,
            initial=True,
            help_text=_("Sertifikat berlaku sampai %(date)s.%(demo)s")
            % {
                "date": formats.date_format(timezone.localtime(credential.not_after)),
                "demo": _(" Sertifikat DEMO — tidak sah.") if credential.is_demo else "",
            },
        )
        self.fields["passphrase"] = forms.CharField(
            label=_("Frasa sandi sertifikat"),
            required=False,
            strip=False,
            max_length=200,
            widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
            help_text=_("Dipakai sekali untuk tindakan ini dan tidak disimpan."),
        )

    def clean(self):
        data = super().clean()
        if "tte" not in self.fields or not data.get("tte"):
            data["passphrase"] = None
        elif not data.get("passphrase"):
            self.add_error("passphrase", _("Masukkan frasa sandi sertifikat elektronik Anda."))
        data.pop("tte", None)
        return data


class SetForm(SignForm):
    number = PlainTextField(label=_("Nomor keputusan"), max_length=100)
    decree_date = forms.DateField(
        label=_("Tanggal penetapan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )


class ReasonForm(ActForm):
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


class ReturnForm(ActForm):
    """The return's notes (Pasal 12 ayat (4)): a formset of notes, each optionally on a
    standard and a component, cleaned to `notes`, a list of (standard, component, text)."""

    def __init__(self, data=None, *, user, decree: Decree):
        super().__init__(data, user=user, decree=decree)
        self.note_forms = ReturnNoteFormSet(data, form_kwargs={"decree": decree}, prefix="notes")

    def clean(self):
        data = super().clean()
        if not self.note_forms.is_valid():
            raise forms.ValidationError(_("Periksa kembali catatan di bawah."))
        data["notes"] = [
            (
                f.cleaned_data.get("standard"),
                f.cleaned_data.get("component", ""),
                f.cleaned_data.get("text", ""),
            )
            for f in self.note_forms.forms
            if f.cleaned_data
        ]
        return data


class SignedScanForm(forms.Form):
    files = ScanField(
        label=_("Pindaian keputusan bertanda tangan"),
        help_text=_(
            "Satu PDF, atau gambar JPEG/PNG tiap halaman (urut sesuai halaman): digabung "
            "menjadi satu PDF. Paling besar 10 MB per berkas, 25 MB dan 10 berkas sekaligus."
        ),
    )

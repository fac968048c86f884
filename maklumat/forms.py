from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bontang_sp.validators import PlainTextField

from .models import COMPENSATION_MAX, STATEMENT_MAX, MaklumatLayout


def _statement_field(label, help_text) -> PlainTextField:
    return PlainTextField(
        label=label,
        max_length=STATEMENT_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MaklumatDraftForm(forms.Form):
    statement_promise = _statement_field(
        _("a. Janji dan kesanggupan"),
        _(
            "Pasal 14 ayat (2) huruf a: janji dan kesanggupan melaksanakan pelayanan sesuai "
            "Standar Pelayanan. Tulis sebagai lanjutan kalimat \u201cDengan ini, kami "
            "menyatakan \u2026\u201d."
        ),
    )
    statement_obligation = _statement_field(
        _("b. Kewajiban dan perbaikan terus-menerus"),
        _(
            "Pasal 14 ayat (2) huruf b: memberikan pelayanan sesuai kewajiban dan melakukan "
            "perbaikan secara terus-menerus."
        ),
    )
    statement_sanction = _statement_field(
        _("c. Sanksi dan/atau kompensasi"),
        _(
            "Pasal 14 ayat (2) huruf c: bersedia menerima sanksi dan/atau memberikan "
            "kompensasi apabila pelayanan tidak sesuai Standar Pelayanan."
        ),
    )
    compensation = PlainTextField(
        label=_("Bentuk kompensasi (opsional)"),
        required=False,
        max_length=COMPENSATION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Kompensasi yang nyata, misalnya cetak ulang gratis, pengantaran dokumen ke "
            "rumah, atau permohonan maaf atas keterlambatan."
        ),
    )
    layout = forms.ChoiceField(
        label=_("Bentuk penulisan pada poster"),
        choices=MaklumatLayout.choices,
        initial=MaklumatLayout.PARAGRAPH,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MaklumatSetForm(forms.Form):
    set_on = forms.DateField(
        label=_("Tanggal penetapan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tanggal yang tertulis di bawah Maklumat, di atas tanda tangan Anda."),
    )
    # The revision the head read: a draft changed since is not set unread.
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    confirm = forms.BooleanField(
        label=_(
            "Saya, Kepala Perangkat Daerah, menetapkan Maklumat Pelayanan ini sebagaimana "
            "tertulis di atas."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["set_on"].initial = timezone.localdate()
        self.fields["set_on"].widget.attrs["max"] = timezone.localdate().isoformat()

"""Forms of the public verification page: a code to look up, a PDF to compare."""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import CODE_ALPHABET, CODE_LENGTH, normalise_code

MAX_VERIFY_UPLOAD_BYTES = 20 * 1024 * 1024


class CodeForm(forms.Form):
    kode = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=40,
        help_text=_("Sepuluh huruf dan angka yang tercetak di bagian bawah setiap halaman."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_kode(self) -> str:
        code = normalise_code(self.cleaned_data["kode"])
        if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
            raise ValidationError(
                _("Kode verifikasi terdiri atas 10 huruf dan angka, misalnya ABCDE-23456."),
                code="invalid_code",
            )
        return code


class VerifyUploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas PDF"),
        help_text=_("PDF yang ingin Anda periksa, paling besar 20 MB. Berkas tidak disimpan."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if upload.size > MAX_VERIFY_UPLOAD_BYTES:
            raise ValidationError(
                _("Berkas terlalu besar (%(size)s); paling besar 20 MB.")
                % {"size": filesizeformat(upload.size)},
                code="too_large",
            )
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise ValidationError(_("Berkas ini bukan PDF."), code="not_pdf")
        upload.seek(0)
        # Kept for the signature check (documents.signing.validation); never stored.
        self.pdf_bytes = b"".join(upload.chunks())
        return hashlib.sha256(self.pdf_bytes).hexdigest()

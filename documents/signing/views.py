"""The signer's own certificate page (staff): see it, upload a new one, withdraw it.

Only for oneself: no view takes another user's certificate, and the superuser has none.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import attach_errors

from ..models import SigningCredential
from ..uploads import JudgedFileField, limit_upload_size, read_pkcs12_upload
from . import services


class CredentialUploadForm(forms.Form):
    berkas = JudgedFileField(
        judge=read_pkcs12_upload,
        label=gettext_lazy("Berkas sertifikat (PKCS#12: .p12 atau .pfx)"),
        help_text=gettext_lazy("Berkas dari penyelenggara sertifikasi (BSrE), paling besar 64 KB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx,application/x-pkcs12"}),
    )
    passphrase = forms.CharField(
        label=gettext_lazy("Frasa sandi sertifikat"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=gettext_lazy("Untuk memeriksa berkas; tidak disimpan."),
    )


@limit_upload_size
def credential_page(request):
    user = request.user
    form = CredentialUploadForm()
    if request.method == "POST" and not request.upload_too_large:
        form = CredentialUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.credential_upload(
                    actor=user,
                    data=form.cleaned_data["berkas"],
                    passphrase=form.cleaned_data["passphrase"],
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("Sertifikat elektronik disimpan."))
                return redirect("documents:signing-credential")
    return render(
        request,
        "documents/signing_credential.html",
        {
            "form": form,
            "credential": services.active_credential(user),
            "history": SigningCredential.objects.filter(owner=user, revoked_at__isnull=False)[:10],
            "superuser": user.is_superuser,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def credential_withdraw(request):
    credential = services.active_credential(request.user)
    if credential is not None:
        services.credential_revoke(
            actor=request.user, credential=credential, reason="dicabut pemilik"
        )
        messages.success(request, _("Sertifikat elektronik dicabut; tidak dapat dipakai lagi."))
    return redirect("documents:signing-credential")

"""An uploaded workbook kept between its preview and the user's confirmation.

The file lives in private storage (never in the session), with its SHA-256: the confirm
imports exactly the bytes that were previewed, and says so when they changed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from documents.uploads import private_upload_path

__all__ = ["SpreadsheetUpload"]


def upload_path(instance, filename: str) -> str:
    return private_upload_path("imports", filename)


class SpreadsheetUpload(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.CASCADE,
        related_name="spreadsheet_uploads",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file = models.FileField(_("berkas"), upload_to=upload_path, max_length=255)
    original_name = models.CharField(_("nama berkas asli"), max_length=150)
    content_type = models.CharField(_("jenis isi"), max_length=80, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    imported_at = models.DateTimeField(_("diimpor"), null=True, blank=True)

    class Meta:
        verbose_name = _("Unggahan buku kerja")
        verbose_name_plural = _("Unggahan buku kerja")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.agency})"

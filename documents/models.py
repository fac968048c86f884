"""The registry of every PDF the application makes: what it is, whose, its bytes and
their SHA-256, its render job state, and whether it is issued and still in force."""

from __future__ import annotations

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency
from bontang_sp.states import Move, StateTable

# Verification codes: 10 characters from an alphabet without 0/O, 1/I/L and U, so that a
# code read off paper is typed right. 31 ** 10 is about 8 * 10 ** 14 (49 bits); with the
# verification page rate-limited, guessing a code is hopeless.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
# Render attempts (deliveries of the task, retries included) before a document is failed.
MAX_ATTEMPTS = 5


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a citizen typed ("abcde-fghjk ", with a dash or spaces) -> the stored form."""
    return "".join(char for char in text.upper() if char.isalnum())


def format_code(code: str) -> str:
    """ABCDEFGHJK -> ABCDE-FGHJK, as printed on the documents."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if code else ""


def document_file_path(instance: Document, filename: str) -> str:
    """A private folder (never served) and a random name: the path reveals nothing."""
    suffix = PurePosixPath(filename).suffix.lower() or ".pdf"
    today = timezone.localdate()
    return f"private/documents/{today:%Y/%m}/{secrets.token_urlsafe(18)}{suffix}"


class DocumentKind(models.TextChoices):
    STANDARD_PREVIEW = "standard_preview", _("Pratinjau Standar Pelayanan")
    DRAFT_DECREE = "draft_decree", _("Rancangan Keputusan")
    DECREE = "decree", _("Keputusan Kepala Perangkat Daerah")
    MAYOR_DECREE = "mayor_decree", _("Keputusan Wali Kota")
    MAKLUMAT = "maklumat", _("Maklumat Pelayanan")
    MAKLUMAT_POSTER = "maklumat_poster", _("Poster Maklumat Pelayanan")
    CONSULTATION_INVITATION = "consultation_invitation", _("Undangan Konsultasi Publik")
    ATTENDANCE_SHEET = "attendance_sheet", _("Daftar Hadir")
    MINUTES = "minutes", _("Berita Acara Pembahasan")
    REPORT = "report", _("Laporan")
    SURVEY_POSTER = "survey_poster", _("Poster Survei Kepuasan Masyarakat")
    OTHER = "other", _("Lainnya")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu dibuat")
    RENDERING = "rendering", _("Sedang dibuat")
    READY = "ready", _("Siap")
    FAILED = "failed", _("Gagal dibuat")


_D = DocumentStatus
_NOT_READY = (_D.PENDING, _D.RENDERING, _D.FAILED)
# The render job (documents.jobs): attempts are capped, so its one loop (a failed attempt
# back to pending) ends; a ready document is final.
DOCUMENT_MOVES = StateTable(
    Move(
        "claim", (_D.PENDING, _D.RENDERING), _D.RENDERING, _("Dokumen ini tidak menunggu dibuat.")
    ),
    Move("store", _NOT_READY, _D.READY, _("Dokumen ini sudah siap.")),
    Move("retry", _NOT_READY, _D.PENDING, _("Dokumen ini sudah siap.")),
    Move("give_up", _NOT_READY, _D.FAILED, _("Dokumen ini sudah siap.")),
    Move("restart", (_D.FAILED,), _D.PENDING, _("Hanya dokumen yang gagal yang dibuat ulang.")),
)


class DocumentQuerySet(models.QuerySet):
    def for_subject(self, subject: models.Model) -> DocumentQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
        )

    def issued(self) -> DocumentQuerySet:
        return self.filter(issued=True)

    def in_force(self) -> DocumentQuerySet:
        return self.filter(issued=True, superseded_by__isnull=True, revoked_at__isnull=True)

    def unfinished(self) -> DocumentQuerySet:
        return self.filter(status__in=[DocumentStatus.PENDING, DocumentStatus.RENDERING])


class Document(models.Model):
    kind = models.CharField(_("jenis dokumen"), max_length=40, choices=DocumentKind.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    title = models.CharField(_("judul"), max_length=300)
    # What the document is about: any app's object (a standard, a decree, a Maklumat...).
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("jenis pokok dokumen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("pokok dokumen"), null=True, blank=True)
    subject = GenericForeignKey("content_type", "object_id")

    file = models.FileField(
        _("berkas"), upload_to=document_file_path, blank=True, max_length=255, editable=False
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    code = models.CharField(
        _("kode verifikasi"),
        max_length=CODE_LENGTH,
        unique=True,
        default=new_verification_code,
        editable=False,
    )

    # The render job (durable: the row is the job; the Celery message only wakes a worker).
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    last_activity_at = models.DateTimeField(_("aktivitas terakhir"), default=timezone.now)
    rendered_at = models.DateTimeField(_("selesai dibuat"), null=True, blank=True)
    issue_when_ready = models.BooleanField(_("terbitkan setelah siap"), default=False)

    # Issued (frozen) documents are never rendered again; `public` lets citizens download.
    issued = models.BooleanField(_("diterbitkan"), default=False)
    issued_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    public = models.BooleanField(_("dapat diunduh publik"), default=False)
    reference_number = models.CharField(_("nomor"), max_length=100, blank=True)
    reference_date = models.DateField(_("tanggal"), null=True, blank=True)

    # In force unless superseded or revoked.
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("digantikan oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    superseded_at = models.DateTimeField(_("digantikan pada"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoke_reason = models.TextField(_("alasan pencabutan"), blank=True)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokumen")
        verbose_name_plural = _("Dokumen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind"], name="document_subject"),
            models.Index(fields=["status", "last_activity_at"], name="document_job"),
            models.Index(fields=["sha256"], name="document_sha256"),
        ]
        constraints = [
            # Only a rendered document can be issued: issued bytes exist and are hashed.
            models.CheckConstraint(
                condition=Q(issued=False) | Q(status=DocumentStatus.READY),
                name="document_issued_is_ready",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.READY) | (~Q(sha256="") & ~Q(file="")),
                name="document_ready_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=models.F("id")), name="document_not_own_successor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.display_code}]"

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def verification_url(self) -> str:
        return settings.SITE_URL + reverse("documents:verify", args=[self.code])

    @property
    def is_ready(self) -> bool:
        return self.status == DocumentStatus.READY

    @property
    def is_unfinished(self) -> bool:
        return self.status in (DocumentStatus.PENDING, DocumentStatus.RENDERING)

    @property
    def is_superseded(self) -> bool:
        return self.superseded_by_id is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_in_force(self) -> bool:
        return self.issued and not self.is_superseded and not self.is_revoked

"""The Keputusan (decree) that carries standard versions through evaluation, setting
and ratification (Pasal 12), its audit trail and the reviewers' notes.

Only `standards.decrees.workflow.transition()` assigns `Decree.status`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency
from bontang_sp.validators import validate_plain_text
from documents.uploads import private_upload_path

from .drafting import ComponentKind, ServiceStandard, long_text_validators

__all__ = [
    "ACTIVE_DECREE_STATUSES",
    "Decree",
    "DecreeStatus",
    "DecreeStandard",
    "ReviewNote",
    "StatusChange",
]


def signed_scan_path(instance, filename: str) -> str:
    return private_upload_path("decrees", filename)


class DecreeStatus(models.TextChoices):
    DRAFT = "draft", _("Rancangan")
    SUBMITTED = "submitted", _("Diajukan untuk evaluasi")
    EVALUATED = "evaluated", _("Lulus evaluasi")
    SET = "set", _("Ditetapkan")
    IN_FORCE = "in_force", _("Berlaku")
    REVOKED = "revoked", _("Dicabut")
    # Wholly amended: every version it carried was replaced by a later decree's.
    REPLACED = "replaced", _("Digantikan")
    WITHDRAWN = "withdrawn", _("Ditarik")


# A decree still on its way: its standards belong to it and to no other new decree.
ACTIVE_DECREE_STATUSES = (
    DecreeStatus.DRAFT,
    DecreeStatus.SUBMITTED,
    DecreeStatus.EVALUATED,
    DecreeStatus.SET,
)


class Decree(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("Perangkat Daerah"), on_delete=models.PROTECT, related_name="decrees"
    )
    # Pasal 12 ayat (2): PTSP and PATEN standards are set by Keputusan Wali Kota.
    by_mayor = models.BooleanField(_("Keputusan Wali Kota"), default=False, editable=False)
    title = models.CharField(_("judul"), max_length=500, validators=[validate_plain_text])
    considerations = models.TextField(_("menimbang"), blank=True, validators=long_text_validators())
    legal_references = models.TextField(
        _("mengingat"), blank=True, validators=long_text_validators()
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DecreeStatus.choices,
        default=DecreeStatus.DRAFT,
        editable=False,
    )
    number = models.CharField(
        _("nomor"), max_length=100, blank=True, validators=[validate_plain_text]
    )
    decree_date = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True, editable=False)
    amends = models.ForeignKey(
        "self",
        verbose_name=_("keputusan yang diubah/dicabut"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amended_by",
    )
    # An earlier decree (set before this application) entered in the register by the
    # `record` act: it was not consulted, evaluated or ratified here.
    recorded = models.BooleanField(
        _("dicatat dari keputusan yang sudah ada"), default=False, editable=False
    )
    signer_name = models.CharField(
        _("penandatangan"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    ratified_on = models.DateField(_("tanggal pengesahan"), null=True, blank=True)
    revoked_on = models.DateField(_("tanggal pencabutan"), null=True, blank=True)
    revoke_reason = models.TextField(
        _("alasan pencabutan"), blank=True, validators=long_text_validators()
    )
    # The wet-signed decree, scanned: kept beside the rendered one (PDF, JPEG or PNG).
    signed_scan = models.FileField(
        _("pindaian keputusan bertanda tangan basah"),
        blank=True,
        max_length=255,
        upload_to=signed_scan_path,
    )
    signed_scan_name = models.CharField(_("nama berkas asli"), max_length=150, blank=True)
    signed_scan_type = models.CharField(_("jenis isi"), max_length=50, blank=True)
    signed_scan_sha256 = models.CharField(_("SHA-256 pindaian"), max_length=64, blank=True)
    standards = models.ManyToManyField(
        ServiceStandard,
        through="DecreeStandard",
        verbose_name=_("standar pelayanan"),
        related_name="decrees",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        verbose_name = _("Keputusan")
        verbose_name_plural = _("Keputusan")
        ordering = ["-created_at"]
        constraints = [
            # Decree numbers are unique per agency and year; the mayor's across the city.
            models.UniqueConstraint(
                fields=["agency", "year", "number"],
                condition=~Q(number="") & Q(by_mayor=False),
                name="decree_number_unique_per_agency_year",
            ),
            models.UniqueConstraint(
                fields=["year", "number"],
                condition=~Q(number="") & Q(by_mayor=True),
                name="mayor_decree_number_unique_per_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def reference(self) -> str:
        """What tells two decrees of one agency apart (their titles are often the same):
        number and date once set, else the draft's number and the day it was made."""
        from django.utils import formats, timezone

        if self.number:
            when = formats.date_format(self.decree_date) if self.decree_date else ""
            return _("Nomor %(number)s tanggal %(date)s") % {"number": self.number, "date": when}
        made = timezone.localdate(self.created_at) if self.created_at else None
        return _("rancangan no. %(pk)s, dibuat %(date)s") % {
            "pk": self.pk,
            "date": formats.date_format(made) if made else "",
        }

    @property
    def label(self) -> str:
        """Title, reference and agency: each entry of a list or a dropdown distinct."""
        return f"{self.title} — {self.reference} — {self.agency.name}"


class DecreeStandard(models.Model):
    """One lampiran of the decree: one standard version."""

    decree = models.ForeignKey(Decree, on_delete=models.CASCADE, related_name="lampiran")
    standard = models.ForeignKey(ServiceStandard, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Lampiran Keputusan")
        verbose_name_plural = _("Lampiran Keputusan")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decree", "standard"], name="decree_standard_once"),
        ]

    def __str__(self) -> str:
        return f"{self.decree} — {self.standard}"


class StatusChange(models.Model):
    """The audit trail: one row for every transition, written in its transaction."""

    decree = models.ForeignKey(Decree, on_delete=models.CASCADE, related_name="status_changes")
    action = models.CharField(_("tindakan"), max_length=30)
    from_status = models.CharField(_("dari"), max_length=20, choices=DecreeStatus.choices)
    to_status = models.CharField(_("menjadi"), max_length=20, choices=DecreeStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("catatan"), blank=True)
    at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("Riwayat Status")
        verbose_name_plural = _("Riwayat Status")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.decree}: {self.from_status} -> {self.to_status}"


class ReviewNote(models.Model):
    """A reviewer's note (Pasal 12 ayat (4)), optionally on one standard and component."""

    decree = models.ForeignKey(Decree, on_delete=models.CASCADE, related_name="review_notes")
    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_notes",
    )
    component = models.CharField(
        _("komponen"), max_length=30, choices=ComponentKind.choices, blank=True
    )
    text = models.TextField(_("catatan"), validators=long_text_validators())
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    # The drafters' answer: what they changed, or why not (Pasal 12 ayat (4)).
    answer = models.TextField(
        _("tindak lanjut penyusun"), blank=True, validators=long_text_validators()
    )
    addressed_at = models.DateTimeField(_("ditindaklanjuti"), null=True, blank=True)
    addressed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Catatan Evaluasi")
        verbose_name_plural = _("Catatan Evaluasi")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def applies_to_every_standard(self) -> bool:
        """A note on a component but on no one standard concerns each standard of the decree."""
        return self.standard_id is None and bool(self.component)

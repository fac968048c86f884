"""Public consultation of draft standards (Pasal 11) and its evidence (Pasal 12 ayat (3)).

A `Consultation` is one focused group discussion or public hearing of an agency, about one
or more draft `ServiceStandard` versions. It records who was invited and who came, every
input (masukan) with its outcome and the change it led to (Pasal 4 ayat (2)-(3): partisipatif,
akuntabel), and the signed scans. `standards` reads `standard.consultations.complete()`
through the reverse relation, without importing this app.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency
from bontang_sp.states import Move, StateTable
from bontang_sp.validators import validate_plain_text
from documents.uploads import private_upload_path
from standards.models import ComponentKind, ServiceStandard

TEXT_MAX = 5000
SHORT_MAX = 300
NAME_MAX = 150


def _long_text():
    return [validate_plain_text, MaxLengthValidator(TEXT_MAX)]


class ConsultationMethod(models.TextChoices):
    # Pasal 11 ayat (1)
    FGD = "fgd", _("Diskusi Grup Terfokus (FGD)")
    HEARING = "hearing", _("Dengar Pendapat Publik")


class ConsultationStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    HELD = "held", _("Telah dilaksanakan")
    MINUTES_SIGNED = "minutes_signed", _("Berita acara ditandatangani")
    CANCELLED = "cancelled", _("Dibatalkan")


_C = ConsultationStatus
# Pasal 11: a meeting is held and its berita acara signed, or it is called off while planned.
CONSULTATION_MOVES = StateTable(
    Move(
        "cancel",
        (_C.PLANNED,),
        _C.CANCELLED,
        _("Hanya pembahasan yang masih direncanakan yang dapat dibatalkan."),
        "not_planned",
    ),
    Move(
        "hold", (_C.PLANNED,), _C.HELD, _("Pembahasan ini sudah dicatat terlaksana."), "not_planned"
    ),
    Move("close", (_C.HELD,), _C.MINUTES_SIGNED, _("Pembahasan belum dicatat terlaksana.")),
)
CONSULTATION_ORDER = (_C.PLANNED, _C.HELD, _C.MINUTES_SIGNED, _C.CANCELLED)


class ParticipantCategory(models.TextChoices):
    # Pasal 11 ayat (2): the public and related parties; then the government side.
    SERVICE_USER = "service_user", _("Pengguna layanan")
    COMMUNITY_LEADER = "community_leader", _("Tokoh masyarakat")
    OBSERVER = "observer", _("Pemerhati")
    RELATED_ORGANISATION = "related_organisation", _("Organisasi terkait")
    AGENCY = "agency", _("Perangkat Daerah")
    ORGANISATION_DIVISION = "organisation_division", _("Bagian Organisasi Setda")


# Pasal 11 ayat (1)-(2): the discussion must include these (Masyarakat dan pihak terkait).
PUBLIC_CATEGORIES = (
    ParticipantCategory.SERVICE_USER,
    ParticipantCategory.COMMUNITY_LEADER,
    ParticipantCategory.OBSERVER,
    ParticipantCategory.RELATED_ORGANISATION,
)


class ScanKind(models.TextChoices):
    INVITATION = "invitation", _("Bukti undangan")
    ATTENDANCE = "attendance", _("Daftar hadir bertanda tangan")
    MINUTES = "minutes", _("Berita acara bertanda tangan")
    PHOTO = "photo", _("Foto kegiatan")


# Pasal 12 ayat (3): invitation, attendance list (huruf a) and berita acara (huruf b).
REQUIRED_SCANS = (ScanKind.INVITATION, ScanKind.ATTENDANCE, ScanKind.MINUTES)


class InputOutcome(models.TextChoices):
    PENDING = "pending", _("Belum diputuskan")
    ADOPTED = "adopted", _("Diterima")
    NOT_ADOPTED = "not_adopted", _("Tidak diterima")


class ConsultationQuerySet(models.QuerySet):
    def complete(self) -> ConsultationQuerySet:
        """Pasal 11 ayat (3), Pasal 12 ayat (3): minutes signed and the invitation proof, the
        signed attendance list and the signed berita acara all uploaded. Works from
        `standard.consultations` too."""
        queryset = self.filter(status=ConsultationStatus.MINUTES_SIGNED)
        for kind in REQUIRED_SCANS:
            queryset = queryset.filter(
                Exists(ConsultationScan.objects.filter(consultation=OuterRef("pk"), kind=kind))
            )
        return queryset

    def for_agency(self, agency: Agency) -> ConsultationQuerySet:
        return self.filter(agency=agency)


class Consultation(models.Model):
    """One FGD or public hearing about one or more draft standards (Pasal 11 ayat (1))."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    method = models.CharField(
        _("metode pembahasan"), max_length=20, choices=ConsultationMethod.choices
    )
    starts_at = models.DateTimeField(_("waktu (WITA)"))
    place = models.CharField(_("tempat"), max_length=SHORT_MAX, validators=[validate_plain_text])
    agenda = models.TextField(_("acara"), validators=_long_text())
    chair_name = models.CharField(
        _("pimpinan rapat/moderator"), max_length=NAME_MAX, validators=[validate_plain_text]
    )
    note_taker_name = models.CharField(
        _("notulis"), max_length=NAME_MAX, validators=[validate_plain_text]
    )
    standards = models.ManyToManyField(
        ServiceStandard,
        verbose_name=_("rancangan standar yang dibahas"),
        related_name="consultations",
    )
    invitation_number = models.CharField(
        _("nomor surat undangan"),
        max_length=100,
        blank=True,
        validators=[validate_plain_text],
    )
    minutes_number = models.CharField(
        _("nomor berita acara"), max_length=100, blank=True, validators=[validate_plain_text]
    )
    agreements = models.TextField(
        _("kesepakatan"),
        blank=True,
        validators=_long_text(),
        help_text=_("Hasil kesepakatan pembahasan, dimuat dalam berita acara (Pasal 4 ayat (2))."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.PLANNED,
    )
    held_at = models.DateTimeField(_("dicatat terlaksana"), null=True, blank=True)
    minutes_signed_at = models.DateTimeField(_("berita acara ditutup"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("dibatalkan"), null=True, blank=True)
    cancel_reason = models.TextField(_("alasan pembatalan"), blank=True, validators=_long_text())
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[standards])

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Pembahasan dengan Masyarakat")
        verbose_name_plural = _("Pembahasan dengan Masyarakat")
        ordering = ["-starts_at", "-id"]
        constraints = [
            # Pasal 11 ayat (3): a signed berita acara has its number.
            models.CheckConstraint(
                condition=~Q(status="minutes_signed") | ~Q(minutes_number=""),
                name="consultation_signed_has_number",
            ),
            models.UniqueConstraint(
                fields=["agency", "minutes_number"],
                condition=~Q(minutes_number=""),
                name="consultation_unique_minutes_number",
            ),
        ]

    def __str__(self) -> str:
        when = self.starts_at.date().isoformat() if self.starts_at else ""
        return f"{self.get_method_display()} {self.agency.short_name or self.agency.name} {when}"

    @property
    def planned_in_past(self) -> bool:
        """A planned meeting whose time has passed: a typing error, or one recorded late."""
        return (
            self.status == ConsultationStatus.PLANNED
            and self.starts_at is not None
            and self.starts_at < timezone.now()
        )

    @property
    def past_warning(self) -> str:
        return str(
            _(
                "Waktu pembahasan (%(when)s) sudah lewat. Periksa tanggalnya; bila pembahasan "
                "memang sudah berlangsung, surat undangan diberi tanggal sebelum pembahasan."
            )
            % {"when": formats.date_format(timezone.localtime(self.starts_at), "DATETIME_FORMAT")}
        )

    @property
    def invitation_date(self):
        """The date the invitation letter carries (Pasal 12 ayat (3) huruf a): the day it is
        printed, but never after the meeting; for a meeting recorded after it was held, the
        day it was planned, or at the latest the meeting's own day."""
        meeting_day = timezone.localdate(self.starts_at)
        today = timezone.localdate()
        if today <= meeting_day:
            return today
        planned_on = timezone.localdate(self.created_at) if self.created_at else meeting_day
        return min(planned_on, meeting_day)

    @property
    def is_open(self) -> bool:
        """Participants, inputs, scans and plan can change until the berita acara is signed
        or the meeting is called off."""
        return self.status not in (ConsultationStatus.MINUTES_SIGNED, ConsultationStatus.CANCELLED)

    @property
    def frozen_message(self) -> str:
        """Why nothing of it can change any more (shown when someone tries)."""
        if self.status == ConsultationStatus.CANCELLED:
            return str(_("Pembahasan ini dibatalkan; catatannya tidak diubah lagi."))
        return str(
            _(
                "Berita acara pembahasan ini sudah ditandatangani; catatannya tidak dapat "
                "diubah lagi (Pasal 11 ayat (3))."
            )
        )


class Participant(models.Model):
    """An invitee, or a walk-in added at the door (invited False)."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("pembahasan"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    name = models.CharField(_("nama"), max_length=NAME_MAX, validators=[validate_plain_text])
    organisation = models.CharField(
        _("instansi/organisasi"),
        max_length=SHORT_MAX,
        blank=True,
        validators=[validate_plain_text],
    )
    category = models.CharField(_("unsur"), max_length=30, choices=ParticipantCategory.choices)
    contact = models.CharField(
        _("kontak (telepon/surel)"),
        max_length=150,
        blank=True,
        validators=[validate_plain_text],
    )
    invited = models.BooleanField(_("diundang"), default=True)
    attended = models.BooleanField(_("hadir"), default=False)
    attendance_marked_at = models.DateTimeField(_("kehadiran dicatat"), null=True, blank=True)
    signs_minutes = models.BooleanField(
        _("menandatangani berita acara sebagai wakil masyarakat"),
        default=False,
        help_text=_("Pasal 11 ayat (3): pihak yang terlibat turut menandatangani berita acara."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Peserta")
        verbose_name_plural = _("Peserta")
        ordering = ["consultation", "name", "id"]
        indexes = [models.Index(fields=["consultation", "category"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def is_public(self) -> bool:
        return self.category in PUBLIC_CATEGORIES

    @property
    def is_walk_in(self) -> bool:
        return not self.invited


class ConsultationInput(models.Model):
    """A masukan: what a participant said about one component of one standard, and what
    became of it (Pasal 4 ayat (3): accountable to those who gave it)."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("pembahasan"),
        on_delete=models.CASCADE,
        related_name="inputs",
    )
    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.PROTECT,
        related_name="consultation_inputs",
    )
    component = models.CharField(_("komponen"), max_length=30, choices=ComponentKind.choices)
    raised_by = models.ForeignKey(
        Participant,
        verbose_name=_("disampaikan oleh"),
        on_delete=models.PROTECT,
        related_name="inputs",
    )
    text = models.TextField(_("masukan"), validators=_long_text())
    outcome = models.CharField(
        _("tindak lanjut"),
        max_length=20,
        choices=InputOutcome.choices,
        default=InputOutcome.PENDING,
    )
    reason = models.TextField(_("alasan tidak diterima"), blank=True, validators=_long_text())
    # Where the adopted input changed the draft.
    change_component = models.CharField(
        _("komponen yang diubah"), max_length=30, choices=ComponentKind.choices, blank=True
    )
    change_description = models.TextField(
        _("perubahan pada rancangan"), blank=True, validators=_long_text()
    )
    # The historical record (django-simple-history) of the row or component text the
    # change produced: a link into the standard's history.
    change_record_type = models.ForeignKey(
        ContentType,
        verbose_name=_("jenis catatan riwayat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    change_record_id = models.PositiveBigIntegerField(_("catatan riwayat"), null=True, blank=True)
    change_record = GenericForeignKey("change_record_type", "change_record_id")
    position = models.PositiveIntegerField(_("urutan"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Masukan")
        verbose_name_plural = _("Masukan")
        ordering = ["consultation", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="not_adopted") | ~Q(reason=""),
                name="input_not_adopted_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="adopted")
                | (~Q(change_description="") & ~Q(change_component="")),
                name="input_adopted_has_change",
            ),
            models.CheckConstraint(
                condition=Q(change_record_type__isnull=True, change_record_id__isnull=True)
                | Q(change_record_type__isnull=False, change_record_id__isnull=False),
                name="input_change_record_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


def scan_upload_to(instance, filename: str) -> str:
    return private_upload_path("consultations", filename)


class ConsultationScan(models.Model):
    """A signed scan or a photo, stored under a random private name with its SHA-256."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("pembahasan"),
        on_delete=models.CASCADE,
        related_name="scans",
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=ScanKind.choices)
    file = models.FileField(_("berkas"), upload_to=scan_upload_to, max_length=255)
    original_name = models.CharField(_("nama berkas asli"), max_length=150)
    content_type = models.CharField(_("jenis isi"), max_length=50)
    size = models.PositiveIntegerField(_("ukuran (bait)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Pindaian")
        verbose_name_plural = _("Pindaian")
        ordering = ["consultation", "kind", "uploaded_at", "id"]
        indexes = [models.Index(fields=["consultation", "kind"])]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="scan_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"

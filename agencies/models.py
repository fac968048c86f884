"""Perangkat Daerah (Pasal 1 angka 4), their work units and who works for them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AgencyKind(models.TextChoices):
    REGIONAL_SECRETARIAT = "regional_secretariat", _("Sekretariat Daerah")
    COUNCIL_SECRETARIAT = "council_secretariat", _("Sekretariat DPRD")
    INSPECTORATE = "inspectorate", _("Inspektorat")
    OFFICE = "office", _("Dinas")
    BOARD = "board", _("Badan")
    CIVIL_SERVICE_POLICE = "civil_service_police", _("Satuan Polisi Pamong Praja")
    HOSPITAL = "hospital", _("Rumah Sakit Daerah")
    DISTRICT = "district", _("Kecamatan")
    VILLAGE = "village", _("Kelurahan")
    UPT = "upt", _("Unit Pelaksana Teknis")
    SCHOOL = "school", _("Satuan Pendidikan")


# Pasal 17 ayat (1): the parent agency drafts for these.
KINDS_DRAFTED_BY_PARENT = (AgencyKind.UPT, AgencyKind.SCHOOL)
# Pasal 17 ayat (2): Bagian Pemerintahan Setda drafts for these.
KINDS_COORDINATED_BY_GOVERNMENT_DIVISION = (AgencyKind.DISTRICT, AgencyKind.VILLAGE)

nip_validator = RegexValidator(
    r"^\d{18}$", _("NIP terdiri atas 18 angka tanpa spasi."), code="invalid_nip"
)


class AgencyQuerySet(models.QuerySet):
    def active(self) -> AgencyQuerySet:
        return self.filter(active=True)


class Agency(models.Model):
    name = models.CharField(_("nama"), max_length=200, unique=True)
    short_name = models.CharField(_("singkatan"), max_length=50, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("jenis"), max_length=30, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("UPT dan satuan pendidikan: dinas induknya; kelurahan: kecamatannya."),
    )
    decreed_by_mayor = models.BooleanField(
        _("ditetapkan dengan Keputusan Wali Kota"),
        default=False,
        help_text=_("PTSP dan PATEN (kecamatan): Pasal 12 ayat (2)."),
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    head_name = models.CharField(_("nama kepala"), max_length=150, blank=True)
    head_rank = models.CharField(_("pangkat/golongan kepala"), max_length=100, blank=True)
    head_nip = models.CharField(
        _("NIP kepala"), max_length=18, blank=True, validators=[nip_validator]
    )
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Perangkat Daerah")
        verbose_name_plural = _("Perangkat Daerah")
        ordering = ["name"]
        permissions = [
            # Object permissions, held per agency through django-guardian.
            ("draft_for_agency", _("Menyusun standar pelayanan Perangkat Daerah ini")),
            ("act_as_head", _("Bertindak sebagai Kepala Perangkat Daerah ini")),
            # City-wide roles, held through groups.
            ("evaluate_decrees", _("Mengevaluasi rancangan keputusan (Bagian Organisasi)")),
            ("act_for_mayor", _("Bertindak atas nama Wali Kota")),
            (
                "coordinate_regions",
                _("Menyusun untuk kecamatan dan kelurahan (Bagian Pemerintahan)"),
            ),
            ("monitor_agencies", _("Memantau seluruh Perangkat Daerah (Sekretaris Daerah)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="agency_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def drafted_by_parent(self) -> bool:
        return self.kind in KINDS_DRAFTED_BY_PARENT and self.parent_id is not None

    @property
    def coordinated_by_government_division(self) -> bool:
        return self.kind in KINDS_COORDINATED_BY_GOVERNMENT_DIVISION


class WorkUnit(models.Model):
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="work_units",
    )
    name = models.CharField(_("nama"), max_length=200)
    active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Unit Kerja")
        verbose_name_plural = _("Unit Kerja")
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="work_unit_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.short_name or self.agency.name})"


class MembershipRole(models.TextChoices):
    DRAFTER = "drafter", _("Penyusun")
    HEAD = "head", _("Kepala Perangkat Daerah")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("peran"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Keanggotaan")
        verbose_name_plural = _("Keanggotaan")
        ordering = ["agency__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency"], name="membership_one_role_per_agency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.agency}"


class Notification(models.Model):
    """An e-mail to a user, written in the transaction of the act that causes it and sent
    after commit by a task; unsent ones are retried, so a mail server that is down loses
    nothing. `key` makes a reminder idempotent: the same thing is never sent twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    subject = models.CharField(_("perihal"), max_length=200)
    body = models.TextField(_("isi"))
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    key = models.CharField(_("kunci"), max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("Pemberitahuan")
        verbose_name_plural = _("Pemberitahuan")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["sent_at", "created_at"], name="notification_unsent_idx"),
            # The header's unread count: one index-only count per staff page.
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"


class HolidayKind(models.TextChoices):
    JOINT_LEAVE = "joint_leave", _("Cuti bersama")
    LOCAL = "local", _("Hari libur daerah")


class Holiday(models.Model):
    """A day off beyond the weekends and the national holidays (which come from the
    `holidays` package): cuti bersama set by SKB Menteri each year, and local days the
    city gives. Read by `agencies.workdays` for every "hari kerja" figure."""

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=20, choices=HolidayKind.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Hari Libur")
        verbose_name_plural = _("Hari Libur (cuti bersama dan libur daerah)")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"

"""Services, drafting teams and the versions of each service's Standar Pelayanan.

The 14 components follow Pasal 8 and the order and labels of the Lampiran's format
table; the structured rows follow the identification steps of Lampiran 1.B.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency, WorkUnit, nip_validator
from bontang_sp.validators import MAX_RUPIAH, validate_plain_text
from documents.uploads import private_upload_path

__all__ = [
    "ServiceKind",
    "Service",
    "DraftingTeam",
    "TeamRole",
    "TeamMember",
    "ComponentKind",
    "StandardStatus",
    "ChangeReason",
    "ServiceStandardQuerySet",
    "ServiceStandard",
    "StandardComponent",
    "OrderedRow",
    "RequirementKind",
    "RequirementTiming",
    "Requirement",
    "DurationUnit",
    "ProcedureStep",
    "ChannelKind",
    "ComplaintChannel",
    "LegalBasisKind",
    "LegalBasis",
    "DELIVERY_COMPONENTS",
    "MANAGEMENT_COMPONENTS",
    "NAME_MAX",
    "SHORT_TEXT_MAX",
    "LONG_TEXT_MAX",
    "long_text_validators",
    "MAX_STEP_WORKING_DAYS",
    "MAX_STAFF_COUNT",
    "STEP_TIME_REQUIRED",
    "step_is_timed",
    "phone_validator",
]

# Text limits (characters). They keep documents readable and rendering bounded.
NAME_MAX = 200
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 5000


# A single procedure step may last at most 60 hari kerja (or the same in jam or menit at
# settings.WORKING_HOURS_PER_DAY): 60 working days is the longest time any national rule
# gives a public service (Perpres 76/2013 for a complaint needing investigation); more is
# a typing error (minutes typed as days) or a procedure that must be split.
MAX_STEP_WORKING_DAYS = 60
# Lampiran angka 1 huruf B angka 5: every step has a time above zero (it is summed into the
# service time). The one rule the step form and the completeness check both apply.
STEP_TIME_REQUIRED = _(
    "Lampiran angka 1 huruf B angka 5: waktu tahap harus lebih dari 0; isi lamanya dalam "
    "menit, jam, atau hari kerja."
)


def step_is_timed(duration_value) -> bool:
    return duration_value is not None and duration_value > 0


# Jumlah Pelaksana of one service: above this it is a typing error.
MAX_STAFF_COUNT = 1000


def long_text_validators():
    return [validate_plain_text, MaxLengthValidator(LONG_TEXT_MAX)]


def _money_validators():
    return [
        MinValueValidator(Decimal(0), _("Biaya tidak boleh negatif.")),
        MaxValueValidator(
            MAX_RUPIAH, _("Biaya satu tahap paling banyak Rp 1.000.000.000; periksa kembali.")
        ),
    ]


phone_validator = RegexValidator(
    r"^(?=(?:\D*\d){6})\+?[0-9(][0-9 ()./-]{4,48}$",  # at least 6 digits
    _("Tulis nomor telepon dengan angka, misalnya 0548-21234 atau 0812 5555 1234."),
    code="invalid_phone",
)


class ServiceKind(models.TextChoices):
    # Pasal 6-7
    GOODS = "goods", _("Pelayanan barang publik")
    SERVICES = "services", _("Pelayanan jasa publik")
    ADMINISTRATIVE = "administrative", _("Pelayanan administratif")


class Service(models.Model):
    """A jenis layanan of an agency (Pasal 10 ayat (1), Lampiran 1.B.1)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    work_unit = models.ForeignKey(
        WorkUnit,
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
    )
    name = models.CharField(
        _("nama layanan"), max_length=NAME_MAX, validators=[validate_plain_text]
    )
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("jenis pelayanan"), max_length=20, choices=ServiceKind.choices)
    description = models.TextField(
        _("uraian singkat"),
        blank=True,
        validators=[validate_plain_text, MaxLengthValidator(1000)],
    )
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Jenis Layanan")
        verbose_name_plural = _("Jenis Layanan")
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "slug"],
                name="service_unique_slug_per_agency",
                violation_error_message=_(
                    "Slug ini sudah dipakai layanan lain di Perangkat Daerah ini."
                ),
            ),
            models.UniqueConstraint(
                fields=["agency", "name"],
                name="service_unique_name_per_agency",
                violation_error_message=_("Nama layanan ini sudah ada di Perangkat Daerah ini."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


def team_scan_path(instance, filename: str) -> str:
    return private_upload_path("drafting-teams", filename)


class DraftingTeam(models.Model):
    """Tim penyusun formed by the agency head (Pasal 10 ayat (2)-(4))."""

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="drafting_team",
    )
    decree_number = models.CharField(
        _("nomor keputusan pembentukan"),
        max_length=100,
        blank=True,
        validators=[validate_plain_text],
    )
    decree_date = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    # Judged by documents.uploads and stored under a random private name.
    decree_scan = models.FileField(
        _("pindaian keputusan"), upload_to=team_scan_path, blank=True, max_length=255
    )
    decree_scan_name = models.CharField(_("nama berkas asli"), max_length=150, blank=True)
    decree_scan_type = models.CharField(_("jenis isi"), max_length=50, blank=True)
    decree_scan_sha256 = models.CharField(_("SHA-256 pindaian"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Tim Penyusun")
        verbose_name_plural = _("Tim Penyusun")

    def __str__(self) -> str:
        return f"Tim Penyusun {self.agency}"


class TeamRole(models.TextChoices):
    CHAIR = "chair", _("Ketua")
    SECRETARY = "secretary", _("Sekretaris")
    MEMBER = "member", _("Anggota")


class TeamMember(models.Model):
    team = models.ForeignKey(
        DraftingTeam, verbose_name=_("tim"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("nama"), max_length=150, validators=[validate_plain_text])
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[nip_validator])
    position = models.CharField(
        _("jabatan"), max_length=200, blank=True, validators=[validate_plain_text]
    )
    role = models.CharField(_("kedudukan dalam tim"), max_length=20, choices=TeamRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_memberships",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Anggota Tim Penyusun")
        verbose_name_plural = _("Anggota Tim Penyusun")
        ordering = ["team", "role", "name"]
        constraints = [
            # Pasal 10 ayat (4) huruf a: one ketua.
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(role="chair"),
                name="team_one_chair",
                violation_error_message=_(
                    "Pasal 10 ayat (4) huruf a: tim penyusun hanya memiliki satu ketua."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class ComponentKind(models.TextChoices):
    """Pasal 8; order and labels exactly as the Lampiran's format table."""

    REQUIREMENTS = "requirements", _("Persyaratan")
    PROCEDURE = "procedure", _("Sistem, Mekanisme Prosedur")
    SERVICE_TIME = "service_time", _("Jangka Waktu Pelayanan")
    FEE = "fee", _("Biaya/Tarif")
    PRODUCT = "product", _("Produk Pelayanan")
    COMPLAINTS = "complaints", _("Penanganan Pengaduan, Saran dan Masukan")
    LEGAL_BASIS = "legal_basis", _("Dasar Hukum")
    FACILITIES = "facilities", _("Sarana dan Prasarana/Fasilitas")
    STAFF_COMPETENCE = "staff_competence", _("Kompetensi Pelaksana")
    INTERNAL_SUPERVISION = "internal_supervision", _("Pengawasan Internal")
    STAFF_COUNT = "staff_count", _("Jumlah Pelaksana")
    SERVICE_GUARANTEE = "service_guarantee", _("Jaminan Pelayanan")
    SAFETY_GUARANTEE = "safety_guarantee", _("Jaminan Keamanan dan Keselamatan Pelayanan")
    STAFF_EVALUATION = "staff_evaluation", _("Evaluasi Kinerja Pelaksana")

    @property
    def number(self) -> int:
        return list(ComponentKind).index(self) + 1


# Pasal 8 huruf a (published: Pasal 9 ayat (1)) and huruf b (internal: Pasal 9 ayat (3)).
DELIVERY_COMPONENTS = tuple(list(ComponentKind)[:6])
MANAGEMENT_COMPONENTS = tuple(list(ComponentKind)[6:])


class StandardStatus(models.TextChoices):
    DRAFT = "draft", _("Rancangan")
    IN_FORCE = "in_force", _("Berlaku")
    SUPERSEDED = "superseded", _("Digantikan")
    REVOKED = "revoked", _("Dicabut")
    WITHDRAWN = "withdrawn", _("Ditarik")


class ChangeReason(models.TextChoices):
    # Pasal 12 ayat (5)
    POLICY = "policy", _("Perubahan kebijakan")
    INNOVATION = "innovation", _("Inovasi pelayanan")
    TECHNOLOGY = "technology", _("Penerapan teknologi informasi")
    BUSINESS_PROCESS = "business_process", _("Perubahan bisnis proses")
    OTHER = "other", _("Lainnya")


class ServiceStandardQuerySet(models.QuerySet):
    def in_force(self) -> ServiceStandardQuerySet:
        """The only versions the public may ever see."""
        return self.filter(status=StandardStatus.IN_FORCE, service__active=True)

    def in_progress(self) -> ServiceStandardQuerySet:
        return self.filter(status=StandardStatus.DRAFT)

    def free_drafts(self) -> ServiceStandardQuerySet:
        """Drafts not already carried by a decree that is still going (draft, under
        evaluation, evaluated or set): the ones a new decree may take."""
        from .decree import ACTIVE_DECREE_STATUSES

        return self.in_progress().exclude(decrees__status__in=ACTIVE_DECREE_STATUSES)


class ServiceStandard(models.Model):
    """One version of one service's Standar Pelayanan."""

    service = models.ForeignKey(
        Service, verbose_name=_("jenis layanan"), on_delete=models.PROTECT, related_name="standards"
    )
    version = models.PositiveIntegerField(_("versi"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=StandardStatus.choices, default=StandardStatus.DRAFT
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("versi sebelumnya"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
    )
    change_reason = models.CharField(
        _("alasan perubahan"), max_length=30, choices=ChangeReason.choices, blank=True
    )
    change_explanation = models.TextField(
        _("penjelasan perubahan"), blank=True, validators=long_text_validators()
    )
    # Lampiran 1.B.6: when the applicant pays, the tariff's legal basis must be named.
    fee_legal_basis = models.CharField(
        _("dasar hukum tarif"),
        max_length=SHORT_TEXT_MAX,
        blank=True,
        validators=[validate_plain_text],
    )
    # Lampiran 1.B.8: the contact block of complaint handling.
    complaint_officer = models.CharField(
        _("nama petugas pengaduan"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    complaint_phone = models.CharField(
        _("telepon/WhatsApp pengaduan"),
        max_length=50,
        blank=True,
        validators=[validate_plain_text, phone_validator],
    )
    complaint_email = models.EmailField(_("surel pengaduan"), blank=True)
    complaint_address = models.CharField(
        _("alamat kantor pengaduan"),
        max_length=SHORT_TEXT_MAX,
        blank=True,
        validators=[validate_plain_text],
    )
    complaint_escalation = models.TextField(
        _("penyelesaian di luar Perangkat Daerah"),
        blank=True,
        validators=long_text_validators(),
        help_text=_("Ke mana pengaduan dibawa bila tidak selesai di dalam Perangkat Daerah."),
    )
    staff_count = models.PositiveIntegerField(
        _("jumlah pelaksana"),
        null=True,
        blank=True,
        validators=[
            MaxValueValidator(
                MAX_STAFF_COUNT,
                _("Jumlah pelaksana lebih dari %(limit_value)s orang; periksa kembali."),
            )
        ],
    )
    # Pasal 9 ayat (3): management components stay internal unless the agency opts in.
    publish_management = models.BooleanField(
        _("tampilkan komponen pengelolaan di portal"), default=False
    )
    in_force_since = models.DateField(_("berlaku sejak"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revisi"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = ServiceStandardQuerySet.as_manager()

    class Meta:
        verbose_name = _("Standar Pelayanan")
        verbose_name_plural = _("Standar Pelayanan")
        ordering = ["service__name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="standard_unique_version"),
            # Pasal 12 ayat (5)-(6): one version in progress, one in force, per service.
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status="draft"),
                name="standard_one_in_progress",
                violation_error_message=_(
                    "Pasal 12 ayat (5): layanan ini sudah memiliki rancangan yang sedang disusun."
                ),
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status="in_force"),
                name="standard_one_in_force",
                violation_error_message=_("Layanan ini sudah memiliki standar yang berlaku."),
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="standard_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.service} (versi {self.version})"

    def clean(self) -> None:
        # Pasal 12 ayat (5): a changed standard states why it changed.
        if self.previous_id and self.status == StandardStatus.DRAFT:
            errors = {}
            if not self.change_reason:
                errors["change_reason"] = _(
                    "Pasal 12 ayat (5): pilih alasan perubahan Standar Pelayanan."
                )
            if not (self.change_explanation or "").strip():
                errors["change_explanation"] = _(
                    "Pasal 12 ayat (5): jelaskan apa yang berubah dan mengapa."
                )
            if errors:
                raise ValidationError(errors)

    @property
    def agency(self) -> Agency:
        return self.service.agency

    @property
    def is_editable(self) -> bool:
        return self.status == StandardStatus.DRAFT

    def under_decree_review(self) -> bool:
        """Pasal 12 ayat (4): while a decree carrying this version is submitted, evaluated
        or set, its text is frozen (one query)."""
        return self.decrees.filter(status__in=("submitted", "evaluated", "set")).exists()


class StandardComponent(models.Model):
    """The text of one of the 14 components; `revision` guards concurrent saves."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar"),
        on_delete=models.CASCADE,
        related_name="components",
    )
    kind = models.CharField(_("komponen"), max_length=30, choices=ComponentKind.choices)
    text = models.TextField(_("uraian"), blank=True, validators=long_text_validators())
    revision = models.PositiveIntegerField(_("revisi"), default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Komponen Standar Pelayanan")
        verbose_name_plural = _("Komponen Standar Pelayanan")
        constraints = [
            models.UniqueConstraint(fields=["standard", "kind"], name="component_unique_kind"),
        ]

    def __str__(self) -> str:
        return f"{ComponentKind(self.kind).number}. {self.get_kind_display()}"

    @property
    def number(self) -> int:
        return ComponentKind(self.kind).number


class OrderedRow(models.Model):
    """A row of a standard's table, kept in order, with its own save counter.

    `key` names the same row across versions: `standard_revise` copies it, so the diff
    can tell a changed row from a removed one and an added one.
    """

    position = models.PositiveIntegerField(_("urutan"), default=0)
    revision = models.PositiveIntegerField(_("revisi"), default=0)
    key = models.UUIDField(_("kunci baris"), default=uuid.uuid4, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True, null=True)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class RequirementKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Administratif")
    TECHNICAL = "technical", _("Teknis")


class RequirementTiming(models.TextChoices):
    # Lampiran 1.B.3 huruf b
    START = "start", _("Di awal")
    STAGED = "staged", _("Bertahap")
    END = "end", _("Di akhir")


class Requirement(OrderedRow):
    """Lampiran 1.B.3: a document or thing the applicant must provide."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    description = models.CharField(
        _("persyaratan"), max_length=SHORT_TEXT_MAX, validators=[validate_plain_text]
    )
    kind = models.CharField(
        _("jenis"),
        max_length=20,
        choices=RequirementKind.choices,
        default=RequirementKind.ADMINISTRATIVE,
    )
    timing = models.CharField(
        _("waktu penyampaian"),
        max_length=10,
        choices=RequirementTiming.choices,
        default=RequirementTiming.START,
    )
    step = models.ForeignKey(
        "ProcedureStep",
        verbose_name=_("tahap prosedur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requirements",
    )
    notes = models.CharField(
        _("keterangan"), max_length=SHORT_TEXT_MAX, blank=True, validators=[validate_plain_text]
    )
    history = HistoricalRecords()

    class Meta(OrderedRow.Meta):
        verbose_name = _("Persyaratan")
        verbose_name_plural = _("Persyaratan")
        constraints = [
            models.UniqueConstraint(fields=["standard", "key"], name="requirement_unique_key"),
        ]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        # Lampiran 1.B.3 huruf a: the requirement belongs to a step of the same standard.
        if self.step_id and self.standard_id and self.step.standard_id != self.standard_id:
            raise ValidationError({"step": _("Tahap prosedur harus tahap dari standar yang sama.")})


class DurationUnit(models.TextChoices):
    MINUTES = "minutes", _("menit")
    HOURS = "hours", _("jam")
    WORKING_DAYS = "working_days", _("hari kerja")


class ProcedureStep(OrderedRow):
    """Lampiran 1.B.4-1.B.7: one step of the procedure, its time, costs and output."""

    standard = models.ForeignKey(
        ServiceStandard, verbose_name=_("standar"), on_delete=models.CASCADE, related_name="steps"
    )
    actor = models.CharField(
        _("pelaksana"),
        max_length=150,
        validators=[validate_plain_text],
        help_text=_("Misalnya pemohon, petugas loket, verifikator, kepala seksi."),
    )
    action = models.TextField(
        _("kegiatan"), validators=[validate_plain_text, MaxLengthValidator(1000)]
    )
    duration_value = models.DecimalField(
        _("waktu"),
        max_digits=7,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0), _("Waktu tidak boleh negatif."))],
    )
    duration_unit = models.CharField(
        _("satuan waktu"), max_length=20, choices=DurationUnit.choices, default=DurationUnit.MINUTES
    )
    applicant_fee = models.DecimalField(
        _("biaya dibebankan kepada pemohon (Rp)"),
        max_digits=14,
        decimal_places=0,
        default=Decimal(0),
        validators=_money_validators(),
    )
    agency_cost = models.DecimalField(
        _("biaya ditanggung Perangkat Daerah (Rp)"),
        max_digits=14,
        decimal_places=0,
        default=Decimal(0),
        validators=_money_validators(),
    )
    output = models.CharField(
        _("keluaran"), max_length=SHORT_TEXT_MAX, blank=True, validators=[validate_plain_text]
    )
    history = HistoricalRecords()

    class Meta(OrderedRow.Meta):
        verbose_name = _("Tahap Prosedur")
        verbose_name_plural = _("Tahap Prosedur")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_value__gte=0), name="step_duration_not_negative"
            ),
            models.CheckConstraint(condition=Q(applicant_fee__gte=0), name="step_fee_not_negative"),
            models.CheckConstraint(condition=Q(agency_cost__gte=0), name="step_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(applicant_fee__lte=MAX_RUPIAH), name="step_fee_not_absurd"
            ),
            models.CheckConstraint(
                condition=Q(agency_cost__lte=MAX_RUPIAH), name="step_cost_not_absurd"
            ),
            models.UniqueConstraint(fields=["standard", "key"], name="step_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.actor}: {self.action[:60]}"

    @property
    def duration_display(self) -> str:
        """ "1 jam 30 menit", "setengah hari kerja": the one wording of a step's time."""
        from standards.totals import step_duration_display

        return step_duration_display(self.duration_value, self.duration_unit)

    def clean(self) -> None:
        # Lampiran 1.B.5: a step's time is summed into the service time; bound it so a
        # typing error (minutes entered as days) cannot promise months.
        from standards.totals import minutes_per_working_day, step_minutes

        if self.duration_value is None or self.duration_value < 0:
            return  # the field validator reports it
        limit = MAX_STEP_WORKING_DAYS * minutes_per_working_day()
        if step_minutes(self.duration_value, self.duration_unit) > limit:
            hours = MAX_STEP_WORKING_DAYS * minutes_per_working_day() / 60
            raise ValidationError(
                {
                    "duration_value": _(
                        "Lampiran angka 1 huruf B angka 5: satu tahap paling lama "
                        "%(days)s hari kerja (%(hours)s jam); pecah tahap ini atau periksa "
                        "satuannya."
                    )
                    % {"days": MAX_STEP_WORKING_DAYS, "hours": f"{hours.normalize():f}"}
                }
            )


class ChannelKind(models.TextChoices):
    # Lampiran 1.B.8 and the channels agencies use
    FACE_TO_FACE = "face_to_face", _("Tatap muka / petugas pengaduan")
    SUGGESTION_BOX = "suggestion_box", _("Kotak saran")
    SMS_WHATSAPP = "sms_whatsapp", _("SMS/WhatsApp")
    PHONE = "phone", _("Telepon")
    EMAIL = "email", _("Surel (e-mail)")
    WEBSITE = "website", _("Portal pengaduan di situs web")
    SOCIAL_MEDIA = "social_media", _("Media sosial")
    LAPOR = "lapor", _("SP4N-LAPOR!")


class ComplaintChannel(OrderedRow):
    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar"),
        on_delete=models.CASCADE,
        related_name="complaint_channels",
    )
    kind = models.CharField(_("saluran"), max_length=20, choices=ChannelKind.choices)
    detail = models.CharField(
        _("rincian"),
        max_length=SHORT_TEXT_MAX,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Nomor, alamat situs, atau letak kotak saran."),
    )
    history = HistoricalRecords()

    class Meta(OrderedRow.Meta):
        verbose_name = _("Saluran Pengaduan")
        verbose_name_plural = _("Saluran Pengaduan")
        constraints = [
            models.UniqueConstraint(fields=["standard", "key"], name="channel_unique_key"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class LegalBasisKind(models.TextChoices):
    LAW = "uu", _("Undang-Undang")
    GOVERNMENT_REGULATION = "pp", _("Peraturan Pemerintah")
    PRESIDENTIAL_REGULATION = "perpres", _("Peraturan Presiden")
    MINISTERIAL_REGULATION = "permen", _("Peraturan Menteri")
    REGIONAL_REGULATION = "perda", _("Peraturan Daerah")
    MAYORAL_REGULATION = "perwali", _("Peraturan Wali Kota")
    DECREE = "keputusan", _("Keputusan")
    OTHER = "other", _("Lainnya")


class LegalBasis(OrderedRow):
    """Lampiran 1.B.2: a regulation the service rests on."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar"),
        on_delete=models.CASCADE,
        related_name="legal_bases",
    )
    kind = models.CharField(_("jenis peraturan"), max_length=20, choices=LegalBasisKind.choices)
    number = models.CharField(_("nomor"), max_length=50, validators=[validate_plain_text])
    year = models.PositiveSmallIntegerField(
        _("tahun"),
        validators=[
            MinValueValidator(1945, _("Tahun peraturan paling awal 1945.")),
            MaxValueValidator(2100, _("Tahun peraturan tidak masuk akal.")),
        ],
    )
    title = models.CharField(_("tentang"), max_length=500, validators=[validate_plain_text])
    history = HistoricalRecords()

    class Meta(OrderedRow.Meta):
        verbose_name = _("Dasar Hukum")
        verbose_name_plural = _("Dasar Hukum")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2100), name="legal_basis_plausible_year"
            ),
            models.UniqueConstraint(fields=["standard", "key"], name="legal_basis_unique_key"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} Nomor {self.number} Tahun {self.year} tentang {self.title}"
        )

"""Monitoring and evaluation (Pasal 13, 15, 16): the SKM survey and its follow-ups."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency
from bontang_sp.states import Move, StateTable
from bontang_sp.validators import validate_plain_text
from documents.uploads import private_upload_path
from standards.models import Service, ServiceStandard

from .index import ELEMENT_CODES, ELEMENTS

SUGGESTION_MAX = 1000
ACTION_MAX = 1000


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Triwulan")
    SEMESTER = "semester", _("Semester")
    YEAR = "year", _("Tahun")


PERIOD_NUMBERS = {PeriodKind.QUARTER: 4, PeriodKind.SEMESTER: 2, PeriodKind.YEAR: 1}


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Dibuka")
    CLOSED = "closed", _("Ditutup")


PERIOD_MOVES = StateTable(
    Move("close", (PeriodStatus.OPEN,), PeriodStatus.CLOSED, _("Periode ini sudah ditutup.")),
)
PERIOD_ORDER = (PeriodStatus.OPEN, PeriodStatus.CLOSED)


class SurveyPeriod(models.Model):
    """One SKM period of an agency (Pasal 16 ayat (3); at least once a year)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="survey_periods",
    )
    kind = models.CharField(_("jenis periode"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2018), MaxValueValidator(2100)]
    )
    number = models.PositiveSmallIntegerField(
        _("ke-"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    population = models.PositiveIntegerField(
        _("populasi pengguna layanan"),
        null=True,
        blank=True,
        help_text=_("Perkiraan jumlah pengguna layanan dalam periode ini (untuk target sampel)."),
    )
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditutup oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Periode SKM")
        verbose_name_plural = _("Periode SKM")
        ordering = ["-year", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year", "number"], name="survey_period_unique"
            ),
            # One open period per agency: a response always knows where it belongs.
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(status="open"),
                name="survey_period_one_open_per_agency",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="year", number=1)
                    | Q(kind="semester", number__lte=2)
                    | Q(kind="quarter", number__lte=4)
                ),
                name="survey_period_number_fits_kind",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return f"{self.get_kind_display()} {self.year}"
        return f"{self.get_kind_display()} {self.number} {self.year}"

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN


class Gender(models.TextChoices):
    MALE = "male", _("Laki-laki")
    FEMALE = "female", _("Perempuan")


class AgeBand(models.TextChoices):
    UNDER_20 = "u20", _("Di bawah 20 tahun")
    FROM_20 = "20-29", _("20–29 tahun")
    FROM_30 = "30-39", _("30–39 tahun")
    FROM_40 = "40-49", _("40–49 tahun")
    FROM_50 = "50+", _("50 tahun ke atas")


class Education(models.TextChoices):
    PRIMARY = "sd", _("SD atau di bawahnya")
    JUNIOR = "smp", _("SMP")
    SENIOR = "sma", _("SMA/sederajat")
    DIPLOMA = "diploma", _("D1–D3")
    BACHELOR = "s1", _("D4/S1")
    POSTGRADUATE = "s2", _("S2 ke atas")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "asn", _("PNS/ASN/TNI/Polri")
    PRIVATE = "private", _("Pegawai swasta")
    SELF_EMPLOYED = "self", _("Wiraswasta/usahawan")
    STUDENT = "student", _("Pelajar/mahasiswa")
    OTHER = "other", _("Lainnya")


def _score_field(label) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class SurveyResponse(models.Model):
    """One complete, anonymous answer to the nine elements for one service (no name, no ID)."""

    period = models.ForeignKey(
        SurveyPeriod,
        verbose_name=_("periode"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("jenis layanan"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    requirements = _score_field(ELEMENTS[0][1])
    procedure = _score_field(ELEMENTS[1][1])
    service_time = _score_field(ELEMENTS[2][1])
    fee = _score_field(ELEMENTS[3][1])
    product = _score_field(ELEMENTS[4][1])
    competence = _score_field(ELEMENTS[5][1])
    behaviour = _score_field(ELEMENTS[6][1])
    facilities = _score_field(ELEMENTS[7][1])
    complaints = _score_field(ELEMENTS[8][1])
    gender = models.CharField(_("jenis kelamin"), max_length=10, choices=Gender.choices)
    age_band = models.CharField(_("usia"), max_length=10, choices=AgeBand.choices)
    education = models.CharField(_("pendidikan"), max_length=10, choices=Education.choices)
    occupation = models.CharField(_("pekerjaan"), max_length=10, choices=Occupation.choices)
    suggestion = models.TextField(
        _("saran"),
        blank=True,
        validators=[validate_plain_text, MaxLengthValidator(SUGGESTION_MAX)],
    )
    # The hash of the form's one-time nonce: the same form is never counted twice.
    nonce_hash = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("Jawaban SKM")
        verbose_name_plural = _("Jawaban SKM")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{code}__gte": 1}) & Q(**{f"{code}__lte": 4}),
                name=f"survey_response_{code}_1_to_4",
            )
            for code in ELEMENT_CODES
        ]
        indexes = [models.Index(fields=["period", "service"])]

    def __str__(self) -> str:
        return f"{self.service} · {self.submitted_at:%Y-%m-%d %H:%M}"

    def scores(self) -> dict[str, int]:
        return {code: getattr(self, code) for code in ELEMENT_CODES}


class FollowUpStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    IN_PROGRESS = "in_progress", _("Berjalan")
    DONE = "done", _("Selesai")


_F = FollowUpStatus
# A follow-up only moves forward: what was done stays done (the history keeps who moved it).
_BACK = _("Tindak lanjut tidak dapat kembali ke status sebelumnya.")
FOLLOW_UP_MOVES = StateTable(
    Move("start", (_F.PLANNED,), _F.IN_PROGRESS, _BACK),
    Move("finish", (_F.PLANNED, _F.IN_PROGRESS), _F.DONE, _BACK),
)
FOLLOW_UP_ORDER = (_F.PLANNED, _F.IN_PROGRESS, _F.DONE)


class FollowUp(models.Model):
    """A follow-up action of Pasal 16 ayat (4): what, who, by when, and how far it got."""

    action = models.TextField(
        _("tindak lanjut"), validators=[validate_plain_text, MaxLengthValidator(ACTION_MAX)]
    )
    owner = models.CharField(
        _("penanggung jawab"), max_length=150, validators=[validate_plain_text]
    )
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.PLANNED,
    )
    done_on = models.DateField(_("selesai pada"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False) | ~Q(status="done"),
                name="%(class)s_done_has_date",
            )
        ]

    def may_move_to(self, status: str) -> bool:
        return status in FOLLOW_UP_MOVES.targets_from(self.status)

    @property
    def status_choices(self) -> list[tuple[str, str]]:
        """The current status and those it may move on to, for the status form."""
        return [
            (value, label)
            for value, label in FollowUpStatus.choices
            if value == self.status or self.may_move_to(value)
        ]


class SurveyFollowUp(FollowUp):
    """A follow-up action on a low-scoring element (Pasal 16 ayat (4))."""

    period = models.ForeignKey(
        SurveyPeriod,
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("jenis layanan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_follow_ups",
    )
    element = models.CharField(
        _("unsur"), max_length=20, choices=[(code, label) for code, label, _a in ELEMENTS]
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta(FollowUp.Meta):
        verbose_name = _("Tindak lanjut SKM")
        verbose_name_plural = _("Tindak lanjut SKM")

    def __str__(self) -> str:
        return f"{self.get_element_display()}: {self.action[:60]}"

    @property
    def agency(self) -> Agency:
        return self.period.agency


# --- Pasal 13: application of a standard in force -------------------------------------


class ActivityKind(models.TextChoices):
    INTERNALISATION = "internalisation", _("Internalisasi")
    SOCIALISATION = "socialisation", _("Sosialisasi")


class ImplementationActivity(models.Model):
    """Pasal 13 ayat (2)-(4): an internalisation (to the agency's staff) or socialisation
    (to the public) of a standard in force, documented by the agency."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.PROTECT,
        related_name="implementation_activities",
    )
    kind = models.CharField(_("jenis kegiatan"), max_length=20, choices=ActivityKind.choices)
    held_on = models.DateField(_("tanggal"))
    audience = models.CharField(_("sasaran"), max_length=200, validators=[validate_plain_text])
    participants = models.PositiveIntegerField(
        _("jumlah peserta"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    summary = models.TextField(
        _("ringkasan"), validators=[validate_plain_text, MaxLengthValidator(ACTION_MAX * 3)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kegiatan penerapan")
        verbose_name_plural = _("Kegiatan penerapan")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"


def activity_upload_to(instance, filename: str) -> str:
    return private_upload_path("monitoring", filename)


class ActivityDocument(models.Model):
    """Documentation of an activity (Pasal 13 ayat (4)), judged by documents.uploads."""

    activity = models.ForeignKey(
        ImplementationActivity,
        verbose_name=_("kegiatan"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(_("berkas"), upload_to=activity_upload_to, max_length=255)
    original_name = models.CharField(_("nama berkas asli"), max_length=150)
    content_type = models.CharField(_("jenis isi"), max_length=50)
    size = models.PositiveIntegerField(_("ukuran (bait)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("Dokumentasi kegiatan")
        verbose_name_plural = _("Dokumentasi kegiatan")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="activity_document_not_empty")
        ]

    def __str__(self) -> str:
        return self.original_name


# --- Pasal 16 ayat (1), (2), (4): evaluation of a standard ----------------------------


class Evaluation(models.Model):
    """The head's evaluation of a standard: methods, success and inhibiting factors."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    evaluated_on = models.DateField(_("tanggal evaluasi"))
    # Pasal 16 ayat (2): analisis dokumen, survei, wawancara, observasi.
    method_documents = models.BooleanField(_("analisis dokumen"), default=False)
    method_survey = models.BooleanField(_("survei"), default=False)
    method_interview = models.BooleanField(_("wawancara"), default=False)
    method_observation = models.BooleanField(_("observasi"), default=False)
    success_factors = models.TextField(
        _("faktor keberhasilan"),
        validators=[validate_plain_text, MaxLengthValidator(ACTION_MAX * 3)],
    )
    inhibiting_factors = models.TextField(
        _("faktor penghambat"),
        validators=[validate_plain_text, MaxLengthValidator(ACTION_MAX * 3)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Evaluasi standar pelayanan")
        verbose_name_plural = _("Evaluasi standar pelayanan")
        ordering = ["-evaluated_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method_documents=True)
                | Q(method_survey=True)
                | Q(method_interview=True)
                | Q(method_observation=True),
                name="evaluation_has_a_method",
            )
        ]

    def __str__(self) -> str:
        return f"{self.standard} · {self.evaluated_on:%d-%m-%Y}"

    def methods(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in (
                "method_documents",
                "method_survey",
                "method_interview",
                "method_observation",
            )
            if getattr(self, name)
        ]


class EvaluationFollowUp(FollowUp):
    """A follow-up of an evaluation (Pasal 16 ayat (4)); it may start a revision of the
    standard (Pasal 12 ayat (5)), and the two stay linked."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluasi"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    revision = models.OneToOneField(
        ServiceStandard,
        verbose_name=_("perubahan standar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_follow_up",
    )
    history = HistoricalRecords()

    class Meta(FollowUp.Meta):
        verbose_name = _("Tindak lanjut evaluasi")
        verbose_name_plural = _("Tindak lanjut evaluasi")

    def __str__(self) -> str:
        return self.action[:60]

    @property
    def agency(self) -> Agency:
        return self.evaluation.standard.service.agency

"""The Sekretaris Daerah's dashboard (Pasal 15): every agency in one table, and a score
modelled on the policy aspect of PEKPPP (PermenPANRB 29/2022).

Every figure comes from a fixed number of queries, whatever the number of agencies: one
annotated query over the agencies (subqueries per column) and three grouped queries
(SKM sums of each agency's last period, SKM follow-ups, acts waiting in the workflow).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from consultations.models import Consultation, ConsultationStatus
from maklumat.selectors import with_maklumat_status
from standards.models import (
    Service,
    ServiceStandard,
    StandardStatus,
    TeamMember,
    TeamRole,
)
from standards.waits import WaitingDecree, waiting_decrees

from .index import ELEMENT_CODES, SurveyResult, compute
from .models import (
    ActivityKind,
    Evaluation,
    FollowUpStatus,
    ImplementationActivity,
    SurveyFollowUp,
    SurveyPeriod,
    SurveyResponse,
)

EVALUATION_DUE_DAYS = 365


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    weight: int  # percent
    meaning: str
    source: str


# The policy aspect of PEKPPP (PermenPANRB 29/2022), as the issue weighs it.
INDICATORS = (
    Indicator(
        "standard",
        _("Standar pelayanan tersedia"),
        17,
        _("Bagian jenis layanan yang terinventarisasi yang memiliki standar pelayanan berlaku."),
        _("Jenis layanan dan standar berlaku (Pasal 10, 12)"),
    ),
    Indicator(
        "involvement",
        _("Pelibatan masyarakat"),
        14,
        _(
            "Bagian standar berlaku yang dibahas bersama masyarakat dengan berita acara "
            "ditandatangani."
        ),
        _("Pembahasan FGD/dengar pendapat (Pasal 11, 12 ayat (3))"),
    ),
    Indicator(
        "publication",
        _("Publikasi komponen penyampaian pelayanan"),
        7,
        _(
            "Bagian standar berlaku yang telah disosialisasikan kepada masyarakat (selain "
            "dimuat di portal)."
        ),
        _("Catatan sosialisasi (Pasal 9, 13)"),
    ),
    Indicator(
        "review",
        _("Peninjauan berkala"),
        14,
        _(
            "Bagian standar berlaku yang dievaluasi dalam 12 bulan terakhir atau berlaku "
            "kurang dari 12 bulan."
        ),
        _("Evaluasi Kepala Perangkat Daerah (Pasal 16 ayat (1)-(2))"),
    ),
    Indicator(
        "maklumat",
        _("Siklus Maklumat Pelayanan"),
        10,
        _("Maklumat Pelayanan telah ditetapkan dan dipublikasikan."),
        _("Maklumat Pelayanan (Pasal 14)"),
    ),
    Indicator(
        "skm",
        _("SKM dilaksanakan"),
        17,
        _("Ada periode SKM dengan jawaban yang dibuka dalam 12 bulan terakhir."),
        _("Survei Kepuasan Masyarakat (Pasal 16 ayat (3))"),
    ),
    Indicator(
        "skm_published",
        _("Hasil SKM dipublikasikan"),
        7,
        _("Periode SKM terakhir telah ditutup dengan jawaban: hasilnya final dan terbit."),
        _("Periode SKM ditutup"),
    ),
    Indicator(
        "follow_up_share",
        _("Tindak lanjut hasil SKM"),
        7,
        _("Bagian tindak lanjut SKM yang selesai."),
        _("Tindak lanjut unsur bernilai rendah (Pasal 16 ayat (4))"),
    ),
    Indicator(
        "follow_up_speed",
        _("Kecepatan tindak lanjut"),
        7,
        _("Bagian tindak lanjut SKM yang selesai sebelum atau pada tenggatnya."),
        _("Tanggal selesai dan tenggat tindak lanjut"),
    ),
)
assert sum(indicator.weight for indicator in INDICATORS) == 100


@dataclass
class AgencyRow:
    agency: Agency
    services: int
    in_force: int
    team_formed: bool
    last_consultation: datetime.datetime | None
    maklumat_set: bool
    internalised: int
    socialised: int
    consulted: int
    last_evaluation: datetime.date | None
    overdue_evaluations: int
    skm_period: SurveyPeriod | None = None
    skm: SurveyResult | None = None
    skm_recent: bool = False
    follow_ups: int = 0
    follow_ups_done: int = 0
    follow_ups_on_time: int = 0
    waiting: int = 0
    waiting_since: datetime.datetime | None = None
    # In force through the `record` act: set by an earlier decree, not consulted here.
    recorded: int = 0
    values: dict[str, Decimal] = field(default_factory=dict)
    score: Decimal = Decimal(0)

    @property
    def share(self) -> Decimal | None:
        if not self.services:
            return None
        return (Decimal(self.in_force) * 100 / self.services).quantize(Decimal("0.1"))

    waits: list[WaitingDecree] = field(default_factory=list)

    @property
    def waiting_days(self) -> int | None:
        """The longest wait of the agency's decrees, in hari kerja."""
        if not self.waits:
            return None
        return max(item.wait.working_days for item in self.waits)

    @property
    def over_limit(self) -> int:
        return sum(1 for item in self.waits if item.over_limit)


def _count(queryset: QuerySet, by: str = "service__agency") -> Coalesce:
    """A correlated COUNT subquery grouped on the column tied to the outer agency."""
    return Coalesce(
        Subquery(
            queryset.order_by().values(by).annotate(c=Count("pk")).values("c")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _agencies(today: datetime.date) -> QuerySet[Agency]:
    in_force = ServiceStandard.objects.filter(
        service__agency=OuterRef("pk"), status=StandardStatus.IN_FORCE, service__active=True
    )
    year_ago = today - datetime.timedelta(days=EVALUATION_DUE_DAYS)

    def team_role(role):
        return Exists(TeamMember.objects.filter(team__agency=OuterRef("pk"), role=role))

    def activity(kind):
        return Exists(ImplementationActivity.objects.filter(standard=OuterRef("pk"), kind=kind))

    return with_maklumat_status(Agency.objects.filter(active=True)).annotate(
        n_services=_count(Service.objects.filter(agency=OuterRef("pk"), active=True), "agency"),
        n_in_force=_count(in_force),
        n_recorded=_count(in_force.filter(decrees__recorded=True, decrees__status="in_force")),
        team_formed=team_role(TeamRole.CHAIR)
        & team_role(TeamRole.SECRETARY)
        & team_role(TeamRole.MEMBER),
        last_consultation=Subquery(
            Consultation.objects.filter(agency=OuterRef("pk"))
            .order_by("-starts_at")
            .values("starts_at")[:1]
        ),
        n_internalised=_count(in_force.filter(activity(ActivityKind.INTERNALISATION))),
        n_socialised=_count(in_force.filter(activity(ActivityKind.SOCIALISATION))),
        n_consulted=_count(
            in_force.filter(
                Exists(
                    Consultation.objects.filter(
                        standards=OuterRef("pk"), status=ConsultationStatus.MINUTES_SIGNED
                    )
                )
            )
        ),
        last_evaluation=Subquery(
            Evaluation.objects.filter(standard__service__agency=OuterRef("pk"))
            .order_by("-evaluated_on")
            .values("evaluated_on")[:1]
        ),
        n_overdue=_count(
            in_force.filter(in_force_since__lte=year_ago).exclude(
                Exists(
                    Evaluation.objects.filter(standard=OuterRef("pk"), evaluated_on__gte=year_ago)
                )
            )
        ),
        last_period_id=Subquery(
            SurveyPeriod.objects.filter(agency=OuterRef("pk"))
            .order_by("-opened_at", "-pk")
            .values("pk")[:1]
        ),
    )


def dashboard_rows(
    today: datetime.date, waits: list[WaitingDecree] | None = None
) -> list[AgencyRow]:
    """One row per active agency, with its PEKPPP-style score (four queries in all, plus
    the waits of `standards.waits.waiting_decrees`, read once by the caller)."""
    if waits is None:
        waits = waiting_decrees()
    agencies = list(_agencies(today).order_by("name"))
    rows = {
        agency.pk: AgencyRow(
            agency=agency,
            services=agency.n_services,
            in_force=agency.n_in_force,
            team_formed=agency.team_formed,
            last_consultation=agency.last_consultation,
            maklumat_set=agency.has_set_maklumat,
            internalised=agency.n_internalised,
            socialised=agency.n_socialised,
            consulted=agency.n_consulted,
            last_evaluation=agency.last_evaluation,
            overdue_evaluations=agency.n_overdue,
            recorded=agency.n_recorded,
        )
        for agency in agencies
    }
    period_ids = [a.last_period_id for a in agencies if a.last_period_id]
    periods = SurveyPeriod.objects.in_bulk(period_ids)
    sums = {
        row["period"]: row
        for row in SurveyResponse.objects.filter(period_id__in=period_ids)
        .values("period")
        .annotate(n=Count("pk"), **{f"sum_{c}": Sum(c) for c in ELEMENT_CODES})
        .order_by()
    }
    recent_from = timezone.now() - datetime.timedelta(days=EVALUATION_DUE_DAYS)
    for agency in agencies:
        if not agency.last_period_id:
            continue
        row = rows[agency.pk]
        period = periods[agency.last_period_id]
        data = sums.get(period.pk)
        row.skm_period = period
        row.skm = (
            compute({c: data[f"sum_{c}"] or 0 for c in ELEMENT_CODES}, data["n"]) if data else None
        )
        row.skm_recent = bool(data) and period.opened_at >= recent_from
    for item in (
        SurveyFollowUp.objects.values("period__agency")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=FollowUpStatus.DONE)),
            on_time=Count(
                "pk",
                filter=Q(status=FollowUpStatus.DONE, done_on__lte=F("due_on")),
            ),
        )
        .order_by()
    ):
        row = rows.get(item["period__agency"])
        if row:
            row.follow_ups, row.follow_ups_done = item["total"], item["done"]
            row.follow_ups_on_time = item["on_time"]
    for item in waits or []:
        row = rows.get(item.decree.agency_id)
        if row:
            row.waiting += 1
            row.waits.append(item)
            since = item.decree.last_change
            if since and (row.waiting_since is None or since < row.waiting_since):
                row.waiting_since = since
    for row in rows.values():
        _score(row)
    return list(rows.values())


def _share(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def _score(row: AgencyRow) -> None:
    """Each indicator's value in 0..1, and the weighted score in 0..100."""
    latest_closed = (
        row.skm_period is not None and not row.skm_period.is_open and row.skm is not None
    )
    row.values = {
        "standard": _share(row.in_force, row.services),
        "involvement": _share(row.consulted, row.in_force),
        "publication": _share(row.socialised, row.in_force),
        "review": (
            Decimal(1) - _share(row.overdue_evaluations, row.in_force)
            if row.in_force
            else Decimal(0)
        ),
        "maklumat": Decimal(1 if row.maklumat_set else 0),
        "skm": Decimal(1 if row.skm_recent else 0),
        "skm_published": Decimal(1 if latest_closed else 0),
        "follow_up_share": _share(row.follow_ups_done, row.follow_ups),
        "follow_up_speed": _share(row.follow_ups_on_time, row.follow_ups),
    }
    total = sum(
        (row.values[indicator.code] * indicator.weight for indicator in INDICATORS), Decimal(0)
    )
    row.score = total.quantize(Decimal("0.1"))

"""Where each service's standard stands in its life (Pasal 10-13), and what it lacks for
the next step, for the homes of the drafter and the agency head.

    belum disusun -> penyusunan -> pembahasan dengan masyarakat -> evaluasi -> penetapan
    -> pengesahan -> berlaku          (dicabut and digantikan stand apart)

The stage is read from the standard's status, its consultations (Pasal 11) and its
decree's status (Pasal 12). What is missing is never a rule of its own: it is the reasons
the workflow's guards give for the next act (`workflow.guard_failures`), each with a link
to where it is fixed, and, for the completeness guard, every failure of `checks`.
A draft not yet carried by a decree is judged by an unsaved decree carrying only it, so
its reasons are exactly those its own decree would give.

`service_stages(agencies)` reads any number of services in a fixed number of queries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency
from maklumat.models import Maklumat

from .checks import check_standard
from .decrees import workflow
from .models import (
    Decree,
    DecreeStatus,
    Requirement,
    Service,
    ServiceStandard,
    StandardStatus,
)

__all__ = [
    "STEPPER",
    "Missing",
    "ServiceStage",
    "Stage",
    "service_stages",
    "stage_of",
    "missing_for_next_step",
]

ACTIVE_DECREE = (
    DecreeStatus.DRAFT,
    DecreeStatus.SUBMITTED,
    DecreeStatus.EVALUATED,
    DecreeStatus.SET,
    DecreeStatus.IN_FORCE,
)


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    clause: str


NOT_STARTED = Stage("not_started", gettext_lazy("Belum disusun"), "Pasal 10 ayat (1)")
DRAFTING = Stage("drafting", gettext_lazy("Penyusunan"), "Pasal 10")
CONSULTATION = Stage("consultation", gettext_lazy("Pembahasan dengan masyarakat"), "Pasal 11")
EVALUATION = Stage("evaluation", gettext_lazy("Evaluasi"), "Pasal 12 ayat (4)")
SETTING = Stage("setting", gettext_lazy("Penetapan"), "Pasal 12 ayat (1)")
RATIFICATION = Stage("ratification", gettext_lazy("Pengesahan"), "Pasal 12 ayat (1)")
IN_FORCE = Stage("in_force", gettext_lazy("Berlaku"), "Pasal 13")
REVOKED = Stage("revoked", gettext_lazy("Dicabut"), "")
SUPERSEDED = Stage("superseded", gettext_lazy("Digantikan versi baru"), "Pasal 12 ayat (5)")

STEPPER = (NOT_STARTED, DRAFTING, CONSULTATION, EVALUATION, SETTING, RATIFICATION, IN_FORCE)
APART = (REVOKED, SUPERSEDED)
_BY_DECREE = {
    DecreeStatus.SUBMITTED: EVALUATION,
    DecreeStatus.EVALUATED: SETTING,
    DecreeStatus.SET: RATIFICATION,
}


def current_decree(standard: ServiceStandard) -> Decree | None:
    """The decree carrying the version now (the newest one not withdrawn), from `decrees`."""
    decrees = [d for d in standard.decrees.all() if d.status in ACTIVE_DECREE]
    return max(decrees, key=lambda d: (d.created_at, d.pk), default=None)


def _active_consultations(standard: ServiceStandard) -> list:
    prefetched = getattr(standard, "active_consultations", None)
    if prefetched is not None:
        return prefetched
    return list(standard.consultations.exclude(status="cancelled"))


def stage_of(standard: ServiceStandard | None) -> Stage:
    """The stage of one version (None: the service has no standard yet)."""
    if standard is None or standard.status == StandardStatus.WITHDRAWN:
        return NOT_STARTED
    if standard.status == StandardStatus.IN_FORCE:
        return IN_FORCE
    if standard.status == StandardStatus.REVOKED:
        return REVOKED
    if standard.status == StandardStatus.SUPERSEDED:
        return SUPERSEDED
    decree = current_decree(standard)
    if decree is not None and decree.status in _BY_DECREE:
        return _BY_DECREE[decree.status]
    return CONSULTATION if _active_consultations(standard) else DRAFTING


@dataclass(frozen=True)
class Missing:
    """One thing the next act lacks: the guard's own words, where to fix it, and for the
    completeness guard each failing rule of the check with its component's link."""

    message: str
    url: str
    details: tuple[tuple[str, str], ...] = ()


def _virtual_decree(standard: ServiceStandard) -> Decree:
    """An unsaved draft decree carrying only this standard: what its guards say is what
    this version lacks to be submitted (never saved)."""
    agency = standard.service.agency
    decree = Decree(agency=agency, by_mayor=agency.decreed_by_mayor, status=DecreeStatus.DRAFT)
    decree._guard_standards = [standard]
    return decree


def _where(guard, standard: ServiceStandard, decree: Decree) -> Missing | None:
    """The page where the reason of this guard is fixed."""
    agency = standard.service.agency
    editor = reverse("standards:standard-detail", args=[standard.pk])
    if guard is workflow.guard_team_complete:
        # The agency's own team page; a UPT's says which parent's team drafts for it (a
        # reader of the UPT may not read the parent's page).
        return Missing("", reverse("standards:team", args=[agency.slug]))
    if guard is workflow.guard_standards_complete:
        failures = check_standard(standard)
        details = tuple((f.message, f"{editor}#{f.anchor}") for f in failures)
        return Missing("", f"{editor}#{failures[0].anchor}" if failures else editor, details)
    if guard is workflow.guard_standards_consulted:
        return Missing("", reverse("consultations:consultation-list", args=[agency.slug]))
    if guard is workflow.guard_maklumat_set:
        return Missing("", reverse("maklumat:staff-detail", kwargs={"agency_slug": agency.slug}))
    if decree.pk:
        return Missing("", reverse("standards:decree-detail", args=[decree.pk]))
    return Missing("", editor)


def missing_for_next_step(standard: ServiceStandard) -> list[Missing]:
    """What the next act of this version lacks now: the guards' reasons, with links."""
    if standard.status != StandardStatus.DRAFT:
        return []
    decree = current_decree(standard)
    if decree is None or decree.status == DecreeStatus.DRAFT:
        # A draft decree is judged for this version alone: its other lampiran have rows
        # of their own on the home.
        judged, action = _virtual_decree(standard), "submit"
    else:
        judged, action = decree, workflow.next_action(decree)
        judged.agency = standard.service.agency
    if action is None:
        return []
    items = []
    for guard, reason in workflow.guard_failures(judged, action, with_act_input=False):
        where = _where(guard, standard, judged)
        items.append(Missing(reason, where.url, where.details))
    if decree is None and not items:
        items.append(
            Missing(
                _("Semua syarat terpenuhi: muat standar ini dalam rancangan keputusan."),
                reverse("standards:decree-create", args=[standard.service.agency.slug]),
            )
        )
    return items


def waiting_for(standard: ServiceStandard | None) -> str:
    """Whose act the version waits for (Pasal 12)."""
    stage = stage_of(standard)
    if stage is EVALUATION:
        return _("Bagian Organisasi Setda")
    if stage is SETTING:
        decree = current_decree(standard)
        return _("Wali Kota") if decree and decree.by_mayor else _("Kepala Perangkat Daerah")
    if stage is RATIFICATION:
        return _("Wali Kota")
    if stage in (NOT_STARTED, DRAFTING, CONSULTATION):
        return _("Tim penyusun")
    return ""


@dataclass
class ServiceStage:
    """One row of the home: a service, the version that moves, and where it stands."""

    service: Service
    standard: ServiceStandard | None
    in_force: ServiceStandard | None
    stage: Stage
    since: datetime.datetime | datetime.date | None
    waiting_for: str
    missing: list[Missing] = field(default_factory=list)

    @property
    def steps(self) -> list[tuple[Stage, str]]:
        """The stepper: each stage with "done", "current" or "todo" (apart: all done)."""
        if self.stage in APART:
            return [(s, "done") for s in STEPPER]
        reached = STEPPER.index(self.stage)
        return [
            (s, "done" if i < reached else "current" if i == reached else "todo")
            for i, s in enumerate(STEPPER)
        ]

    @property
    def decree(self) -> Decree | None:
        return current_decree(self.standard) if self.standard else None


def _since(standard: ServiceStandard | None, stage: Stage):
    """When the version entered its stage: the decree's last act, the first consultation,
    the day it came into force, or when the draft was started."""
    if standard is None:
        return None
    if stage is IN_FORCE:
        return standard.in_force_since
    decree = current_decree(standard)
    if stage in (EVALUATION, SETTING, RATIFICATION) and decree is not None:
        return decree.last_change or decree.created_at
    if stage is CONSULTATION:
        return min(c.created_at for c in _active_consultations(standard))
    if decree is not None and decree.last_change:  # returned with notes
        return max(decree.last_change, standard.created_at)
    return standard.created_at


def _standards_prefetch() -> Prefetch:
    consultation = ServiceStandard._meta.get_field("consultations").related_model
    return Prefetch(
        "standards",
        queryset=ServiceStandard.objects.filter(
            status__in=(StandardStatus.DRAFT, StandardStatus.IN_FORCE, StandardStatus.REVOKED)
        )
        .order_by("-version")
        .prefetch_related(
            "components",
            Prefetch("requirements", queryset=Requirement.objects.select_related("step")),
            "steps",
            "complaint_channels",
            "legal_bases",
            Prefetch(
                "consultations",
                queryset=consultation.objects.exclude(status="cancelled"),
                to_attr="active_consultations",
            ),
            Prefetch(
                "consultations",
                queryset=consultation.objects.complete(),
                to_attr="complete_consultations",
            ),
            Prefetch(
                "decrees",
                queryset=Decree.objects.annotate(last_change=Max("status_changes__at")),
            ),
        ),
    )


def service_stages(agencies) -> list[ServiceStage]:
    """Every active service of these agencies with its stage, oldest wait first within
    each agency; a fixed number of queries whatever the number of services."""
    services = list(
        Service.objects.filter(agency__in=agencies, active=True)
        .select_related("agency__drafting_team", "agency__parent__drafting_team")
        .prefetch_related(
            "agency__drafting_team__members",
            "agency__parent__drafting_team__members",
            _standards_prefetch(),
        )
        .order_by("agency__name", "name")
    )
    maklumat_set = set(
        Agency.objects.filter(
            Exists(Maklumat.objects.current().filter(agency=OuterRef("pk"))),
            pk__in={s.agency_id for s in services},
        ).values_list("pk", flat=True)
    )
    rows = []
    for service in services:
        service.agency.has_set_maklumat = service.agency_id in maklumat_set
        versions = list(service.standards.all())
        draft = next((v for v in versions if v.status == StandardStatus.DRAFT), None)
        in_force = next((v for v in versions if v.status == StandardStatus.IN_FORCE), None)
        moving = draft or in_force or (versions[0] if versions else None)
        for version in versions:
            version.service = service  # the guards read standard.service.agency
        stage = stage_of(moving)
        rows.append(
            ServiceStage(
                service=service,
                standard=moving,
                in_force=in_force if in_force is not moving else None,
                stage=stage,
                since=_since(moving, stage),
                waiting_for=waiting_for(moving),
                missing=missing_for_next_step(moving) if moving else [],
            )
        )
    return rows

"""Reminders of monitoring (Pasal 15, 16), by e-mail and in 'Tugas saya'.

Each reminder carries a key naming the thing and its cycle, so `notify(key=...)` never
sends it twice: a yearly SKM per agency and year, an evaluation per standard and year in
force, a waiting act per decree and the status change it waits on, a follow-up per due date.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, Membership, MembershipRole
from agencies.notifications import notify
from agencies.permissions import agencies_headed, is_actor
from agencies.roles import CityRole
from agencies.worklist import WorkItem
from standards.models import ServiceStandard, StandardStatus
from standards.waits import waiting_decrees

from .models import (
    Evaluation,
    EvaluationFollowUp,
    FollowUpStatus,
    SurveyFollowUp,
    SurveyPeriod,
)

EVALUATION_AFTER_DAYS = 365


@dataclass(frozen=True)
class Reminder:
    key: str
    agency: Agency | None
    subject: str
    body: str
    url: str
    since: datetime.datetime | None = None


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def skm_due(today: datetime.date, agencies=None) -> list[Reminder]:
    """PermenPANRB 14/2017: an SKM at least once a year, for agencies applying standards."""
    applying = Exists(
        ServiceStandard.objects.filter(
            service__agency=OuterRef("pk"), status=StandardStatus.IN_FORCE
        )
    )
    surveyed = Exists(SurveyPeriod.objects.filter(agency=OuterRef("pk"), year=today.year))
    queryset = Agency.objects.filter(applying, active=True).exclude(surveyed)
    if agencies is not None:
        queryset = queryset.filter(pk__in=agencies.values("pk"))
    return [
        Reminder(
            key=f"skm-due:{agency.pk}:{today.year}",
            agency=agency,
            subject=_("SKM tahun %(year)s belum dilaksanakan: %(agency)s")
            % {"year": today.year, "agency": agency.name},
            body=_(
                "Survei Kepuasan Masyarakat dilaksanakan sekurang-kurangnya sekali setahun "
                "(Pasal 16 ayat (3)). Buka periode SKM tahun ini."
            ),
            url=reverse("monitoring:period-list", args=[agency.slug]),
            since=_aware(datetime.date(today.year, 1, 1)),
        )
        for agency in queryset.order_by("name")
    ]


def evaluations_due(today: datetime.date, agencies=None) -> list[Reminder]:
    """Pasal 16 ayat (1): a standard in force for 12 months without an evaluation since."""
    year_ago = today - datetime.timedelta(days=EVALUATION_AFTER_DAYS)
    queryset = (
        ServiceStandard.objects.filter(status=StandardStatus.IN_FORCE, in_force_since__lte=year_ago)
        .exclude(
            Exists(Evaluation.objects.filter(standard=OuterRef("pk"), evaluated_on__gte=year_ago))
        )
        .select_related("service__agency")
    )
    if agencies is not None:
        queryset = queryset.filter(service__agency__in=agencies)
    reminders = []
    for standard in queryset.order_by("in_force_since", "pk"):
        cycle = (today - standard.in_force_since).days // EVALUATION_AFTER_DAYS
        agency = standard.service.agency
        reminders.append(
            Reminder(
                key=f"evaluation-due:{standard.pk}:{cycle}",
                agency=agency,
                subject=_("Evaluasi standar pelayanan jatuh tempo: %(service)s")
                % {"service": standard.service.name},
                body=_(
                    "Standar pelayanan ini berlaku lebih dari 12 bulan tanpa evaluasi "
                    "(Pasal 16 ayat (1)-(2))."
                ),
                url=reverse("monitoring:application-detail", args=[agency.slug, standard.pk]),
                since=_aware(standard.in_force_since + datetime.timedelta(days=365)),
            )
        )
    return reminders


def follow_ups_past_due(today: datetime.date, agencies=None) -> list[Reminder]:
    """Pasal 16 ayat (4): follow-ups not done by their due date."""
    reminders = []
    surveys = (
        SurveyFollowUp.objects.filter(due_on__lt=today)
        .exclude(status=FollowUpStatus.DONE)
        .select_related("period__agency")
    )
    evaluations = (
        EvaluationFollowUp.objects.filter(due_on__lt=today)
        .exclude(status=FollowUpStatus.DONE)
        .select_related("evaluation__standard__service__agency")
    )
    if agencies is not None:
        surveys = surveys.filter(period__agency__in=agencies)
        evaluations = evaluations.filter(evaluation__standard__service__agency__in=agencies)
    for follow_up in surveys:
        agency = follow_up.period.agency
        reminders.append(
            Reminder(
                key=f"skm-follow-up-due:{follow_up.pk}:{follow_up.due_on.isoformat()}",
                agency=agency,
                subject=_("Tindak lanjut SKM melewati tenggat: %(action)s")
                % {"action": follow_up.action[:80]},
                body=_("Penanggung jawab: %(owner)s. Tenggat: %(due)s.")
                % {"owner": follow_up.owner, "due": follow_up.due_on.isoformat()},
                url=reverse("monitoring:period-detail", args=[agency.slug, follow_up.period_id]),
                since=_aware(follow_up.due_on),
            )
        )
    for follow_up in evaluations:
        standard = follow_up.evaluation.standard
        agency = standard.service.agency
        reminders.append(
            Reminder(
                key=f"evaluation-follow-up-due:{follow_up.pk}:{follow_up.due_on.isoformat()}",
                agency=agency,
                subject=_("Tindak lanjut evaluasi melewati tenggat: %(action)s")
                % {"action": follow_up.action[:80]},
                body=_("Penanggung jawab: %(owner)s. Tenggat: %(due)s.")
                % {"owner": follow_up.owner, "due": follow_up.due_on.isoformat()},
                url=reverse("monitoring:application-detail", args=[agency.slug, standard.pk]),
                since=_aware(follow_up.due_on),
            )
        )
    return reminders


def acts_waiting(now: datetime.datetime) -> list[Reminder]:
    """Pasal 15: acts waiting in the decree workflow longer than the limit of hari kerja
    (settings.WAIT_ALERT_WORKING_DAYS), to the Setda: the dashboard's own figures."""
    return [
        Reminder(
            key=(
                f"act-waiting:{item.decree.pk}:{item.decree.status}:{item.wait.since.isoformat()}"
            ),
            agency=None,
            subject=_("Keputusan menunggu lebih dari %(limit)s hari kerja: %(agency)s")
            % {"limit": item.limit, "agency": item.decree.agency.name},
            body=_(
                "%(title)s — status: %(status)s; menunggu %(days)s hari kerja (%(calendar)s hari)."
            )
            % {
                "title": item.decree.title,
                "status": item.decree.get_status_display(),
                "days": item.wait.working_days,
                "calendar": item.wait.calendar_days,
            },
            url=reverse("standards:decree-detail", args=[item.decree.pk]),
            since=item.wait.since,
        )
        for item in waiting_decrees(now)
        if item.over_limit
    ]


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Write every reminder due now; those already sent under the same key are skipped."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    agency_reminders = skm_due(today) + evaluations_due(today) + follow_ups_past_due(today)
    heads = defaultdict(list)
    for membership in Membership.objects.filter(
        role=MembershipRole.HEAD, agency__in={r.agency.pk for r in agency_reminders}
    ).select_related("user"):
        heads[membership.agency_id].append(membership.user)
    secretariat = list(
        get_user_model().objects.filter(
            groups__permissions__codename=CityRole.SECRETARIAT.value, is_active=True
        )
    )
    written = 0
    with transaction.atomic():
        for reminder in agency_reminders:
            written += len(
                notify(
                    recipients=heads.get(reminder.agency.pk, []),
                    subject=reminder.subject,
                    body=reminder.body,
                    url=reminder.url,
                    key=reminder.key,
                )
            )
        for reminder in acts_waiting(now):
            written += len(
                notify(
                    recipients=secretariat,
                    subject=reminder.subject,
                    body=reminder.body,
                    url=reminder.url,
                    key=reminder.key,
                )
            )
    return written


def monitoring_work_items(user) -> list[WorkItem]:
    """'Tugas saya' for agency heads: SKM due, evaluations due, follow-ups past due."""
    if not is_actor(user):
        return []
    headed = agencies_headed(user)
    if not headed.exists():
        return []
    today = timezone.localdate()
    reminders = (
        skm_due(today, headed) + evaluations_due(today, headed) + follow_ups_past_due(today, headed)
    )
    return [
        WorkItem(
            title=reminder.subject,
            url=reminder.url,
            since=reminder.since,
            agency_name=reminder.agency.name if reminder.agency else "",
        )
        for reminder in reminders
    ]

"""Reads of monitoring: SKM results computed in the database, free of N+1."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum

from agencies.models import Agency
from bontang_sp.prepared import Prepared
from standards.models import Service, ServiceStandard

from .index import ELEMENT_CODES, SurveyResult, compute, sample_target
from .models import PeriodStatus, SurveyFollowUp, SurveyPeriod, SurveyResponse

NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)

SUM_FIELDS = {f"sum_{code}": Sum(code) for code in ELEMENT_CODES}


def surveyed_services() -> QuerySet[Service]:
    """Pasal 16 ayat (3): the survey asks citizens about a service delivered under a
    standard in force. Any other service is not public yet (the portal answers 404 for it
    too), and its survey must not reveal it."""
    in_force = ServiceStandard.objects.in_force().filter(service=OuterRef("pk"))
    return Service.objects.filter(Exists(in_force), active=True, agency__active=True)


def _result(row: dict) -> SurveyResult:
    return compute({code: row[f"sum_{code}"] or 0 for code in ELEMENT_CODES}, row["n"])


def period_result(period: SurveyPeriod) -> SurveyResult:
    """The agency's index over every response of the period (one query)."""
    row = SurveyResponse.objects.filter(period=period).aggregate(n=Count("pk"), **SUM_FIELDS)
    return _result(row)


def service_results(period: SurveyPeriod) -> list[tuple[Service, SurveyResult]]:
    """One result per service that has responses in the period (two queries)."""
    rows = (
        SurveyResponse.objects.filter(period=period)
        .values("service")
        .annotate(n=Count("pk"), **SUM_FIELDS)
        .order_by("service")
    )
    services = Service.objects.in_bulk([row["service"] for row in rows])
    pairs = [(services[row["service"]], _result(row)) for row in rows]
    return sorted(pairs, key=lambda pair: pair[0].name)


def periods_of(agency: Agency) -> QuerySet[SurveyPeriod]:
    return SurveyPeriod.objects.filter(agency=agency).annotate(response_count=Count("responses"))


def progress(period: SurveyPeriod, responses: int) -> dict:
    """Responses against the Krejcie-Morgan target for the population the agency entered."""
    target = sample_target(period.population)
    percent = min(100, round(responses * 100 / target)) if target else None
    return {"responses": responses, "target": target, "percent": percent}


def follow_ups_of(period: SurveyPeriod) -> QuerySet[SurveyFollowUp]:
    return SurveyFollowUp.objects.filter(period=period).select_related("service")


def published_summary(agency: Agency, service: Service | int | None = None) -> dict | None:
    """What the portal publishes: the index and letter of the agency's last closed period,
    and of one service in it (results are published once the period is closed)."""
    period = (
        SurveyPeriod.objects.filter(agency=agency, status=PeriodStatus.CLOSED)
        .order_by("-closed_at", "-pk")
        .first()
    )
    return _summary(period, service)


def _summary(period: SurveyPeriod | None, service: Service | int | None) -> dict | None:
    if period is None:
        return None
    agency_result = period_result(period)
    if not agency_result.responses:
        return None
    service_result = None
    if service is not None:
        row = SurveyResponse.objects.filter(period=period, service=service).aggregate(
            n=Count("pk"), **SUM_FIELDS
        )
        service_result = _result(row) if row["n"] else None
    return {"period": period, "agency": agency_result, "service": service_result}


_portal_periods = Prepared(
    lambda agency_id: SurveyPeriod.objects.filter(
        agency_id=agency_id, status__in=(PeriodStatus.OPEN, PeriodStatus.CLOSED)
    ).values("pk", "status", "closed_at"),
    agency_id=-7_104_931,
)


def portal_survey(agency_id: int, service_id: int | None = None) -> dict:
    """The survey on the portal's pages, from one query (compiled once, it runs on every
    page) of the agency's open and closed periods: `open` (its pages link the survey,
    Pasal 16) and `summary` (the published result of the last closed period, as
    `published_summary`)."""
    periods = _portal_periods.rows(agency_id=agency_id)
    closed = [
        (p["closed_at"] or NEVER, p["pk"]) for p in periods if p["status"] == PeriodStatus.CLOSED
    ]
    summary = None
    if closed:
        summary = _summary(SurveyPeriod.objects.get(pk=max(closed)[1]), service_id)
    return {"open": any(p["status"] == PeriodStatus.OPEN for p in periods), "summary": summary}

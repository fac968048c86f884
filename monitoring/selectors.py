"""Reads of monitoring: SKM results computed in the database, free of N+1."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery, Sum

from agencies.models import Agency
from bontang_sp.prepared import Prepared
from standards.models import Service, ServiceStandard

from .index import ELEMENT_CODES, SurveyResult, compute, sample_target
from .models import PeriodStatus, SurveyFollowUp, SurveyPeriod, SurveyResponse

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


def portal_survey_columns(agency: str) -> dict:
    """What the portal's pages show of the survey, as annotations of a query in which
    `agency` names the agency's key (a field path): whether it has a period open (its
    pages link the survey, Pasal 16) and its last closed period (the published result).
    A page reads them in its own query and passes the row to `portal_survey_from`."""
    periods = SurveyPeriod.objects.filter(agency=OuterRef(agency))
    last_closed = periods.filter(status=PeriodStatus.CLOSED).order_by(
        F("closed_at").desc(nulls_last=True), "-pk"
    )
    return {
        "survey_open": Exists(periods.filter(status=PeriodStatus.OPEN)),
        "survey_closed": Subquery(last_closed.values("pk")[:1]),
    }


def portal_survey_from(row: dict, service_id: int | None = None) -> dict:
    """The survey on a portal page from the columns of `portal_survey_columns` in `row`:
    `open` and `summary` (the published result of the last closed period, as
    `published_summary`)."""
    summary = None
    if row["survey_closed"] is not None:
        summary = _summary(SurveyPeriod.objects.get(pk=row["survey_closed"]), service_id)
    return {"open": bool(row["survey_open"]), "summary": summary}


_portal_survey = Prepared(
    lambda agency_id: Agency.objects.filter(pk=agency_id).values(**portal_survey_columns("pk")),
    agency_id=-7_104_931,
)


def portal_survey(agency_id: int, service_id: int | None = None) -> dict:
    """The survey on the portal's pages, from one query (compiled once) when the page did
    not read it in its own (`portal_survey_columns`)."""
    rows = _portal_survey.rows(agency_id=agency_id)
    if not rows:
        return {"open": False, "summary": None}
    return portal_survey_from(rows[0], service_id)

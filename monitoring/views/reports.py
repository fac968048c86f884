"""SKM reports for the agency head and the Sekretaris Daerah (Pasal 15, 16 ayat (3)-(4))."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bontang_sp.form_errors import attach_errors, flash_errors

from .. import selectors
from ..charts import element_bars
from ..forms import FollowUpForm, PeriodOpenForm
from ..index import ELEMENTS, GRADES
from ..models import SurveyFollowUp, SurveyPeriod
from ..permissions import agency_for_managing, agency_for_reports, may_manage
from ..services import (
    follow_up_set_status,
    survey_follow_up_create,
    survey_period_close,
    survey_period_open,
    survey_poster_request,
    survey_report_request,
)

PREFIX = "kelola/pd/<slug:agency_slug>/skm/"


@require_http_methods(["GET", "POST"])
def period_list(request, agency_slug: str):
    agency = agency_for_reports(request.user, agency_slug)
    manage = may_manage(request.user, agency)
    form = PeriodOpenForm(request.POST or None) if manage else None
    if request.method == "POST":
        if not manage:
            raise Http404
        if form.is_valid():
            try:
                period = survey_period_open(actor=request.user, agency=agency, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("Periode SKM dibuka."))
                return redirect("monitoring:period-detail", agency.slug, period.pk)
    return render(
        request,
        "monitoring/period_list.html",
        {
            "agency": agency,
            "periods": selectors.periods_of(agency),
            "services": (
                selectors.surveyed_services().filter(agency=agency).order_by("name")
                if manage
                else []
            ),
            "form": form,
            "may_manage": manage,
        },
    )


def _period(request, agency_slug: str, pk: int) -> SurveyPeriod:
    agency = agency_for_reports(request.user, agency_slug)
    return get_object_or_404(SurveyPeriod.objects.select_related("agency"), agency=agency, pk=pk)


@require_http_methods(["GET", "POST"])
def period_detail(request, agency_slug: str, pk: int):
    period = _period(request, agency_slug, pk)
    agency = period.agency
    manage = may_manage(request.user, agency)
    result = selectors.period_result(period)
    follow_up_form = FollowUpForm(request.POST or None, agency=agency) if manage else None
    if request.method == "POST":
        if not manage:
            raise Http404
        if follow_up_form.is_valid():
            try:
                survey_follow_up_create(
                    actor=request.user, period=period, **follow_up_form.cleaned_data
                )
            except ValidationError as error:
                attach_errors(follow_up_form, error)
            else:
                messages.success(request, _("Tindak lanjut dicatat."))
                return redirect("monitoring:period-detail", agency.slug, period.pk)
    chart = element_bars(result, _("Nilai per unsur (skala 25–100)")) if result.responses else None
    return render(
        request,
        "monitoring/period_detail.html",
        {
            "agency": agency,
            "period": period,
            "result": result,
            "chart": chart,
            "services": selectors.service_results(period),
            "progress": selectors.progress(period, result.responses),
            "follow_ups": selectors.follow_ups_of(period),
            "follow_up_form": follow_up_form,
            "grades": GRADES,
            "may_manage": manage,
        },
    )


@require_POST
def period_close(request, agency_slug: str, pk: int):
    agency = agency_for_managing(request.user, agency_slug)
    period = get_object_or_404(SurveyPeriod, agency=agency, pk=pk)
    try:
        survey_period_close(actor=request.user, period=period)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Periode SKM ditutup."))
    return redirect("monitoring:period-detail", agency.slug, period.pk)


@require_POST
def follow_up_status(request, agency_slug: str, pk: int):
    agency = agency_for_managing(request.user, agency_slug)
    follow_up = get_object_or_404(SurveyFollowUp, period__agency=agency, pk=pk)
    try:
        follow_up_set_status(
            actor=request.user, follow_up=follow_up, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("monitoring:period-detail", agency.slug, follow_up.period_id)


@require_http_methods(["GET"])
def period_csv(request, agency_slug: str, pk: int):
    """The period's results per service and for the agency, one element per column."""
    period = _period(request, agency_slug, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="skm-{period.agency.slug}-{period.year}-{period.kind}'
        f'-{period.number}.csv"'
    )
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [_("Layanan"), _("Jumlah responden")]
        + [f"NRR {label}" for _code, label, _answers in ELEMENTS]
        + [_("IKM"), _("Mutu")]
    )
    rows = [(_("Seluruh layanan"), selectors.period_result(period))]
    rows += [(service.name, result) for service, result in selectors.service_results(period)]
    for name, result in rows:
        writer.writerow(
            [_csv_text(name), result.responses]
            + [element.nrr for element in result.elements]
            + [result.index if result.index is not None else "", result.letter or ""]
        )
    return response


def _csv_text(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@require_POST
def period_pdf(request, agency_slug: str, pk: int):
    period = _period(request, agency_slug, pk)
    survey_report_request(actor=request.user, period=period)
    messages.success(request, _("Laporan PDF sedang dibuat; muat ulang halaman ini sebentar lagi."))
    return redirect("monitoring:period-detail", period.agency.slug, period.pk)


@require_POST
def service_poster(request, agency_slug: str, service_pk: int):
    agency = agency_for_managing(request.user, agency_slug)
    # The poster's QR code leads to the survey: only services that have one (Pasal 16).
    service = get_object_or_404(selectors.surveyed_services().filter(agency=agency), pk=service_pk)
    survey_poster_request(actor=request.user, service=service)
    messages.success(request, _("Poster SKM sedang dibuat; muat ulang halaman ini sebentar lagi."))
    return redirect("monitoring:period-list", agency.slug)


urlpatterns = [
    path(PREFIX, period_list, name="period-list"),
    path(PREFIX + "<int:pk>/", period_detail, name="period-detail"),
    path(PREFIX + "<int:pk>/tutup/", period_close, name="period-close"),
    path(PREFIX + "<int:pk>/csv/", period_csv, name="period-csv"),
    path(PREFIX + "<int:pk>/pdf/", period_pdf, name="period-pdf"),
    path(PREFIX + "poster/<int:service_pk>/", service_poster, name="service-poster"),
    path(PREFIX + "tindak-lanjut/<int:pk>/status/", follow_up_status, name="follow-up-status"),
]

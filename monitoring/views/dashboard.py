"""The Sekretaris Daerah's dashboard (Pasal 15): every agency, filters, sorting, CSV."""

from __future__ import annotations

import csv
import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from agencies.homes import HomeSection
from agencies.models import AgencyKind
from agencies.workdays import calendar_for
from standards.waits import alert_limit, wait_groups, waiting_decrees

from ..dashboard import INDICATORS, AgencyRow, dashboard_rows
from ..permissions import is_secretariat
from .reports import _csv_text

OLD = datetime.date(1900, 1, 1)
SORTS = {
    "nama": lambda r: r.agency.name.lower(),
    "skor": lambda r: r.score,
    "layanan": lambda r: r.services,
    "berlaku": lambda r: r.share or 0,
    "evaluasi": lambda r: r.last_evaluation or OLD,
    "ikm": lambda r: r.skm.index if r.skm and r.skm.index is not None else -1,
    "menunggu": lambda r: r.waiting_days if r.waiting_days is not None else -1,
    "terlambat": lambda r: r.overdue_evaluations,
}


def _rows(request, waits=None) -> tuple[list[AgencyRow], dict]:
    if not is_secretariat(request.user):
        raise Http404
    if waits is None:
        waits = waiting_decrees(calendar=calendar_for(request))
    rows = dashboard_rows(timezone.localdate(), waits)
    kind = request.GET.get("jenis", "")
    query = request.GET.get("q", "").strip()[:100]
    attention = request.GET.get("perhatian") == "1"
    if kind in AgencyKind.values:
        rows = [r for r in rows if r.agency.kind == kind]
    if query:
        rows = [
            r
            for r in rows
            if query.lower() in r.agency.name.lower()
            or query.lower() in (r.agency.short_name or "").lower()
        ]
    if attention:
        rows = [r for r in rows if r.overdue_evaluations or r.waiting or not r.maklumat_set]
    sort = request.GET.get("urut", "nama")
    descending = sort.startswith("-")
    key = SORTS.get(sort.lstrip("-"))
    if key is None:
        sort, key, descending = "nama", SORTS["nama"], False
    rows.sort(key=key, reverse=descending)
    return rows, {"jenis": kind, "q": query, "perhatian": attention, "urut": sort}


def dashboard_context(request) -> dict:
    """Everything the dashboard shows: its rows, filters, and the waits of the workflow."""
    waits = waiting_decrees(calendar=calendar_for(request))
    rows, filters = _rows(request, waits)
    shown = {row.agency.pk for row in rows}
    waits = [item for item in waits if item.decree.agency_id in shown]
    return {
        "rows": rows,
        "filters": filters,
        "kinds": AgencyKind.choices,
        "indicators": INDICATORS,
        "sorts": [
            ("nama", _("Nama")),
            ("-skor", _("Skor tertinggi")),
            ("skor", _("Skor terendah")),
            ("berlaku", _("Bagian standar berlaku terendah")),
            ("-menunggu", _("Paling lama menunggu")),
            ("-terlambat", _("Evaluasi terlambat terbanyak")),
            ("ikm", _("IKM terendah")),
        ],
        "city_waits": wait_groups(waits, by_agency=False),
        "agency_waits": wait_groups(waits),
        "wait_limit": alert_limit(),
        "over_limit": [item for item in waits if item.over_limit],
    }


@require_GET
def dashboard(request):
    return render(request, "monitoring/dashboard.html", {"data": dashboard_context(request)})


def dashboard_section(request) -> HomeSection | None:
    """The Sekretaris Daerah lands on the dashboard (Pasal 15)."""
    if not is_secretariat(request.user):
        return None
    return HomeSection("monitoring/_dashboard_home.html", dashboard_context(request), order=5)


@require_GET
def dashboard_csv(request):
    rows, _filters = _rows(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pemantauan-perangkat-daerah.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Perangkat Daerah"),
            _("Jenis layanan"),
            _("Standar berlaku"),
            _("Bagian berlaku (%)"),
            _("Tim penyusun"),
            _("Pembahasan terakhir"),
            _("Maklumat ditetapkan"),
            _("Diinternalisasi"),
            _("Disosialisasikan"),
            _("Evaluasi terakhir"),
            _("Berlaku >12 bulan tanpa evaluasi"),
            _("Periode SKM terakhir"),
            _("IKM"),
            _("Mutu"),
            _("Tindakan menunggu"),
            _("Menunggu sejak (hari)"),
        ]
        + [f"{indicator.label} ({indicator.weight}%)" for indicator in INDICATORS]
        + [_("Skor")]
    )
    for r in rows:
        writer.writerow(
            [
                _csv_text(r.agency.name),
                r.services,
                r.in_force,
                r.share if r.share is not None else "",
                _("ya") if r.team_formed else _("belum"),
                r.last_consultation.date().isoformat() if r.last_consultation else "",
                _("ya") if r.maklumat_set else _("belum"),
                r.internalised,
                r.socialised,
                r.last_evaluation.isoformat() if r.last_evaluation else "",
                r.overdue_evaluations,
                str(r.skm_period) if r.skm_period else "",
                r.skm.index if r.skm else "",
                r.skm.letter if r.skm else "",
                r.waiting,
                r.waiting_days if r.waiting_days is not None else "",
            ]
            + [round(r.values[indicator.code], 3) for indicator in INDICATORS]
            + [r.score]
        )
    return response


urlpatterns = [
    path("kelola/pemantauan/", dashboard, name="dashboard"),
    path("kelola/pemantauan/csv/", dashboard_csv, name="dashboard-csv"),
]

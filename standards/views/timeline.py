"""A standard's own page of where it stands: its stepper and the timeline of its acts."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from agencies.workdays import calendar_for

from .. import permissions
from ..stages import STEPPER, ServiceStage, stage_of
from ..timeline import standard_timeline


@require_GET
def standard_history(request, pk: int):
    standard = permissions.standard_for_reading(request.user, pk)
    stage = stage_of(standard)
    row = ServiceStage(
        service=standard.service,
        standard=standard,
        in_force=None,
        stage=stage,
        since=None,
        waiting_for="",
    )
    return render(
        request,
        "standards/timeline.html",
        {
            "standard": standard,
            "service": standard.service,
            "agency": standard.service.agency,
            "row": row,
            "stepper": STEPPER,
            "timeline": standard_timeline(standard, calendar_for(request)),
        },
    )


urlpatterns = [
    path("kelola/standar/<int:pk>/riwayat/", standard_history, name="standard-history"),
]

"""Application (Pasal 13) and evaluation (Pasal 16 ayat (1), (2), (4)) of standards in force."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import attach_errors, flash_errors
from documents.uploads import (
    REQUEST_TOO_LARGE_MESSAGE,
    attachment_response,
    download_name,
    limit_upload_size,
)
from standards.models import ServiceStandard, StandardStatus
from standards.services import DraftAlreadyOpen

from .. import services
from ..forms import ActivityForm, EvaluationFollowUpForm, EvaluationForm, RevisionStartForm
from ..models import (
    ActivityDocument,
    ActivityKind,
    EvaluationFollowUp,
)
from ..permissions import agency_for_reading, may_manage, may_record_application

PREFIX = "kelola/pd/<slug:agency_slug>/penerapan/"


def agency_overview(request, agency_slug: str):
    """Each standard in force: internalised, socialised, last evaluation."""
    agency = agency_for_reading(request.user, agency_slug)
    standards = (
        ServiceStandard.objects.filter(service__agency=agency, status=StandardStatus.IN_FORCE)
        .select_related("service")
        .annotate(
            internalisations=Count(
                "implementation_activities",
                filter=Q(implementation_activities__kind=ActivityKind.INTERNALISATION),
                distinct=True,
            ),
            socialisations=Count(
                "implementation_activities",
                filter=Q(implementation_activities__kind=ActivityKind.SOCIALISATION),
                distinct=True,
            ),
            last_evaluation=Max("evaluations__evaluated_on"),
        )
        .order_by("service__name")
    )
    return render(
        request, "monitoring/application_list.html", {"agency": agency, "standards": standards}
    )


def _standard(request, agency_slug: str, pk: int) -> ServiceStandard:
    agency = agency_for_reading(request.user, agency_slug)
    return get_object_or_404(
        ServiceStandard.objects.select_related("service__agency"),
        service__agency=agency,
        pk=pk,
    )


@limit_upload_size
def standard_detail(request, agency_slug: str, pk: int):
    standard = _standard(request, agency_slug, pk)
    agency = standard.service.agency
    record = may_record_application(request.user, agency)
    head = may_manage(request.user, agency)
    in_force = standard.status == StandardStatus.IN_FORCE
    activity_form = ActivityForm() if record and in_force else None
    evaluation_form = EvaluationForm() if head and in_force else None
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        if which == "activity" and activity_form is not None:
            if request.upload_too_large:
                activity_form = ActivityForm(request.POST)
                activity_form.is_valid()
                activity_form.add_error("files", REQUEST_TOO_LARGE_MESSAGE)
                status = 413
            else:
                activity_form = ActivityForm(request.POST, request.FILES)
                if activity_form.is_valid():
                    data = dict(activity_form.cleaned_data)
                    uploads = data.pop("files")
                    try:
                        services.activity_record(
                            actor=request.user, standard=standard, uploads=uploads, **data
                        )
                    except ValidationError as error:
                        attach_errors(activity_form, error)
                    else:
                        messages.success(request, _("Kegiatan penerapan dicatat."))
                        return redirect("monitoring:application-detail", agency.slug, pk)
                status = 400
        elif which == "evaluation" and evaluation_form is not None:
            evaluation_form = EvaluationForm(request.POST)
            if evaluation_form.is_valid():
                try:
                    services.evaluation_record(
                        actor=request.user, standard=standard, **evaluation_form.cleaned_data
                    )
                except ValidationError as error:
                    attach_errors(evaluation_form, error)
                else:
                    messages.success(request, _("Evaluasi dicatat."))
                    return redirect("monitoring:application-detail", agency.slug, pk)
            status = 400
        else:
            raise Http404
    # One draft at a time (Pasal 12 ayat (5)): say where it is instead of offering a form
    # the service would refuse.
    open_draft = (
        standard.service.standards.filter(status=StandardStatus.DRAFT).first()
        if head and in_force
        else None
    )
    activities = standard.implementation_activities.prefetch_related("documents")
    evaluations = standard.evaluations.prefetch_related("follow_ups__revision")
    return render(
        request,
        "monitoring/application_detail.html",
        {
            "agency": agency,
            "standard": standard,
            "activities": activities,
            "evaluations": evaluations,
            "activity_form": activity_form,
            "evaluation_form": evaluation_form,
            "follow_up_form": EvaluationFollowUpForm() if head else None,
            "revision_form": RevisionStartForm() if head and in_force and not open_draft else None,
            "open_draft": open_draft,
            "may_manage": head,
        },
        status=status,
    )


def document_download(request, agency_slug: str, pk: int):
    agency = agency_for_reading(request.user, agency_slug)
    document = get_object_or_404(
        ActivityDocument, activity__standard__service__agency=agency, pk=pk
    )
    return attachment_response(
        document.file,
        filename=download_name(document.original_name, document.content_type),
        content_type=document.content_type,
    )


@require_POST
def follow_up_create(request, agency_slug: str, pk: int, evaluation_pk: int):
    standard = _standard(request, agency_slug, pk)
    evaluation = get_object_or_404(standard.evaluations, pk=evaluation_pk)
    form = EvaluationFollowUpForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([error for errors in form.errors.values() for error in errors])
        services.evaluation_follow_up_create(
            actor=request.user, evaluation=evaluation, **form.cleaned_data
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Tindak lanjut dicatat."))
    return redirect("monitoring:application-detail", agency_slug, pk)


def _follow_up(request, agency_slug: str, pk: int, follow_up_pk: int) -> EvaluationFollowUp:
    standard = _standard(request, agency_slug, pk)
    if not may_manage(request.user, standard.service.agency):
        raise Http404
    return get_object_or_404(EvaluationFollowUp, evaluation__standard=standard, pk=follow_up_pk)


@require_POST
def follow_up_status(request, agency_slug: str, pk: int, follow_up_pk: int):
    follow_up = _follow_up(request, agency_slug, pk, follow_up_pk)
    try:
        services.follow_up_set_status(
            actor=request.user, follow_up=follow_up, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("monitoring:application-detail", agency_slug, pk)


@require_POST
def follow_up_revise(request, agency_slug: str, pk: int, follow_up_pk: int):
    """One click: the follow-up starts a revision (Pasal 12 ayat (5)) and stays linked."""
    follow_up = _follow_up(request, agency_slug, pk, follow_up_pk)
    form = RevisionStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih alasan dan jelaskan perubahannya."))
        return redirect("monitoring:application-detail", agency_slug, pk)
    try:
        follow_up = services.evaluation_follow_up_start_revision(
            actor=request.user, follow_up=follow_up, **form.cleaned_data
        )
    except DraftAlreadyOpen as refused:
        messages.error(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                str(refused),
                reverse("standards:standard-detail", args=[refused.draft.pk]),
                _("Buka rancangan versi %(version)s") % {"version": refused.draft.version},
            ),
        )
        return redirect("monitoring:application-detail", agency_slug, pk)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("monitoring:application-detail", agency_slug, pk)
    messages.success(
        request,
        _("Perubahan standar dimulai sebagai versi %(v)s.") % {"v": follow_up.revision.version},
    )
    return redirect("monitoring:application-detail", agency_slug, pk)


urlpatterns = [
    path(PREFIX, agency_overview, name="application-list"),
    path(PREFIX + "<int:pk>/", standard_detail, name="application-detail"),
    path(PREFIX + "dokumen/<int:pk>/", document_download, name="activity-document"),
    path(
        PREFIX + "<int:pk>/evaluasi/<int:evaluation_pk>/tindak-lanjut/",
        follow_up_create,
        name="evaluation-follow-up-create",
    ),
    path(
        PREFIX + "<int:pk>/tindak-lanjut/<int:follow_up_pk>/status/",
        follow_up_status,
        name="evaluation-follow-up-status",
    ),
    path(
        PREFIX + "<int:pk>/tindak-lanjut/<int:follow_up_pk>/ubah-standar/",
        follow_up_revise,
        name="evaluation-follow-up-revise",
    ),
]

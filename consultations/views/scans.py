"""Signed scans and photos: upload (documents.uploads judges each file), download, remove."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import attach_errors, flash_errors
from documents.uploads import (
    REQUEST_TOO_LARGE_MESSAGE,
    attachment_response,
    download_name,
    limit_upload_size,
)

from .. import permissions, services
from ..forms import ScanUploadForm
from ..models import REQUIRED_SCANS, ConsultationScan, ScanKind
from .common import PREFIX, frame


@limit_upload_size
def scan_list(request, agency_slug: str, pk: int):
    consultation = permissions.consultation_for_reading(request.user, agency_slug, pk)
    context = frame(request, consultation, "scans")
    status = 200
    form = None
    if request.method == "POST":
        permissions.refuse_unless_manager(request.user, consultation.agency)
        if not context["may_change"]:
            messages.warning(request, consultation.frozen_message)
            return redirect("consultations:scan-list", agency_slug=agency_slug, pk=pk)
        # An oversized body was never parsed (see limit_upload_size).
        if request.upload_too_large:
            # A bound form whose only error is the size, shown beside the file field.
            form = ScanUploadForm(data={"kind": ScanKind.INVITATION})
            form.is_valid()
            form.errors.clear()
            form.add_error("files", REQUEST_TOO_LARGE_MESSAGE)
            status = 413
        else:
            form = ScanUploadForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    scans = services.scan_add(
                        actor=request.user,
                        consultation=consultation,
                        kind=form.cleaned_data["kind"],
                        uploads=form.cleaned_data["files"],
                    )
                except ValidationError as error:
                    attach_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("%(count)d berkas %(kind)s diunggah.")
                        % {
                            "count": len(scans),
                            "kind": ScanKind(form.cleaned_data["kind"]).label.lower(),
                        },
                    )
                    return redirect("consultations:scan-list", agency_slug=agency_slug, pk=pk)
            else:
                status = 400
    if form is None and context["may_change"]:
        form = ScanUploadForm(initial={"kind": request.GET.get("jenis") or ScanKind.INVITATION})
    scans = list(consultation.scans.select_related("uploaded_by").order_by("kind", "uploaded_at"))
    sections = [
        {
            "kind": kind.value,
            "label": kind.label,
            "required": kind in REQUIRED_SCANS,
            "scans": [s for s in scans if s.kind == kind],
        }
        for kind in ScanKind
    ]
    context.update(form=form, sections=sections)
    return render(request, "consultations/scans.html", context, status=status)


def scan_download(request, agency_slug: str, pk: int, scan_pk: int):
    """Only for those who may read the agency's drafts; always as an attachment."""
    scan = permissions.scan_for_download(request.user, agency_slug, pk, scan_pk)
    return attachment_response(
        scan.file,
        filename=download_name(scan.original_name, scan.content_type),
        content_type=scan.content_type,
    )


@require_POST
def scan_delete(request, agency_slug: str, pk: int, scan_pk: int):
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    scan = get_object_or_404(ConsultationScan, pk=scan_pk, consultation=consultation)
    try:
        services.scan_remove(actor=request.user, scan=scan)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Berkas %(name)s dihapus.") % {"name": scan.original_name})
    return redirect("consultations:scan-list", agency_slug=agency_slug, pk=pk)


urlpatterns = [
    path(PREFIX + "<int:pk>/pindaian/", scan_list, name="scan-list"),
    path(PREFIX + "<int:pk>/pindaian/<int:scan_pk>/unduh/", scan_download, name="scan-download"),
    path(PREFIX + "<int:pk>/pindaian/<int:scan_pk>/hapus/", scan_delete, name="scan-delete"),
]

"""Import and export of standards as a workbook (standards/spreadsheet), and the
SIPPN-shaped sheet.

Importing is two steps: the upload is parsed whole and kept in private storage with its
SHA-256; the preview lists what would change and every problem; only the confirmation
(carrying the hash it was shown) writes, and only a workbook without errors.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib import messages
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from documents.uploads import REQUEST_TOO_LARGE_MESSAGE, JudgedFileField, limit_upload_size

from .. import permissions
from ..models import SpreadsheetUpload
from ..spreadsheet.importer import import_workbook, plan_import
from ..spreadsheet.reader import MAX_FILE_BYTES, WorkbookRefused, judge_upload, read_upload
from ..spreadsheet.sippn import sippn_workbook
from ..spreadsheet.writer import agency_contents, export_workbook, template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    workbook = JudgedFileField(
        judge=judge_upload,
        label=gettext_lazy("Buku kerja (.xlsx) atau daftar layanan (.csv)"),
        help_text=gettext_lazy("Paling besar 5 MB dan 10.000 baris; isi dari templat."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def template_download(request, agency_slug: str):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    return _download(template_workbook(agency), f"templat-standar-{agency.slug}.xlsx")


@require_GET
def agency_export(request, agency_slug: str):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    content = export_workbook(agency, agency_contents(agency))
    return _download(content, f"standar-{agency.slug}.xlsx")


@require_GET
def agency_sippn(request, agency_slug: str):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    return _download(sippn_workbook(agency), f"sippn-{agency.slug}.xlsx")


@require_GET
def standard_export(request, pk: int):
    standard = permissions.standard_for_reading(request.user, pk)
    agency = standard.service.agency
    content = export_workbook(agency, agency_contents(agency, standard=standard))
    return _download(content, f"standar-{standard.service.slug}-v{standard.version}.xlsx")


@require_GET
def standard_sippn(request, pk: int):
    standard = permissions.standard_for_reading(request.user, pk)
    content = sippn_workbook(standard.service.agency, standard)
    return _download(content, f"sippn-{standard.service.slug}-v{standard.version}.xlsx")


@limit_upload_size(limit=MAX_FILE_BYTES)
@require_http_methods(["GET", "POST"])
def import_upload(request, agency_slug: str):
    """Step 1: upload; a file that cannot be read as a table is refused here."""
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and getattr(request, "upload_too_large", False):
        form.add_error(None, REQUEST_TOO_LARGE_MESSAGE)
    elif request.method == "POST" and form.is_valid():
        judged = form.cleaned_data["workbook"]
        upload = SpreadsheetUpload(
            agency=agency,
            uploaded_by=request.user,
            original_name=judged.original_name,
            content_type=judged.content_type,
            sha256=judged.sha256,
        )
        upload.file.save("buku-kerja", ContentFile(judged.content), save=False)
        upload.save()
        return redirect("standards:import-preview", agency_slug=agency.slug, pk=upload.pk)
    return render(
        request,
        "standards/import_upload.html",
        {"agency": agency, "form": form},
        status=422 if form.errors else 200,
    )


def _upload_for(request, agency_slug: str, pk) -> tuple:
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    upload = get_object_or_404(SpreadsheetUpload, pk=pk, agency=agency)
    if upload.uploaded_by_id != request.user.pk:
        raise Http404  # each person confirms their own upload
    with upload.file.open("rb") as handle:
        data = handle.read()
    return agency, upload, data


@require_http_methods(["GET", "POST"])
def import_preview(request, agency_slug: str, pk):
    """Step 2: what would change and every problem; POST confirms and writes."""
    agency, upload, data = _upload_for(request, agency_slug, pk)
    intact = hashlib.sha256(data).hexdigest() == upload.sha256
    parsed = None
    refused = ""
    if intact:
        try:
            parsed = read_upload(data, upload.original_name)
        except WorkbookRefused as error:
            refused = error.message
    if request.method == "POST" and upload.imported_at is None and parsed is not None:
        if request.POST.get("sha256") != upload.sha256:
            messages.error(request, _("Berkas berbeda dari yang ditinjau; unggah lagi."))
            return redirect("standards:import-upload", agency_slug=agency.slug)
        plan, result = import_workbook(actor=request.user, agency=agency, parsed=parsed)
        if result is not None:
            upload.imported_at = timezone.now()
            upload.save(update_fields=["imported_at"])
            messages.success(
                request,
                _(
                    "Impor selesai: %(services)s layanan baru, %(standards)s standar baru, "
                    "%(replaced)s rancangan diganti, %(recorded)s keputusan dicatat berlaku."
                )
                % {
                    "services": result.created_services,
                    "standards": result.created_standards,
                    "replaced": result.replaced_standards,
                    "recorded": result.recorded,
                },
            )
            waiting = [d for d in result.decrees if d.status == "draft"]
            if waiting:
                messages.info(
                    request,
                    _(
                        "%(n)s keputusan yang sudah ada menunggu dicatat oleh Kepala Perangkat "
                        "Daerah; unggah juga pindaian keputusan bertanda tangan di halaman "
                        "keputusannya."
                    )
                    % {"n": len(waiting)},
                )
            return redirect("standards:service-list", agency_slug=agency.slug)
    else:
        plan = plan_import(agency, parsed) if parsed is not None else None
    return render(
        request,
        "standards/import_preview.html",
        {
            "agency": agency,
            "upload": upload,
            "plan": plan,
            "intact": intact,
            "refused": refused,
            "may_record": permissions.may_record_for(request.user, agency),
        },
        status=422 if plan is not None and plan.errors else 200,
    )


urlpatterns = [
    path(
        "kelola/pd/<slug:agency_slug>/layanan/templat.xlsx",
        template_download,
        name="spreadsheet-template",
    ),
    path("kelola/pd/<slug:agency_slug>/layanan/ekspor.xlsx", agency_export, name="agency-export"),
    path("kelola/pd/<slug:agency_slug>/layanan/sippn.xlsx", agency_sippn, name="agency-sippn"),
    path("kelola/standar/<int:pk>/ekspor.xlsx", standard_export, name="standard-export"),
    path("kelola/standar/<int:pk>/sippn.xlsx", standard_sippn, name="standard-sippn"),
    path("kelola/pd/<slug:agency_slug>/layanan/impor/", import_upload, name="import-upload"),
    path(
        "kelola/pd/<slug:agency_slug>/layanan/impor/<uuid:pk>/",
        import_preview,
        name="import-preview",
    ),
]

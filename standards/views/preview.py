"""The standard preview document: request it, follow its rendering, download it.

With htmx the button swaps in the status fragment, which polls every 2 s while the PDF is
pending or rendering and stops when it is ready or failed. Without JavaScript the POST
redirects back to the editor, which shows the same status from the server.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from documents.models import DocumentKind
from documents.selectors import latest_document, latest_ready_document
from documents.views import document_file_response

from .. import permissions
from ..documents import request_standard_preview


def _status_context(request: HttpRequest, standard) -> dict:
    document = latest_document(subject=standard, kind=DocumentKind.STANDARD_PREVIEW)
    return {
        "standard": standard,
        "document": document,
        "may_request": permissions.may_draft(request.user, standard.service.agency),
        "status_url": reverse("standards:standard-preview-status", args=[standard.pk]),
        "download_url": reverse("standards:standard-preview-download", args=[standard.pk]),
        "request_url": reverse("standards:standard-preview-request", args=[standard.pk]),
        "back_url": reverse("standards:standard-detail", args=[standard.pk]),
    }


def _back(request: HttpRequest, standard) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("standards:standard-detail", args=[standard.pk]) + "#pratinjau-pdf"


@require_POST
def preview_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for a new preview PDF (those who may draft for the agency)."""
    standard = permissions.standard_for_editing(request.user, pk)
    try:
        request_standard_preview(actor=request.user, standard=standard)
    except PermissionDenied as error:  # pragma: no cover - standard_for_editing said yes
        raise Http404 from error
    if request.htmx:
        return render(request, "documents/_status.html", _status_context(request, standard))
    messages.success(request, _("Pratinjau PDF sedang dibuat."))
    return redirect(_back(request, standard))


@require_GET
def preview_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment (htmx polling), or a small page of its own without JavaScript."""
    standard = permissions.standard_for_reading(request.user, pk)
    context = _status_context(request, standard)
    if request.htmx:
        return render(request, "documents/_status.html", context)
    return render(request, "documents/status_page.html", context)


@require_GET
def preview_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The newest ready preview of the standard, for those who may read its agency."""
    standard = permissions.standard_for_reading(request.user, pk)
    document = latest_ready_document(subject=standard, kind=DocumentKind.STANDARD_PREVIEW)
    if document is None:
        raise Http404
    return document_file_response(document)


urlpatterns = [
    path(
        "kelola/standar/<int:pk>/pratinjau-pdf/", preview_request, name="standard-preview-request"
    ),
    path(
        "kelola/standar/<int:pk>/pratinjau-pdf/status/",
        preview_status,
        name="standard-preview-status",
    ),
    path(
        "kelola/standar/<int:pk>/pratinjau-pdf/unduh/",
        preview_download,
        name="standard-preview-download",
    ),
]

"""The printable forms: generate through the documents app, download through its guarded
download view."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import flash_errors
from documents.models import Document

from .. import permissions, services
from ..documents import KINDS
from .common import PREFIX

LABELS = {
    "undangan": gettext_lazy("Surat undangan"),
    "daftar-hadir": gettext_lazy("Daftar hadir"),
    "berita-acara": gettext_lazy("Berita acara"),
}


@dataclass
class Printout:
    slug: str
    label: str
    document: Document | None


def documents_for(consultation) -> list[Printout]:
    """The newest document of each kind for this consultation (one query)."""
    latest: dict[str, Document] = {}
    for document in (
        Document.objects.for_subject(consultation).filter(kind__in=KINDS.values()).order_by("-id")
    ):
        latest.setdefault(document.kind, document)
    return [Printout(slug, LABELS[slug], latest.get(kind)) for slug, kind in KINDS.items()]


@require_POST
def document_generate(request, agency_slug: str, pk: int, kind: str):
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    if kind not in KINDS:
        raise Http404
    try:
        services.consultation_document_request(
            actor=request.user, consultation=consultation, kind=KINDS[kind]
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(
            request,
            _("%(label)s sedang dibuat; muat ulang halaman ini sebentar lagi untuk mengunduhnya.")
            % {"label": LABELS[kind]},
        )
    return redirect("consultations:consultation-detail", agency_slug=agency_slug, pk=pk)


urlpatterns = [
    path(PREFIX + "<int:pk>/dokumen/<slug:kind>/", document_generate, name="document-generate"),
]

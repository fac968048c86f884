"""The standards app's documents: the standard preview PDF (one Standar Pelayanan in the
Lampiran's format, watermarked "RANCANGAN", for the drafting team; kind
`standard_preview`), and the registration of the decree builders of
`standards.decrees.documents` (draft_decree, decree, mayor_decree).

The documents registry imports this module by itself the first time it looks up a
builder (`documents.registry.autodiscover`), so nothing has to be registered in
StandardsConfig.ready(). The builder reads the standard again from the database: the
render task never trusts a context pickled at request time.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import Document, DocumentKind
from documents.registry import register_builder, register_renderer
from documents.services import document_request

from .decrees import documents as decree_documents
from .decrees.documents import BUILDERS as DECREE_BUILDERS
from .decrees.parts import render_decree_pdf
from .models import ServiceStandard
from .permissions import may_draft
from .selectors import standards_with_rows
from .totals import standard_totals

PREVIEW_TEMPLATE = "documents/standard_preview.html"


def build_standard_preview(document: Document) -> tuple[str, dict]:
    """Template and context of a standard preview, from the database."""
    standard = standards_with_rows().get(pk=document.object_id)
    return PREVIEW_TEMPLATE, {
        "standard": standard,
        "totals": standard_totals(standard),
        "agency": standard.service.agency,
        "generated_at": timezone.localtime(),
    }


register_builder(DocumentKind.STANDARD_PREVIEW, build_standard_preview)
for _kind, _builder in DECREE_BUILDERS.items():
    register_builder(_kind, _builder)
for _kind, _builder in decree_documents.BUILDERS.items():
    register_builder(_kind, _builder)
    # The decree's PDF is assembled from parts (docs/decisions/0013); the builder stays
    # the decree as one HTML, which the assembled PDF reads and looks like.
    register_renderer(_kind, render_decree_pdf)


def preview_title(standard: ServiceStandard) -> str:
    return _("Pratinjau Standar Pelayanan %(service)s (versi %(version)s)") % {
        "service": standard.service.name,
        "version": standard.version,
    }


@transaction.atomic
def request_standard_preview(*, actor, standard: ServiceStandard) -> Document:
    """Ask for a new preview PDF of a standard (those who may draft for its agency).

    A new Document each time (older previews are marked superseded); a click while the
    previous request has not started yet returns that request.
    """
    agency = standard.service.agency
    if not may_draft(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang menyusun untuk Perangkat Daerah ini."))
    return document_request(
        kind=DocumentKind.STANDARD_PREVIEW,
        subject=standard,
        agency=agency,
        title=preview_title(standard),
        public=False,
        actor=actor,
    )

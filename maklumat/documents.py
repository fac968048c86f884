"""The Maklumat Pelayanan as PDF: the same poster on A4 (kind `maklumat`, to print, sign
and attach) and on A3 (kind `maklumat_poster`, for the service counter's wall).

Both are requested when the head sets the Maklumat and issued, public, as soon as they
are rendered: Pasal 14 ayat (3) wants the Maklumat published widely. The documents
registry finds the builder in this module by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from documents.models import Document, DocumentKind
from documents.registry import register_builder
from documents.services import document_request, document_supersede

from .models import Maklumat

# Document kind -> paper size of the poster.
PAPER_BY_KIND = {DocumentKind.MAKLUMAT: "A4", DocumentKind.MAKLUMAT_POSTER: "A3"}
POSTER_TEMPLATE = "documents/maklumat_poster.html"


# Characters of statements and compensation up to which each type size still fits the
# poster on one page (measured with Liberation Serif on A4; A3 is the same layout enlarged).
DENSITY_STEPS = ((650, "regular"), (1050, "compact"))
DENSITY_MAX = "dense"


def poster_density(maklumat: Maklumat) -> str:
    """How tightly to set the text so that the poster stays on one page."""
    length = sum(len(text) for text in maklumat.statements) + len(maklumat.compensation)
    for limit, density in DENSITY_STEPS:
        if length <= limit:
            return density
    return DENSITY_MAX


def poster_context(maklumat: Maklumat, paper: str) -> dict:
    return {
        "maklumat": maklumat,
        "agency": maklumat.agency,
        "paper": paper,
        "density": poster_density(maklumat),
    }


def build_maklumat_poster(document: Document) -> tuple[str, dict]:
    """Context of the poster, read again from the database."""
    maklumat = Maklumat.objects.select_related("agency").get(pk=document.object_id)
    return POSTER_TEMPLATE, poster_context(maklumat, PAPER_BY_KIND[DocumentKind(document.kind)])


register_builder(DocumentKind.MAKLUMAT, build_maklumat_poster)
register_builder(DocumentKind.MAKLUMAT_POSTER, build_maklumat_poster)


def poster_title(maklumat: Maklumat, paper: str) -> str:
    return _("Maklumat Pelayanan %(agency)s versi %(version)s (%(paper)s)") % {
        "agency": maklumat.agency_name or maklumat.agency.name,
        "version": maklumat.version,
        "paper": paper,
    }


def request_posters(
    maklumat: Maklumat, *, actor=None, replaces: Maklumat | None = None
) -> list[Document]:
    """Ask for the A4 and A3 posters of a Maklumat just set, in the caller's transaction:
    issued and public as soon as rendered. The posters of the Maklumat it `replaces` are
    marked superseded by them, so their verification page says they are no longer in force.
    """
    posters = []
    for kind, paper in PAPER_BY_KIND.items():
        poster = document_request(
            kind=kind,
            subject=maklumat,
            agency=maklumat.agency,
            title=poster_title(maklumat, paper),
            public=True,
            issue_when_ready=True,
            actor=actor,
        )
        if replaces is not None:
            previous = (
                Document.objects.for_subject(replaces)
                .filter(kind=kind, superseded_by__isnull=True)
                .exclude(pk=poster.pk)
            )
            for old in previous:
                document_supersede(old=old, new=poster)
        posters.append(poster)
    return posters


def _state(document: Document) -> str:
    if document.is_superseded:
        return _("digantikan")
    if document.issued:
        return _("diterbitkan, kode %(code)s") % {"code": document.display_code}
    return document.get_status_display()


@dataclass(frozen=True)
class PosterLink:
    label: str
    state: str
    url: str
    document: Document


def posters_of(maklumat: Maklumat) -> list[PosterLink]:
    """The poster documents of a Maklumat, A4 first, for the pages to link."""
    documents = Document.objects.for_subject(maklumat).filter(kind__in=list(PAPER_BY_KIND))
    links = []
    for document in sorted(documents, key=lambda d: list(PAPER_BY_KIND).index(d.kind)):
        paper = PAPER_BY_KIND[DocumentKind(document.kind)]
        links.append(
            PosterLink(
                label=_("Poster %(paper)s") % {"paper": paper},
                state=_state(document),
                url=reverse("documents:download", args=[document.code])
                if document.is_ready
                else "",
                document=document,
            )
        )
    return links

"""A decree's PDF assembled from parts (docs/decisions/0013): the decree body rendered
alone, each standard's lampiran rendered once when its text is frozen for evaluation
(on submission), the Maklumat's lampiran, then stamped: the footer that every page
carries alike (verification code, QR code) once, and an overlay for the whole with
"Halaman X dari Y" and the lampiran headings.

The same template (documents/decree.html) renders the whole decree as one HTML; the
assembled PDF reads and looks the same (tests/standards/test_decree_parts.py).
"""

from __future__ import annotations

from django.template.loader import render_to_string

from documents.assembly import Part, assemble, freeze_parts
from documents.render import RenderedPdf, render_html

from ..models import Decree
from ..selectors import standards_with_rows
from ..totals import standard_totals
from .documents import decree_context

TEMPLATE = "documents/decree.html"


def lampiran_part(standard, totals, agency) -> Part:
    """One standard in the Lampiran's format: depends on the standard (and its agency's
    name in the PDF's author) only, never on the decree that carries it."""
    context = {"part": "lampiran", "standard": standard, "totals": totals, "agency": agency}
    return Part(render_to_string(TEMPLATE, context))


def decree_parts(context: dict) -> list[Part]:
    agency = context["agency"]
    parts = [Part(render_to_string(TEMPLATE, {**context, "part": "body"}))]
    parts += [
        lampiran_part(standard, totals, agency) for standard, totals, _label in context["lampiran"]
    ]
    if context["maklumat"]:
        parts.append(Part(render_to_string(TEMPLATE, {**context, "part": "maklumat"})))
    return parts


def overlay_pages(context: dict, counts: list[int]) -> list[str]:
    """One entry per page: the lampiran heading on the first page of a lampiran, else ""."""
    labels = [label for _s, _t, label in context["lampiran"]]
    if context["maklumat"]:
        labels.append(context["maklumat_label"])
    pages = [""] * counts[0]  # the decree body
    for label, count in zip(labels, counts[1:], strict=True):
        pages += [label] + [""] * (count - 1)
    return pages


def render_decree_pdf(document, *, tte_roles=frozenset()) -> RenderedPdf:
    """The builder of the decree kinds: the assembled decree for `document`; `tte_roles`
    puts the electronic signature boxes in its body (documents.signing)."""
    context = {**decree_context(document.subject), "tte_roles": tte_roles}

    def overlay(counts: list[int]) -> str:
        pages = overlay_pages(context, counts)
        return render_html(
            TEMPLATE, {**context, "part": "overlay", "overlay_pages": pages}, document=document
        )

    stamp = render_html(TEMPLATE, {**context, "part": "stamp"}, document=document)
    return assemble(
        decree_parts(context),
        stamp,
        overlay,
        metadata={
            "/Title": document.title,
            "/Author": f"Pemerintah Kota Bontang — {context['agency'].name}",
            "/Creator": "Bontang SP",
        },
    )


def freeze_decree_lampiran(decree: Decree) -> int:
    """Render and store the lampiran of the decree's standards that are not stored yet
    (their text is frozen from submission until the decree is returned)."""
    agency = decree.agency
    standards = standards_with_rows().filter(decrees=decree).order_by("service__name")
    return freeze_parts(
        [lampiran_part(standard, standard_totals(standard), agency) for standard in standards]
    )

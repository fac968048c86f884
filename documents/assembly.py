"""A long document assembled from parts rendered once (docs/decisions/0013).

A decree of twenty standards is mostly lampiran that did not change since they were
frozen for evaluation. Each part is rendered alone (WeasyPrint, the same page size and
margins, no footer), stored under the SHA-256 of its HTML (and of the print styles), and
reused whenever the same HTML comes again. The assembled document joins the parts with
pypdf and stamps every page with an overlay rendered for the whole: the footer with the
verification code and QR code, "Halaman X dari Y" across all pages, and the headings that
name the document on the first page of a part (a lampiran's NOMOR and TANGGAL are known
only when the decree is set, long after its text was frozen).

    part = Part(html)                        # one part's HTML, rendered without footer
    pdf = assemble(parts, stamp, overlay)    # stamp: one page every page carries;
                                             # overlay(page_counts) -> per-page HTML

Parts live below MEDIA_ROOT/private/parts/ (never served); a part that is missing is
rendered again, so deleting the folder only costs time.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
)

from .render import RenderedPdf, html_to_pdf

logger = logging.getLogger(__name__)

PARTS_FOLDER = "private/parts"
# The print styles a part's layout depends on: a change to them is a new part.
STYLES = ("documents/print.css", "standards/decree.css")


@lru_cache(maxsize=1)
def styles_digest() -> str:
    digest = hashlib.sha256()
    for name in STYLES:
        found = finders.find(name)
        if found:
            digest.update(Path(found).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Part:
    """One part's HTML; its key names the stored PDF."""

    html: str

    @property
    def key(self) -> str:
        return hashlib.sha256((styles_digest() + self.html).encode()).hexdigest()

    @property
    def path(self) -> str:
        return f"{PARTS_FOLDER}/{self.key[:2]}/{self.key}.pdf"


def stored_part(part: Part) -> bytes | None:
    try:
        with default_storage.open(part.path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def render_part(part: Part) -> bytes:
    """The part's PDF: the stored one, or rendered now and stored (once: a part that
    another worker stored meanwhile is the same bytes' layout, and either is kept)."""
    content = stored_part(part)
    if content is not None:
        return content
    content = html_to_pdf(part.html).content
    if not default_storage.exists(part.path):
        default_storage.save(part.path, ContentFile(content))
    return content


def freeze_parts(parts: Sequence[Part]) -> int:
    """Render and store the parts not stored yet (when a text is frozen); how many were new."""
    new = 0
    for part in parts:
        if stored_part(part) is None:
            render_part(part)
            new += 1
    return new


def _form(writer: PdfWriter, page) -> IndirectObject:
    """A page of another PDF as a Form XObject of `writer` (drawn with one `Do`)."""
    contents = page.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(page.mediabox)
    form[NameObject("/Resources")] = page["/Resources"].get_object()
    return writer._add_object(form.clone(writer))


def _stamp(writer: PdfWriter, page, forms: list[IndirectObject]) -> None:
    """Draw the forms over the page, without parsing its content: the page's own stream
    is wrapped in q ... Q and the forms follow, each under its own name."""
    resources = page[NameObject("/Resources")].get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        xobjects = resources[NameObject("/XObject")] = DictionaryObject()
    xobjects = xobjects.get_object()
    calls = []
    for form in forms:
        name = f"/BSPstamp{form.idnum}"
        xobjects[NameObject(name)] = form
        calls.append(f"q {name} Do Q")
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")
    after.set_data(("\nQ\n" + "\n".join(calls) + "\n").encode())
    existing = page.get("/Contents")
    existing = existing.get_object() if existing is not None else ArrayObject()
    # The page's own stream keeps its indirect reference: a stream is never a direct object.
    streams = list(existing) if isinstance(existing, ArrayObject) else [page.raw_get("/Contents")]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(before), *streams, writer._add_object(after)]
    )


def assemble(
    parts: Sequence[Part],
    stamp_html: str,
    overlay: Callable[[list[int]], str],
    *,
    metadata: dict[str, str] | None = None,
) -> RenderedPdf:
    """Join the parts in order; stamp every page with `stamp_html`'s one page (what all
    pages carry alike: the footer with the QR code) and with the overlay's page of the
    same number (page numbers, headings). `overlay(page_counts)` gets the page count of
    every part and returns HTML of exactly as many pages as the parts together."""
    # The first part (the decree body) is rendered now: it is never shared, and where the
    # template put the signature boxes is known only from its rendering.
    first = html_to_pdf(parts[0].html)
    readers = [PdfReader(io.BytesIO(first.content))]
    readers += [PdfReader(io.BytesIO(render_part(part))) for part in parts[1:]]
    counts = [len(reader.pages) for reader in readers]
    total = sum(counts)
    common = PdfReader(io.BytesIO(html_to_pdf(stamp_html).content))
    numbered = PdfReader(io.BytesIO(html_to_pdf(overlay(counts)).content))
    if len(numbered.pages) != total:
        raise ValueError(f"overlay has {len(numbered.pages)} pages for {total}")
    writer = PdfWriter()
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    shared = _form(writer, common.pages[0])
    for page, own in zip(writer.pages, numbered.pages, strict=True):
        _stamp(writer, page, [shared, _form(writer, own)])
    if metadata:
        writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    content = out.getvalue()
    return RenderedPdf(
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        page_count=total,
        boxes=first.boxes,  # the body's pages come first: their numbers stay
    )

"""Django template -> HTML -> PDF bytes, safely.

- The HTML comes from Django templates with autoescaping on: user text never becomes
  markup, so it cannot name a resource for WeasyPrint to fetch.
- As a second wall, WeasyPrint gets `StaticOnlyURLFetcher`, which serves only the
  project's own static files, read from disk: no http(s), no ftp, no data:, no file://
  outside the static folders, no `..` or symlink escapes, no redirects (nothing is
  ever requested over a network).
- One `FontConfiguration` per process is shared by every render (RECIPES: @font-face
  rules are ignored otherwise). The print CSS names Liberation Serif and Liberation Sans
  (Debian fonts-liberation2), so every machine paginates alike.
- Every page carries the document's verification code, a QR code to
  `SITE_URL/verifikasi/<code>/` and "Halaman X dari Y" (templates/documents/base_print.html).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .models import Document
from .registry import get_builder, get_renderer

logger = logging.getLogger(__name__)

__all__ = [
    "FetchRefused",
    "RenderedPdf",
    "StaticOnlyURLFetcher",
    "html_to_pdf",
    "qr_svg",
    "render_document_pdf",
    "render_html",
    "render_template_pdf",
    "static_file_url",
]

# What a print template may load, by extension.
ALLOWED_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}
MAX_RESOURCE_BYTES = 5 * 1024 * 1024
SIGNATURE_BOX_PREFIX = "tte-"


class FetchRefused(ValueError):
    """A resource outside the project's static files was asked for."""


@lru_cache(maxsize=1)
def static_roots() -> tuple[Path, ...]:
    """The folders whose files are the project's own static files.

    STATICFILES_DIRS and the `static/` folders of the project's apps (those inside
    BASE_DIR and outside the virtual environment), and STATIC_ROOT after collectstatic.
    """
    base = Path(settings.BASE_DIR).resolve()
    venv = Path(sys.prefix).resolve()
    roots: list[Path] = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if not location:
                continue
            root = Path(location).resolve()
            if root.is_dir() and root.is_relative_to(base) and not root.is_relative_to(venv):
                roots.append(root)
    if settings.STATIC_ROOT and Path(settings.STATIC_ROOT).is_dir():
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return tuple(dict.fromkeys(roots))


@lru_cache(maxsize=64)
def static_file_url(name: str) -> str:
    """The file:// URL of a static file by its static name ('documents/print.css')."""
    found = finders.find(name)
    if not found:
        raise FetchRefused(f"no static file named {name!r}")
    return Path(found).resolve().as_uri()


class StaticOnlyURLFetcher(URLFetcher):
    """Serves `file://` URLs of the project's static files; refuses everything else."""

    def __init__(self):
        # No handler of the parent is ever used: fetch() below never calls open().
        super().__init__(
            timeout=1, allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False
        )

    def resolve(self, url: str) -> Path:
        """The static file a URL names, or FetchRefused."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            raise FetchRefused(f"scheme refused: {url[:80]!r}")
        if parts.netloc not in ("", "localhost"):
            raise FetchRefused(f"remote file refused: {url[:80]!r}")
        raw = unquote(parts.path)
        if "\x00" in raw or ".." in Path(raw).parts:
            raise FetchRefused(f"path traversal refused: {url[:80]!r}")
        try:
            path = Path(os.path.normpath(raw)).resolve(strict=True)
        except (OSError, RuntimeError) as error:
            raise FetchRefused(f"no such file: {url[:80]!r}") from error
        if not any(path.is_relative_to(root) for root in static_roots()):
            raise FetchRefused(f"outside the static files: {url[:80]!r}")
        if not path.is_file() or path.suffix.lower() not in ALLOWED_TYPES:
            raise FetchRefused(f"not an allowed static file: {url[:80]!r}")
        if path.stat().st_size > MAX_RESOURCE_BYTES:
            raise FetchRefused(f"static file too large: {url[:80]!r}")
        return path

    def fetch(self, url, headers=None):
        try:
            path = self.resolve(url)
        except FetchRefused:
            logger.warning("PDF: resource refused: %.120s", url)
            raise
        content_type = ALLOWED_TYPES[path.suffix.lower()]
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def open(self, url, data=None, timeout=None):  # never the network
        raise FetchRefused("open() is not available")


FETCHER = StaticOnlyURLFetcher()
FONT_CONFIG = FontConfiguration()


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of `url` (sized by CSS).

    Marked safe: the markup is segno's own output, and the only data in it is the path
    geometry of the code; no user text is ever written into it.
    """
    qr = segno.make(url, error="m")
    return mark_safe(  # noqa: S308 - generated SVG, see the docstring
        qr.svg_inline(omitsize=True, border=2, dark="#000", light="#fff")
    )


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    sha256: str
    page_count: int
    # Where the template put signature boxes (elements with id "tte-<role>"), by role.
    boxes: dict = field(default_factory=dict, compare=False)

    @property
    def size(self) -> int:
        return len(self.content)


def html_to_pdf(html: str) -> RenderedPdf:
    """WeasyPrint with the static-only fetcher and the shared font configuration."""
    rendered = weasyprint.HTML(string=html, base_url=None, url_fetcher=FETCHER).render(
        font_config=FONT_CONFIG
    )
    content = rendered.write_pdf()
    return RenderedPdf(
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        page_count=len(rendered.pages),
        boxes=_signature_boxes(rendered),
    )


def _signature_boxes(rendered) -> dict:
    from .signing.pdf import box_from_anchor

    boxes = {}
    for index, page in enumerate(rendered.pages):
        for name, anchor in page.anchors.items():
            if name.startswith(SIGNATURE_BOX_PREFIX):
                boxes[name.removeprefix(SIGNATURE_BOX_PREFIX)] = box_from_anchor(
                    index, anchor, page.height
                )
    return boxes


def render_html(template_name: str, context: dict, *, document: Document | None = None) -> str:
    """The print HTML; `document` adds its verification code, URL and QR code."""
    context = dict(context)
    if document is not None:
        url = document.verification_url
        context.setdefault("agency", document.agency)
        context.update(
            document=document,
            verification_url=url,
            verification_code=document.display_code,
            qr_svg=qr_svg(url),
        )
    return render_to_string(template_name, context)


def render_template_pdf(
    template_name: str, context: dict, *, document: Document | None = None
) -> RenderedPdf:
    return html_to_pdf(render_html(template_name, context, document=document))


def render_document_pdf(document: Document, *, tte_roles=frozenset()) -> RenderedPdf:
    """The document's PDF: assembled by its kind's renderer, or its kind's builder's
    template and context (read from the database) rendered here.

    `tte_roles`: who signs it electronically ("head", "mayor"); the template puts their
    signature boxes (documents.signing) where the wet signature would go.
    """
    renderer = get_renderer(document.kind)
    if renderer is not None:
        return renderer(document, tte_roles=tte_roles)
    template_name, context = get_builder(document.kind)(document)
    context = {**context, "tte_roles": tte_roles}
    return render_template_pdf(template_name, context, document=document)

"""Shared set-up of the documents tests: a complete standard of agency A, rendered and
unrendered documents, PDF text, and a loopback listener that records every connection."""

from __future__ import annotations

import contextlib
import hashlib
import io
import socket
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile

from documents.models import Document, DocumentKind, DocumentStatus

# TTE: a demo CA in the test's own folder.
from tests.documents.signing_fixtures import tte_ca  # noqa: F401

# The browser set-up of tests/e2e (Debian's Chromium, screenshots, log in) for test_e2e.py.
from tests.e2e.conftest import browser_type_launch_args, login, screenshot  # noqa: F401
from tests.standards.factories import make_complete_standard


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The verification pages count requests per IP in the cache: start every test at zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def standard(agency_a):
    return make_complete_standard(agency=agency_a, texts={"product": "Kartu Tanda Penduduk"})


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_texts(content: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]


def squash(text: str) -> str:
    """Text without whitespace: PDF text extraction breaks lines where the layout wrapped."""
    return "".join(text.split())


def make_ready_document(
    agency, *, subject=None, issued=False, public=False, content=None, **fields
) -> Document:
    """A rendered document without running WeasyPrint (fast), with real bytes and hash."""
    content = content or b"%PDF-1.7\n% dokumen uji " + str(id(fields)).encode() + b"\n%%EOF\n"
    document = Document(
        kind=fields.pop("kind", DocumentKind.DECREE),
        agency=agency,
        title=fields.pop("title", "Keputusan Kepala Dinas tentang Standar Pelayanan"),
        status=DocumentStatus.READY,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        page_count=1,
        issued=issued,
        public=public,
        **fields,
    )
    if subject is not None:
        document.content_type = ContentType.objects.get_for_model(subject)
        document.object_id = subject.pk
    document.file.save("x.pdf", ContentFile(content), save=False)
    document.save()
    return document


class Listener:
    """A TCP listener on a free 127.0.0.1 port that accepts and records every connection."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    data = conn.recv(4096)
                except OSError:
                    data = b""
                self.connections.append(data or b"<connected>")
                with contextlib.suppress(OSError):
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/css\r\n\r\nbody{}")

    def close(self):
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()

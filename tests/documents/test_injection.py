"""User text that looks like markup stays text: nothing is fetched, nothing is embedded.

A listener on a free loopback port stands for any internal service an attacker would
like the renderer to reach."""

from __future__ import annotations

import io
import time

import pytest
from django.conf import settings
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from documents.models import DocumentStatus
from documents.render import html_to_pdf
from standards.documents import request_standard_preview
from standards.models import StandardComponent
from tests.documents.conftest import pdf_text, squash
from tests.standards.factories import RequirementFactory

pytestmark = pytest.mark.django_db

ATTACHMENT = '<link rel="attachment" href="file:///etc/passwd">'
TEMPLATE_TAG = "{{ settings.SECRET_KEY }}"


def payloads(port: int) -> dict[str, str]:
    return {
        "attachment": ATTACHMENT,
        "img": f'<img src="http://127.0.0.1:{port}/x">',
        "import": f"@import url(http://127.0.0.1:{port}/y)",
        "style": f"<style>@import url(http://127.0.0.1:{port}/z); body{{background:url(http://127.0.0.1:{port}/b)}}</style>",
        "template": TEMPLATE_TAG,
    }


def _embedded_files(content: bytes) -> list:
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    found = []
    names = root.get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        found.append("/EmbeddedFiles")
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                found.append("/FileAttachment")
    return found


def _settle(listener):
    time.sleep(0.3)  # give a stray connection the time to arrive
    return listener.connections


def test_markup_in_a_standard_is_printed_literally_and_fetches_nothing(
    standard, drafter_a, listener, django_capture_on_commit_callbacks
):
    text = payloads(listener.port)
    service = standard.service
    service.name = f"Layanan {TEMPLATE_TAG}"
    service.save()
    StandardComponent.objects.filter(standard=standard, kind="facilities").update(
        text=text["attachment"]
    )
    StandardComponent.objects.filter(standard=standard, kind="product").update(text=text["img"])
    StandardComponent.objects.filter(standard=standard, kind="staff_competence").update(
        text=text["import"]
    )
    StandardComponent.objects.filter(standard=standard, kind="service_guarantee").update(
        text=text["style"]
    )
    RequirementFactory(standard=standard, position=9, description=text["img"])
    standard.complaint_officer = text["template"]
    standard.save()

    with django_capture_on_commit_callbacks(execute=True):
        document = request_standard_preview(actor=drafter_a, standard=standard)
    document.refresh_from_db()

    assert document.status == DocumentStatus.READY, document.last_error
    content = document.file.read()
    assert _settle(listener) == []
    assert _embedded_files(content) == []
    assert b"root:x:0:0" not in content
    printed = squash(pdf_text(content))
    for value in text.values():
        assert squash(value) in printed, value
    assert squash(settings.SECRET_KEY) not in printed


def test_the_fetcher_alone_stops_markup_that_escaped_escaping(listener):
    # As if a template had marked user text safe: the fetcher is the second wall.
    text = payloads(listener.port)
    raw = "".join(text.values()) + f'<svg><image href="http://127.0.0.1:{listener.port}/s"/></svg>'
    html = f"<!doctype html><html><head>{raw}</head><body><p>isi</p>{raw}</body></html>"

    pdf = html_to_pdf(html)

    assert _settle(listener) == []
    assert _embedded_files(pdf.content) == []
    assert b"root:x:0:0" not in pdf.content


def test_the_default_fetcher_would_have_fetched_and_embedded(listener):
    # The control: WeasyPrint's own fetcher reaches the port and embeds the file, so the
    # silence and the empty attachment lists above mean safety, not a blind test.
    html = f'{ATTACHMENT}<img src="http://127.0.0.1:{listener.port}/x">'
    content = HTML(string=html, url_fetcher=URLFetcher(timeout=2)).write_pdf()
    assert _settle(listener)
    assert _embedded_files(content) == ["/EmbeddedFiles"]

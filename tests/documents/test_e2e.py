"""In a real browser: the editor's preview button (htmx, under the strict CSP) and the
public verification page, with screenshots in artifacts/screenshots/ for a person to see."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from documents.models import Document, DocumentStatus
from documents.services import document_issue
from tests.documents.conftest import make_ready_document

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory


def _watch_for_problems(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_drafter_makes_and_downloads_a_preview_pdf(
    page: Page,
    live_server,
    login,
    screenshot,
    drafter_a,
    standard,
):
    problems = _watch_for_problems(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    login("penyusun_a", PASSWORD)
    page.goto(live_server.url + reverse("standards:standard-detail", args=[standard.pk]))

    page.get_by_role("button", name="Buat pratinjau PDF").click()
    status = page.locator("#pratinjau-pdf-status")
    expect(status).to_contain_text("Siap", timeout=20_000)
    screenshot("documents-preview-ready", full_page=False)

    with page.expect_download() as download_info:
        status.get_by_role("link", name="Unduh pratinjau PDF").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    assert Document.objects.get().status == DocumentStatus.READY
    assert problems == []


def test_citizen_verifies_an_issued_decree(page: Page, live_server, screenshot, agency_a):
    problems = _watch_for_problems(page)
    document = document_issue(
        document=make_ready_document(agency_a, public=True),
        reference_number="100.3.3/012/DISDUKCAPIL/2025",
    )
    page.goto(live_server.url + reverse("documents:verify-index"))
    page.locator("#id_kode").fill(document.display_code.lower())
    page.get_by_role("button", name="Periksa kode").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verifikasi Dokumen")
    expect(page.get_by_text("Dokumen ini SAH dan BERLAKU.")).to_be_visible()
    screenshot("documents-verify-in-force")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("documents-verify-in-force-360")
    assert problems == []

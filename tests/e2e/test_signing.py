"""In Chromium: the Kepala PD uploads their certificate, sets a decree with a wrong and
then the right passphrase, and the verification page reads the electronic signature."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from documents.models import DocumentKind
from documents.signing import demo_ca
from standards import decrees
from tests.documents.signing_fixtures import (
    PASSPHRASE,
    evaluated_decree,
    tte_ca,  # noqa: F401 - the demo CA fixture
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory


@pytest.mark.usefixtures("tte_ca")
def test_the_head_signs_a_decree_and_the_verification_page_reads_it(
    page, live_server, login, screenshot, tmp_path, agency_a, drafter_a, reviewer, head_a
):
    decree = evaluated_decree(agency_a, drafter_a, reviewer, head_a)
    authority, _created = demo_ca.ensure_demo_ca(settings.TTE_DEMO_DIR)
    p12 = tmp_path / "sertifikat.p12"
    p12.write_bytes(demo_ca.demo_pkcs12(authority, head_a.get_full_name(), PASSPHRASE))

    login("kepala_a", PASSWORD)
    page.goto(f"{live_server.url}/kelola/sertifikat-tte/")
    page.get_by_label("Berkas sertifikat").set_input_files(str(p12))
    page.get_by_label("Frasa sandi sertifikat").fill(PASSPHRASE)
    page.get_by_role("button", name="Simpan sertifikat").click()
    expect(page.locator(".messages")).to_contain_text("Sertifikat elektronik disimpan")
    expect(page.get_by_text("DEMO — tidak sah.")).to_be_visible()
    screenshot("tte-01-certificate")

    page.goto(f"{live_server.url}/kelola/keputusan/{decree.pk}/")
    page.get_by_role("link", name="Tetapkan").click()
    page.get_by_label("Nomor keputusan").fill("100.3/21/2026")
    expect(page.get_by_label("Tandatangani secara elektronik")).to_be_checked()
    page.get_by_label("Frasa sandi sertifikat").fill("salah-ketik")
    page.get_by_role("button", name="Tetapkan").click()
    expect(page.locator("#id_passphrase_error")).to_contain_text("Frasa sandi sertifikat salah")
    screenshot("tte-02-wrong-passphrase")

    page.get_by_label("Frasa sandi sertifikat").fill(PASSPHRASE)
    page.get_by_role("button", name="Tetapkan").click()
    expect(page.locator(".messages")).to_contain_text("Keputusan ditetapkan dan menunggu")

    document = decrees.decree_documents(decree).get(kind=DocumentKind.DRAFT_DECREE)
    page.goto(f"{live_server.url}/verifikasi/{document.code}/")
    section = page.locator("section.signatures")
    expect(section).to_contain_text("Semua tanda tangan elektronik utuh dan sah")
    expect(section).to_contain_text(head_a.get_full_name())
    expect(section).to_contain_text("Kepala Perangkat Daerah")
    expect(section).to_contain_text("Sertifikat DEMO — tidak sah")
    screenshot("tte-03-verification")

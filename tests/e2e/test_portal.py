"""A citizen on a phone finds the birth certificate service, reads that it is free and
checks the decree that set it; an agency website frames the embed from another origin."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def akta(agency_a, drafter_a, reviewer, head_a, mayor_office):
    """Penerbitan Akta Kelahiran in force through submit, pass, set and ratify."""
    from django.core.cache import cache

    from tests.portal.fixtures import in_force_standard

    (standard,) = in_force_standard(
        agency_a,
        drafter=drafter_a,
        reviewer=reviewer,
        head=head_a,
        mayor=mayor_office,
        name="Penerbitan Akta Kelahiran",
        slug="akta-kelahiran",
        texts={"product": "Kutipan Akta Kelahiran"},
    )
    yield standard
    cache.clear()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_citizen_searches_reads_the_fee_and_verifies_the_decree(
    page, live_server, screenshot, akta
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Standar Pelayanan")
    assert no_horizontal_scroll(page)
    screenshot("portal-home-360")

    page.get_by_label("Cari layanan, persyaratan atau produk").fill("akta")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("heading", name="1 layanan ditemukan")).to_be_visible()
    expect(page.locator("mark").first).to_have_text("Akta")
    assert no_horizontal_scroll(page)
    screenshot("portal-search-360")

    page.get_by_role("link", name="Penerbitan Akta Kelahiran").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penerbitan Akta Kelahiran")
    expect(page.locator(".portal-fee")).to_have_text("Gratis (tidak dipungut biaya)")
    expect(page.get_by_role("heading", name="4. Biaya/Tarif")).to_be_visible()
    expect(
        page.get_by_role("link", name="Sampaikan pengaduan melalui SP4N-LAPOR!")
    ).to_have_attribute("href", "https://www.lapor.go.id")
    assert no_horizontal_scroll(page)
    screenshot("portal-service-360")

    page.get_by_role("link", name="Cek keaslian keputusan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifikasi Dokumen")
    expect(page.get_by_text("Dokumen ini SAH dan BERLAKU.")).to_be_visible()
    screenshot("portal-verify-360")


class _AgencySite(BaseHTTPRequestHandler):
    embed_url = ""

    def do_GET(self):  # noqa: N802 (http.server's name)
        body = (
            "<!doctype html><html lang='id'><head><title>Situs Disdukcapil</title></head>"
            "<body><h1>Situs resmi Disdukcapil</h1>"
            f"<iframe src='{self.embed_url}' title='Standar Pelayanan' width='340' height='420'>"
            "</iframe></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def agency_site(live_server, agency_a):
    _AgencySite.embed_url = f"{live_server.url}/embed/pd/{agency_a.slug}/"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AgencySite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_agency_website_frames_the_embed(page, live_server, screenshot, akta, agency_site):
    page.set_viewport_size(PHONE)
    page.goto(agency_site)
    assert not agency_site.startswith(live_server.url)
    frame = page.frame_locator("iframe")
    link = frame.get_by_role("link", name="Penerbitan Akta Kelahiran")
    expect(link).to_be_visible()
    screenshot("portal-embed-on-agency-site")
    with page.context.expect_page() as opened:
        link.click()
    portal = opened.value
    portal.wait_for_load_state()
    assert portal.url.startswith(live_server.url + "/pd/")
    expect(portal.locator(".portal-fee")).to_have_text("Gratis (tidak dipungut biaya)")

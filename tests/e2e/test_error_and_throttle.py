"""What a person sees on a missing page and after too many wrong passwords."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_404_page_is_indonesian_in_the_site_layout(page, live_server, screenshot):
    response = page.goto(f"{live_server.url}/pd/tidak-ada/layanan/apa-saja/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Halaman tidak ditemukan")
    expect(page.get_by_role("link", name="Kembali ke beranda portal")).to_be_visible()
    screenshot("error-404")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("error-404-360")


@pytest.mark.usefixtures("fresh_cache")
def test_too_many_wrong_passwords_are_stopped_with_a_reason(
    page, live_server, login, screenshot, settings
):
    UserFactory(username="penyusun.uji")
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        login("penyusun.uji", "bukan-sandinya")
        expect(page.get_by_role("alert")).to_contain_text("nama pengguna")
    login("penyusun.uji", "sandi-uji-123")
    expect(page.get_by_role("alert")).to_contain_text("Terlalu banyak percobaan masuk yang gagal")
    expect(page).to_have_url(f"{live_server.url}/kelola/masuk/")
    screenshot("login-throttled")

"""A newcomer logs in as each demo role and lands on their own /kelola/ page."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from demo.users import DEMO_USERS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Demo-Bontang-2026"


@pytest.fixture
def demo_city(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_demo", stdout=io.StringIO())


def test_login_page_is_indonesian_and_accessible(page, live_server, screenshot):
    page.goto(f"{live_server.url}/kelola/")
    expect(page).to_have_url(f"{live_server.url}/kelola/masuk/?next=/kelola/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ke Bontang SP")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_label("Nama pengguna")).to_be_focused()
    screenshot("login")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("login-360")


def test_skip_link_is_the_first_stop_of_the_keyboard(page, live_server):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke konten utama")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#konten")).to_be_focused()


def test_each_demo_role_lands_on_its_staff_home(page, live_server, demo_city, login, screenshot):
    """The city is seeded once (it is most of this test's time) and every demo role logs
    in to it in turn; a wrong password first."""
    login("penyusun.disdukcapil", "bukan-sandinya")
    expect(page.get_by_role("alert")).to_contain_text("nama pengguna")
    expect(page.get_by_label("Nama pengguna")).to_have_value("penyusun.disdukcapil")
    for demo in DEMO_USERS:
        try:
            _lands_on_its_home(page, live_server, login, screenshot, demo)
        except AssertionError as error:
            raise AssertionError(f"{demo.username}: {error}") from error


def _lands_on_its_home(page, live_server, login, screenshot, demo):
    login(demo.username, PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/kelola/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(demo.first_name)
    roles = page.locator("#peran-saya + ul")
    if demo.city_role is not None:
        expect(roles).to_contain_text(str(demo.city_role.label))
    else:
        expect(roles).to_contain_text("Penyusun" if demo.role == "drafter" else "Kepala")
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()
    screenshot(f"staff-home-{demo.username}")
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(f"{live_server.url}/kelola/masuk/")

"""In Chromium: a drafter writes the Maklumat, the head reads and sets it, and a citizen
reads it on the public page. Screenshots in artifacts/screenshots/maklumat-*.png."""

import pytest
from playwright.sync_api import expect

from agencies.models import MembershipRole
from tests.conftest import make_member
from tests.e2e.conftest import browser_type_launch_args, login, screenshot  # noqa: F401
from tests.factories import AgencyFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-uji-123"


def test_draft_set_and_publish_the_maklumat(page, live_server, login, screenshot):  # noqa: F811
    agency = AgencyFactory(
        name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil", slug="disdukcapil"
    )
    make_member(agency, MembershipRole.DRAFTER, username="penyusun")
    make_member(agency, MembershipRole.HEAD, username="kepala")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    login("penyusun", PASSWORD)
    page.get_by_role("link", name="Maklumat Pelayanan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maklumat Pelayanan")
    page.get_by_role("link", name="Susun Maklumat").click()
    expect(page.get_by_label("a. Janji dan kesanggupan")).to_contain_text("sanggup")
    page.get_by_label("Bentuk kompensasi (opsional)").fill(
        "cetak ulang dokumen tanpa biaya bila terdapat kesalahan penulisan"
    )
    screenshot("maklumat-draft-form")
    page.get_by_role("button", name="Simpan rancangan").click()
    expect(page.get_by_text("Rancangan Maklumat Pelayanan disimpan.")).to_be_visible()
    expect(page.get_by_role("link", name="Tetapkan Maklumat")).to_have_count(0)
    page.get_by_role("button", name="Keluar").click()

    login("kepala", PASSWORD)
    page.goto(f"{live_server.url}/kelola/pd/disdukcapil/maklumat/")
    page.get_by_role("link", name="Tetapkan Maklumat").click()
    expect(page.get_by_text("DENGAN INI, KAMI MENYATAKAN SANGGUP")).to_be_visible()
    page.get_by_label("Saya, Kepala Perangkat Daerah").check()
    screenshot("maklumat-set-form")
    page.get_by_role("button", name="Tetapkan Maklumat Pelayanan").click()
    expect(page.get_by_text("Maklumat Pelayanan versi 1 ditetapkan.")).to_be_visible()
    expect(page.get_by_role("link", name="Poster A4")).to_be_visible()
    screenshot("maklumat-staff")

    page.get_by_role("button", name="Keluar").click()
    page.goto(f"{live_server.url}/pd/disdukcapil/maklumat/")
    expect(page.get_by_text("DENGAN INI, KAMI MENYATAKAN SANGGUP")).to_be_visible()
    expect(page.get_by_role("link", name="Poster A3")).to_be_visible()
    screenshot("maklumat-public")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("maklumat-public-360")
    assert errors == []  # no CSP violations, no script errors

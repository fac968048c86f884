"""A citizen fills the SKM on a phone and the index moves on the agency's report."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from monitoring.models import SurveyPeriod
from monitoring.selectors import period_result

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Demo-Bontang-2026"


@pytest.fixture
def demo_city(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_demo", stdout=io.StringIO())


def test_citizen_fills_the_survey_on_a_phone_and_the_index_moves(
    page, live_server, demo_city, login, screenshot
):
    period = SurveyPeriod.objects.get(agency__slug="disdukcapil")
    before = period_result(period)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/survei/disdukcapil/kartu-keluarga/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Survei Kepuasan Masyarakat")
    screenshot("survey-360-empty", full_page=False)
    # a missing element is refused, nothing counted
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_text("Pilih salah satu jawaban.").first).to_be_visible()
    assert period_result(period).responses == before.responses
    for legend in page.locator("fieldset.skm-element").all()[:9]:
        legend.locator("label.skm-option").last.click()
    page.get_by_label("Laki-laki").check()
    page.get_by_label("Usia").select_option("30-39")
    page.get_by_label("Pendidikan terakhir").select_option("s1")
    page.get_by_label("Pekerjaan").select_option("private")
    page.get_by_label("Saran dan masukan (tidak wajib)").fill("Pelayanan cepat, terima kasih.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("survey-360-filled")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih")
    screenshot("survey-360-thanks", full_page=False)

    after = period_result(period)
    assert after.responses == before.responses + 1 and after.index > before.index
    login("kepala.disdukcapil", PASSWORD)
    page.goto(f"{live_server.url}/kelola/pd/disdukcapil/skm/{period.pk}/")
    # the report speaks Indonesian: a decimal comma
    expect(page.get_by_test_id("skm-index")).to_have_text(f"{after.index:.2f}".replace(".", ","))
    expect(page.locator("svg.skm-chart")).to_be_visible()
    screenshot("survey-report-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("survey-report-desktop")


def test_regional_secretary_reads_every_agency_on_the_dashboard(
    page, live_server, demo_city, login, screenshot
):
    login("sekda", PASSWORD)
    page.goto(f"{live_server.url}/kelola/pemantauan/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pemantauan")
    row = page.get_by_role("row").filter(has_text="Dinas Kependudukan dan Pencatatan Sipil")
    expect(row.get_by_role("link", name="B")).to_be_visible()
    screenshot("dashboard-desktop")
    page.get_by_label("Hanya yang perlu perhatian").check()
    page.get_by_role("button", name="Terapkan").click()
    expect(page).to_have_url(
        f"{live_server.url}/kelola/pemantauan/?q=&jenis=&urut=nama&perhatian=1"
    )

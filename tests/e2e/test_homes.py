"""A standard followed from the drafter's home through each role's home until it is in
force, in Chromium: each home shows the stepper at the stage it has reached, and what the
next step lacks as links that open where it is fixed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from standards import checks
from standards.models import ComponentKind
from tests.consultations.conftest import jpeg_bytes
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import consult, form_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def draft(agency_a, drafter_a, head_a, reviewer, mayor_office, secretariat):
    form_team(agency_a, chair_user=drafter_a)
    service = ServiceFactory(agency=agency_a, name="Penerbitan Kartu Identitas Anak", slug="kia")
    standard = make_complete_standard(service=service, texts={ComponentKind.PRODUCT: ""})
    assert not checks.is_complete(standard)
    return standard


def home_as(page, login, username, password=PASSWORD):
    if page.get_by_role("button", name="Keluar").count():
        page.get_by_role("button", name="Keluar").click()
    login(username, password)
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def expect_stage(page, service, label):
    row = page.locator(f"#layanan-{service.pk}")
    expect(row.locator(".step-current")).to_have_text(re.compile(label))
    return row


def both_widths(page, screenshot, name):
    screenshot(name)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(f"{name}-360")
    page.set_viewport_size(DESKTOP)


def test_a_standard_moves_through_every_home_to_in_force(
    page, live_server, login, screenshot, draft
):
    base = live_server.url
    service = draft.service
    page.set_viewport_size(DESKTOP)

    # 1. The drafter's home: penyusunan, and the completeness check's own reasons as links.
    home_as(page, login, "penyusun_a")
    row = expect_stage(page, service, "Penyusunan")
    expect(row.locator(".stage-missing")).to_contain_text("belum dibahas bersama masyarakat")
    both_widths(page, screenshot, "home-01-drafter-drafting")
    row.get_by_role("link", name=re.compile("^Lampiran angka 1 huruf B angka 7: sebutkan")).click()
    expect(page).to_have_url(re.compile(rf"/kelola/standar/{draft.pk}/#komponen-5$"))
    section = page.locator("#komponen-5")
    section.locator("textarea").first.fill("Kartu Identitas Anak (KIA).")
    section.locator(".component-form").get_by_role("button", name=re.compile("^Simpan")).click()
    expect(page.locator("#kelengkapan")).to_contain_text("Lengkap")

    # 2. Consulted (recorded as in test_lifecycle); the home offers the decree.
    consult(draft)
    page.goto(f"{base}/kelola/")
    row = expect_stage(page, service, "Pembahasan dengan masyarakat")
    row.get_by_role("link", name=re.compile("muat standar ini dalam rancangan keputusan")).click()
    page.get_by_label(re.compile("Penerbitan Kartu Identitas Anak")).check()
    page.get_by_role("button", name="Buat rancangan keputusan").click()
    page.get_by_role("link", name="Ajukan untuk evaluasi").click()
    page.get_by_role("button", name="Ajukan untuk evaluasi").click()
    expect(page.locator(".messages")).to_contain_text("Keputusan diajukan untuk evaluasi.")
    page.goto(f"{base}/kelola/")
    expect_stage(page, service, "Evaluasi")
    screenshot("home-02-drafter-submitted")

    # 3. Bagian Organisasi: the queue with the item's age; passes it.
    home_as(page, login, "evaluator")
    queue = page.locator("#antrean-evaluasi + p + .table-scroll")
    expect(queue).to_contain_text("sejak hari ini")
    both_widths(page, screenshot, "home-03-evaluator")
    queue.get_by_role("link", name=re.compile("Keputusan Kepala")).click()
    page.get_by_role("link", name="Nyatakan lulus evaluasi").click()
    page.get_by_role("button", name="Nyatakan lulus evaluasi").click()
    expect(page.locator(".messages")).to_contain_text("Keputusan dinyatakan lulus evaluasi.")

    # 4. The head: penetapan; sets the decree; then pengesahan lacks the Maklumat.
    home_as(page, login, "kepala_a")
    expect_stage(page, service, "Penetapan")
    page.get_by_role("link", name=re.compile("^Tetapkan: ")).click()
    page.get_by_role("link", name="Tetapkan").click()
    page.get_by_label("Nomor keputusan").fill("400.12/88/DISDUKCAPIL/2026")
    page.get_by_role("button", name="Tetapkan").click()
    expect(page.locator(".messages")).to_contain_text("Keputusan ditetapkan dan menunggu")
    # The signed decree, scanned, is uploaded before pengesahan (Pasal 12 ayat (1)).
    page.get_by_label("Pindaian keputusan bertanda tangan").set_input_files(
        [{"name": "halaman-1.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    page.get_by_role("button", name="Unggah pindaian").click()
    expect(page.locator(".messages")).to_contain_text("Pindaian keputusan bertanda tangan disimpan")
    page.goto(f"{base}/kelola/")
    row = expect_stage(page, service, "Pengesahan")
    expect(row.locator(".stage-missing")).to_contain_text("Pasal 14 ayat (1)")
    both_widths(page, screenshot, "home-04-head-ratification")
    row.get_by_role("link", name=re.compile("Pasal 14 ayat \\(1\\)")).click()
    expect(page).to_have_url(re.compile("/kelola/pd/disdukcapil/maklumat/$"))
    page.goto(f"{base}/kelola/pd/disdukcapil/maklumat/rancangan/")
    page.get_by_role("button", name="Simpan rancangan").click()
    page.goto(f"{base}/kelola/pd/disdukcapil/maklumat/tetapkan/")
    page.get_by_label(re.compile("^Saya, Kepala Perangkat Daerah, menetapkan")).check()
    page.get_by_role("button", name="Tetapkan Maklumat Pelayanan").click()
    page.goto(f"{base}/kelola/")
    expect(page.locator(f"#layanan-{service.pk} .stage-missing")).to_have_count(0)

    # 5. The mayor's office: waits for its signature, ready; ratifies.
    home_as(page, login, "walikota")
    waiting = page.locator("#menunggu-tanda-tangan + p + .table-scroll")
    expect(waiting).to_contain_text("Siap ditandatangani")
    both_widths(page, screenshot, "home-05-mayor")
    waiting.get_by_role("link", name=re.compile("Keputusan Kepala")).click()
    page.get_by_role("link", name="Sahkan").click()
    page.get_by_role("button", name="Sahkan").click()
    expect(page.locator(".lead")).to_contain_text("Berlaku")
    expect(page.locator("#riwayat + .timeline")).to_contain_text("Sahkan")
    screenshot("home-06-decree-timeline")

    # 6. The drafter's home: berlaku; its history page tells every act in WITA.
    home_as(page, login, "penyusun_a")
    row = expect_stage(page, service, "Berlaku")
    expect(row.locator(".step-done")).to_have_count(6)
    both_widths(page, screenshot, "home-07-drafter-in-force")
    row.get_by_role("link", name="Riwayat").click()
    timeline = page.locator(".timeline")
    for act in ("Penyusunan dimulai", "Ajukan untuk evaluasi", "Tetapkan", "Sahkan"):
        expect(timeline).to_contain_text(act)
    expect(timeline).to_contain_text("WITA")
    both_widths(page, screenshot, "home-08-standard-timeline")

    # 7. The Sekretaris Daerah lands on the dashboard; the public page tells the history.
    home_as(page, login, "sekda")
    expect(page.locator("#lama-menunggu")).to_be_visible()
    both_widths(page, screenshot, "home-09-secretariat")
    page.goto(f"{base}/pd/disdukcapil/layanan/kia/")
    expect(page.locator(".portal-history")).to_contain_text(
        re.compile("disusun .*dibahas .*ditetapkan .*disahkan")
    )
    screenshot("home-10-public-history")


def test_each_home_of_the_seeded_city_with_long_waits(page, live_server, login, screenshot):
    """The demo city, with its submitted draft waiting for three weeks: the evaluator's
    queue, the dashboard's wait figures and its list of items over the limit show it."""
    import datetime
    import io
    import os

    from django.core.management import call_command
    from django.utils import timezone

    from standards.models import Decree, DecreeStatus, StatusChange

    os.environ["DEMO_PASSWORD"] = "Demo-Bontang-2026"
    try:
        call_command("seed_demo", stdout=io.StringIO())
    finally:
        del os.environ["DEMO_PASSWORD"]
    waiting = Decree.objects.filter(status=DecreeStatus.SUBMITTED).first()
    StatusChange.objects.filter(decree=waiting).update(
        at=timezone.now() - datetime.timedelta(days=21)
    )
    page.set_viewport_size(DESKTOP)
    for username, marker in (
        ("penyusun.disdukcapil", ".service-stage"),
        ("kepala.dpmptsp", ".service-stage"),
        ("penyusun.dinkes", ".service-stage"),
        ("evaluator", "#antrean-evaluasi"),
        ("walikota", "#menunggu-tanda-tangan"),
        ("sekda", "#lama-menunggu"),
    ):
        home_as(page, login, username, "Demo-Bontang-2026")
        expect(page.locator(marker).first).to_be_visible()
        if username in ("evaluator", "sekda"):
            expect(page.locator(".row-over").first).to_be_visible()
        both_widths(page, screenshot, f"home-city-{username}")

"""A drafter drafts a Standar Pelayanan through the browser, from an empty inventory to a
standard that passes the completeness check, with htmx; and the same editor without
JavaScript. Screenshots land in artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from standards.models import ServiceStandard
from tests.consultations.conftest import pdf_bytes
from tests.e2e.conftest import SCREENSHOTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory


def caret_safe_screenshot(page: Page):
    """Like the `screenshot` fixture (same folder), with caret="initial": Playwright's default
    hides the caret with an injected <style>, which the strict CSP refuses, and the refusals
    then show up as console errors on every later swap (seen here, Playwright 1.65)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, full_page: bool = True):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page, caret="initial")
        return path

    return take


def component(page: Page, number: int):
    return page.locator(f"#komponen-{number}")


def save_text(page: Page, number: int, text: str) -> None:
    section = component(page, number)
    section.locator("textarea").first.fill(text)
    section.locator(".component-form").get_by_role("button", name=re.compile("^Simpan")).click()
    expect(section.locator(".component-form .save-status")).to_contain_text("Tersimpan")


def label(text: str) -> re.Pattern:
    """A field's label, with or without the asterisk of a required field."""
    return re.compile(rf"^{re.escape(text)}( \*)?$")


def add_row(page: Page, number: int, summary: str, fields: dict[str, str], selects=None):
    section = component(page, number)
    add = section.locator(".row-add")
    if not add.locator("details").evaluate("d => d.open"):
        add.locator("summary").click()
    form = add.locator("form")
    for name, value in fields.items():
        form.get_by_label(label(name)).fill(value)
    for name, value in (selects or {}).items():
        form.get_by_label(label(name)).select_option(label=value)
    count = section.locator("ol.rows > li").count()
    form.get_by_role("button", name=summary).click()
    expect(section.locator("ol.rows > li")).to_have_count(count + 1)
    # ready for the next row: the keyboard is in the first field of the empty form
    first = section.locator(".row-add form").locator("input:visible, textarea, select").first
    expect(first).to_be_focused()
    expect(first).to_have_value(re.compile("^$|administrative|face_to_face|uu|sms_whatsapp"))


def test_drafter_drafts_a_standard_from_empty_to_complete(
    page: Page, live_server, login, drafter_a, agency_a
):
    screenshot = caret_safe_screenshot(page)
    # No script error and no refusal by the Content Security Policy along the way.
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    login("penyusun_a", PASSWORD)
    page.get_by_role("link", name="Jenis layanan dan Standar Pelayanan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jenis layanan")
    screenshot("drafting-01-inventory-empty")

    # Pasal 10 ayat (1): the service first.
    page.get_by_role("link", name="Tambah jenis layanan").click()
    page.get_by_label("Nama layanan").fill("Penerbitan Kartu Keluarga")
    page.get_by_label("Jenis pelayanan (Pasal 6)").select_option(label="Pelayanan administratif")
    page.get_by_label("Uraian singkat").fill("Penerbitan KK baru karena membentuk keluarga baru.")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penerbitan Kartu Keluarga")
    page.get_by_role("button", name="Mulai menyusun Standar Pelayanan").click()

    # The editor: the Lampiran's table, an empty draft, the check lists what is missing.
    expect(page.get_by_role("heading", name="Proses Penyampaian Pelayanan")).to_be_visible()
    expect(page.get_by_role("heading", name="Proses Pengelolaan Pelayanan")).to_be_visible()
    checks = page.locator("#kelengkapan")
    expect(checks.locator(".check-list li").first).to_be_visible()
    assert checks.locator(".check-list li").count() >= 10
    screenshot("drafting-02-editor-empty")

    # A check item jumps to its component.
    checks.get_by_role("link", name=re.compile("Produk Pelayanan|produk pelayanan")).click()
    expect(page).to_have_url(re.compile("#komponen-5$"))

    # 2. Steps, with their time and fee: the totals follow without a reload.
    add_row(
        page,
        2,
        "Tambah tahap",
        {
            "Pelaksana": "Pemohon",
            "Kegiatan": "Menyerahkan berkas permohonan di loket",
            "Waktu": "15",
            "Biaya dibebankan kepada pemohon": "",
            "Keluaran": "Berkas diterima",
        },
        {"Satuan waktu": "menit"},
    )
    expect(page.locator("#total-waktu")).to_contain_text("15 menit")
    expect(page.locator("#total-biaya")).to_contain_text("Gratis (tidak dipungut biaya)")
    add_row(
        page,
        2,
        "Tambah tahap",
        {
            "Pelaksana": "Petugas loket",
            "Kegiatan": "Memverifikasi dan mencetak Kartu Keluarga",
            "Waktu": "1",
            "Keluaran": "Kartu Keluarga",
        },
        {"Satuan waktu": "hari kerja"},
    )
    expect(page.locator("#total-waktu")).to_contain_text("1 hari kerja 15 menit")
    expect(page.locator("#keluaran-tahapan")).to_contain_text("Kartu Keluarga")

    # 1. Requirements: the step list of the add form followed the new steps.
    add_row(
        page,
        1,
        "Tambah persyaratan",
        {"Persyaratan": "Fotokopi Buku Nikah/Akta Perkawinan"},
        {
            "Waktu penyampaian": "Di awal",
            "Tahap prosedur": "1. Pemohon: Menyerahkan berkas permohonan di loket",
        },
    )
    add_row(page, 1, "Tambah persyaratan", {"Persyaratan": "Surat pengantar RT/RW"})
    expect(component(page, 1).locator("ol.rows")).to_contain_text("tahap: Pemohon")

    # A row moves and is edited in place.
    second = component(page, 1).locator("ol.rows > li").nth(1)
    second.get_by_role("button", name=re.compile("Naik")).click()
    expect(component(page, 1).locator("ol.rows > li").first).to_contain_text("Surat pengantar")
    first = component(page, 1).locator("ol.rows > li").first
    first.get_by_role("link", name=re.compile("^Ubah")).click()
    first.get_by_label("Keterangan").fill("Asli")
    first.get_by_role("button", name="Simpan").click()
    expect(component(page, 1).locator("ol.rows > li").first).to_contain_text("Asli")

    # 6. Complaint channels and contact block; 7. legal bases; 11. staff count.
    add_row(
        page,
        6,
        "Tambah saluran pengaduan",
        {"Rincian": "0812 5555 1234"},
        {"Saluran": "SMS/WhatsApp"},
    )
    contact = page.locator("#isian-pengaduan")
    contact.get_by_label("Nama petugas pengaduan").fill("Siti Aminah")
    contact.get_by_label("Telepon/WhatsApp pengaduan").fill("0548-21234")
    contact.get_by_label("Surel pengaduan").fill("pengaduan@disdukcapil.bontangkota.go.id")
    contact.get_by_label("Alamat kantor pengaduan").fill("Jl. Bessai Berinta, Bontang Lestari")
    contact.get_by_role("button", name=re.compile("^Simpan")).click()
    expect(page.locator("#isian-pengaduan .save-status")).to_contain_text("Tersimpan")
    add_row(
        page,
        7,
        "Tambah dasar hukum",
        {
            "Nomor": "24",
            "Tahun": "2013",
            "Tentang": "Perubahan atas UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan",
        },
        {"Jenis peraturan": "Undang-Undang"},
    )
    staff = page.locator("#isian-jumlah-pelaksana")
    staff.get_by_label("Jumlah pelaksana (orang)").fill("3")
    staff.get_by_role("button", name=re.compile("^Simpan")).click()
    expect(staff.locator(".save-status")).to_contain_text("Tersimpan")

    # The text components.
    texts = {
        5: "Kartu Keluarga",
        8: "Ruang tunggu, loket pelayanan, komputer, printer, toilet.",
        9: "Memahami peraturan administrasi kependudukan; mampu mengoperasikan SIAK.",
        10: "Pengawasan oleh atasan langsung dan Inspektorat Kota Bontang.",
        11: "1 petugas loket, 1 verifikator, 1 operator cetak.",
        12: "Pelayanan diberikan sesuai standar; bila tidak, pemohon dapat mengadu.",
        13: "Data pemohon dijaga kerahasiaannya.",
        14: "Evaluasi kinerja pelaksana setiap 6 bulan.",
    }
    for number, text in texts.items():
        save_text(page, number, text)

    expect(checks.locator(".check-ok")).to_contain_text("Lengkap")
    expect(checks.locator(".check-list")).to_have_count(0)
    screenshot("drafting-03-editor-complete")

    # Everything is saved: a reload shows the same standard, still complete.
    page.reload()
    expect(page.locator("#kelengkapan .check-ok")).to_be_visible()
    standard = ServiceStandard.objects.get(service__name="Penerbitan Kartu Keluarga")
    assert standard.steps.count() == 2
    assert standard.requirements.count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    # Narrow screens: no sideways scrolling, the editor still usable.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.url.split("#")[0])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("drafting-04-editor-360")
    page.goto(f"{live_server.url}/kelola/standar/{standard.pk}/cetak/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("drafting-05-print-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("drafting-06-print")

    # The inventory now shows the draft; the service is on the list of free services.
    page.goto(f"{live_server.url}/kelola/pd/{agency_a.slug}/layanan/")
    expect(page.locator("table")).to_contain_text("Rancangan")
    screenshot("drafting-11-inventory")
    page.get_by_role("link", name="Pelayanan gratis").click()
    expect(page.locator("table")).to_contain_text("Penerbitan Kartu Keluarga")
    expect(page.locator("table")).to_contain_text("1 hari kerja 15 menit")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("drafting-12-free-services-360")
    assert problems == []


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def test_the_editor_works_without_javascript(no_js_page, live_server, drafter_a, agency_a):
    from tests.standards.factories import ServiceFactory, StandardFactory

    standard = StandardFactory(service=ServiceFactory(agency=agency_a, name="Akta Kelahiran"))
    page = no_js_page
    page.goto(f"{live_server.url}/kelola/masuk/")
    page.get_by_label("Nama pengguna").fill("penyusun_a")
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/kelola/standar/{standard.pk}/")

    # A plain form post, then a redirect back to the row's anchor.
    steps = component(page, 2)
    steps.locator("summary").click()
    form = steps.locator(".row-add form")
    form.get_by_label(label("Pelaksana")).fill("Petugas loket")
    form.get_by_label(label("Kegiatan")).fill("Mencetak akta")
    # The browser itself refuses "-3" (min="0"); the server refuses what it lets through.
    form.get_by_label(label("Waktu")).fill("99999")
    form.get_by_role("button", name="Tambah tahap").click()
    # Refused beside the field, the rest kept, on the whole page again.
    steps = component(page, 2)
    expect(steps.locator(".field-errors")).to_contain_text("paling lama 60 hari kerja")
    expect(steps.get_by_label(label("Pelaksana"))).to_have_value("Petugas loket")
    steps.get_by_label(label("Waktu")).fill("2")
    steps.get_by_label(label("Satuan waktu")).select_option(label="hari kerja")
    steps.get_by_role("button", name="Tambah tahap").click()
    expect(page).to_have_url(re.compile(r"#baris-tahapan-\d+$"))
    expect(page.locator("#total-waktu")).to_contain_text("2 hari kerja")

    # Edit the row through its own page state, then save.
    row = component(page, 2).locator("ol.rows > li").first
    row.get_by_role("link", name=re.compile("^Ubah")).click()
    row = component(page, 2).locator("ol.rows > li").first
    row.get_by_label(label("Keluaran")).fill("Kutipan akta kelahiran")
    row.get_by_role("button", name="Simpan").click()
    expect(component(page, 2).locator("ol.rows > li").first).to_contain_text("Kutipan akta")

    # A component's text.
    text = component(page, 5)
    text.locator("textarea").fill("Kutipan Akta Kelahiran")
    text.get_by_role("button", name=re.compile("^Simpan")).click()
    expect(page.locator(".messages")).to_contain_text("tersimpan")
    expect(component(page, 5).locator("textarea")).to_have_value("Kutipan Akta Kelahiran")


def test_ubah_standar_and_compare_versions(page, live_server, login, drafter_a, agency_a):
    screenshot = caret_safe_screenshot(page)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    from standards.models import StandardStatus
    from tests.standards.factories import make_complete_standard

    old = make_complete_standard(agency=agency_a, steps=3, requirements=3)
    ServiceStandard.objects.filter(pk=old.pk).update(status=StandardStatus.IN_FORCE)
    page.set_viewport_size({"width": 1280, "height": 900})
    login("penyusun_a", PASSWORD)
    page.goto(f"{live_server.url}/kelola/standar/{old.pk}/")
    expect(page.locator("textarea")).to_have_count(0)
    page.get_by_role("link", name="Ubah standar").click()
    page.get_by_label(label("Alasan perubahan (Pasal 12 ayat (5))")).select_option(
        label="Penerapan teknologi informasi"
    )
    page.get_by_label(label("Penjelasan perubahan")).fill("Pendaftaran melalui aplikasi daring.")
    page.get_by_role("button", name="Buat rancangan versi baru").click()
    expect(page.locator(".badge-draft").first).to_be_visible()
    expect(page.locator(".editor-change")).to_contain_text("Penerapan teknologi informasi")

    save_text(page, 2, "Permohonan diajukan melalui aplikasi daring.")
    first = component(page, 1).locator("ol.rows > li").first
    page.once("dialog", lambda dialog: dialog.accept())
    first.get_by_role("button", name=re.compile("^Hapus")).click()
    expect(component(page, 1).locator("ol.rows > li")).to_have_count(2)

    page.get_by_role("link", name="bandingkan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Perbandingan versi 1")
    expect(page.locator(".row-diff")).to_contain_text("dihapus")
    screenshot("drafting-07-compare")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("drafting-08-compare-360")
    assert problems == []


def test_drafting_team_is_formed_through_the_page(page, live_server, login, drafter_a, agency_a):
    screenshot = caret_safe_screenshot(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    login("penyusun_a", PASSWORD)
    page.goto(f"{live_server.url}/kelola/pd/{agency_a.slug}/tim-penyusun/")
    expect(page.locator(".team-status")).to_contain_text("belum dibentuk")

    page.get_by_label("Nomor keputusan pembentukan tim").fill("800/045/Disdukcapil/2026")
    page.get_by_label("Tanggal keputusan").fill("2026-01-15")
    page.get_by_label(re.compile("^Pindaian keputusan")).set_input_files(
        {"name": "sk.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n"}
    )
    page.get_by_role("button", name="Simpan keputusan").click()
    expect(page.locator("#id_decree_scan_error")).to_contain_text("bukan PDF")
    expect(page.get_by_label("Nomor keputusan pembentukan tim")).to_have_value(
        "800/045/Disdukcapil/2026"
    )
    page.get_by_label(re.compile("^Pindaian keputusan")).set_input_files(
        {"name": "sk.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    page.get_by_role("button", name="Simpan keputusan").click()
    expect(page.get_by_role("link", name="Unduh PDF")).to_be_visible()

    for name, role in (("Ahmad Syarifuddin", "Ketua"), ("Rina Wulandari", "Sekretaris")):
        form = page.locator("form.add-member")
        form.get_by_label(label("Nama")).fill(name)
        form.get_by_label(label("Kedudukan dalam tim")).select_option(label=role)
        form.get_by_role("button", name="Tambah anggota").click()
    expect(page.locator(".team-status")).to_contain_text("anggota")
    form = page.locator("form.add-member")
    form.get_by_label(label("Nama")).fill("Budi Santoso")
    form.get_by_label(label("NIP")).fill("12345")
    form.get_by_label(label("Kedudukan dalam tim")).select_option(label="Anggota")
    form.get_by_role("button", name="Tambah anggota").click()
    expect(page.locator("#id_anggota-nip_error")).to_contain_text("18 angka")
    page.locator("form.add-member").get_by_label(label("NIP")).fill("198001012005011001")
    page.locator("form.add-member").get_by_role("button", name="Tambah anggota").click()
    expect(page.locator(".team-status")).to_contain_text("Lengkap")
    screenshot("drafting-09-team")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot("drafting-10-team-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

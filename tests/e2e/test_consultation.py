"""A drafter plans a public consultation, marks attendance at the door on a phone, records
two inputs live and adopts one (Pasal 11; Pasal 4 ayat (3))."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import Consultation, InputOutcome
from tests.consultations.conftest import png_bytes
from tests.standards.factories import ServiceFactory, StandardFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory


@pytest.fixture
def drafts(agency_a):
    return [
        StandardFactory(service=ServiceFactory(agency=agency_a, name="Akta Kelahiran")),
        StandardFactory(service=ServiceFactory(agency=agency_a, name="Kartu Identitas Anak")),
    ]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_plan_attend_record_and_adopt(page, live_server, login, screenshot, drafter_a, drafts):
    login(drafter_a.username, PASSWORD)
    page.get_by_role("link", name="Pembahasan dengan masyarakat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pembahasan dengan masyarakat")
    page.get_by_role("link", name="Rencanakan pembahasan").click()

    # Plan: an FGD today about the birth certificate draft.
    page.get_by_label("Diskusi Grup Terfokus (FGD)").check()
    now = timezone.localtime().replace(second=0, microsecond=0)
    page.get_by_label("Tanggal dan jam (WITA)").fill(now.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Tempat").fill("Aula Disdukcapil, Jl. Bessai Berinta")
    page.get_by_label("Acara").fill("Pembahasan rancangan Standar Pelayanan akta kelahiran")
    page.get_by_label("Pimpinan rapat/moderator").fill("Drs. Ahmad Syarifuddin")
    page.get_by_label("Notulis").fill("Rina Wulandari")
    page.get_by_label("Akta Kelahiran (versi 1)").check()
    screenshot("consultation-plan")
    page.get_by_role("button", name="Simpan rencana").click()
    expect(page.get_by_role("heading", name="Tambah undangan")).to_be_visible()

    # Invitees (Pasal 11 ayat (2)).
    for name, organisation, category in (
        ("Hj. Nurhayati", "PKK Kelurahan Api-Api", "Organisasi terkait"),
        ("Budi Santoso", "Ketua RT 12", "Tokoh masyarakat"),
        ("Andi Pratama", "", "Pengguna layanan"),
    ):
        page.locator("#id_name").fill(name)
        page.get_by_label("Instansi/organisasi").fill(organisation)
        page.get_by_label("Unsur").select_option(label=category)
        page.get_by_role("button", name="Tambahkan").click()
        expect(page.locator(".messages")).to_contain_text(name)
    screenshot("consultation-invitees")
    consultation = Consultation.objects.get()

    # At the door, on a phone.
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("link", name="Kehadiran").click()
    page.evaluate("window.__noReload = true")
    expect(page.locator("#jumlah-hadir")).to_contain_text("0 dari 3")
    for name in ("Hj. Nurhayati", "Budi Santoso"):
        button = page.locator(".cons-door-button", has_text=name)
        box = button.bounding_box()
        assert box["height"] >= 48 and box["width"] >= 300  # a big touch target
        button.click()
        expect(page.locator(".cons-door-button", has_text=name)).to_have_attribute(
            "aria-pressed", "true"
        )
    expect(page.locator("#jumlah-hadir")).to_contain_text("2 dari 3")
    assert page.evaluate("window.__noReload === true")  # htmx: no full reload
    assert no_horizontal_scroll(page)
    screenshot("consultation-attendance-360")
    # Undo a tap, then tap again.
    page.locator(".cons-door-button", has_text="Budi Santoso").click()
    expect(page.locator("#jumlah-hadir")).to_contain_text("1 dari 3")
    page.locator(".cons-door-button", has_text="Budi Santoso").click()
    expect(page.locator("#jumlah-hadir")).to_contain_text("2 dari 3")

    # A walk-in.
    page.locator("#id_datang-name").fill("Rudi Hartono")
    page.locator("#id_datang-category").select_option(label="Pengguna layanan")
    page.get_by_role("button", name="Catat hadir").click()
    expect(page.locator(".cons-door-button", has_text="Rudi Hartono")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#jumlah-hadir")).to_contain_text("3 dari 4")
    screenshot("consultation-walk-in-360", full_page=False)

    # Inputs, recorded live.
    page.get_by_role("link", name="Masukan", exact=True).click()
    page.evaluate("window.__noReload = true")
    inputs = (
        (
            "Jangka Waktu Pelayanan",
            "Hj. Nurhayati — PKK Kelurahan Api-Api",
            "Waktu 14 hari terlalu lama; mohon 7 hari.",
        ),
        ("Biaya/Tarif", "Rudi Hartono", "Sediakan layanan antar akta ke rumah."),
    )
    for number, (component, speaker, text) in enumerate(inputs, start=1):
        page.get_by_label("Komponen").select_option(label=f"{3 if number == 1 else 4}. {component}")
        page.get_by_label("Disampaikan oleh").select_option(label=speaker)
        page.locator("#id_text").fill(text)
        page.get_by_role("button", name="Catat masukan").click()
        expect(page.locator("#form-masukan .message")).to_contain_text(
            f"Masukan nomor {number} dicatat."
        )
        expect(page.locator("#daftar-masukan")).to_contain_text(text)
        expect(page.locator("#id_text")).to_have_value("")
    assert page.evaluate("window.__noReload === true")
    assert no_horizontal_scroll(page)
    screenshot("consultation-inputs-360")

    # Adopt the first.
    page.locator("#daftar-masukan li").first.get_by_role("link").click()
    page.get_by_label("Diterima", exact=True).check()
    page.get_by_label("Komponen yang diubah").select_option(label="3. Jangka Waktu Pelayanan")
    page.get_by_label("Perubahan pada rancangan").fill("Jangka waktu menjadi 7 hari kerja.")
    screenshot("consultation-decide-360")
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    first = page.locator("#daftar-masukan li").first
    expect(first.locator(".cons-badge")).to_have_text("Diterima")
    expect(first).to_contain_text("Jangka waktu menjadi 7 hari kerja.")
    expect(page.locator("#daftar-masukan li").nth(1).locator(".cons-badge")).to_have_text(
        "Belum diputuskan"
    )
    screenshot("consultation-inputs-decided-360")

    outcomes = list(consultation.inputs.order_by("position").values_list("outcome", flat=True))
    assert outcomes == [InputOutcome.ADOPTED, InputOutcome.PENDING]
    assert consultation.participants.filter(attended=True).count() == 3

    # The overview at desktop width.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Ringkasan").click()
    expect(page.get_by_role("heading", name="Langkah berikutnya")).to_be_visible()
    screenshot("consultation-detail")

    # A signed scan, uploaded from the phone's files.
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("link", name="Pindaian", exact=True).click()
    page.get_by_label("Jenis pindaian").select_option(label="Daftar hadir bertanda tangan")
    page.get_by_label("Berkas").set_input_files(
        files=[{"name": "daftar hadir.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.get_by_role("button", name="Unggah").click()
    expect(page.locator(".messages")).to_contain_text("1 berkas daftar hadir")
    expect(page.get_by_role("link", name="daftar hadir.png")).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot("consultation-scans-360")
    page.get_by_role("link", name="Pembahasan Disdukcapil").click()
    screenshot("consultation-list-360")

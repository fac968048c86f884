"""The whole life of a standard in Chromium, switching role at each step (Pasal 10-14):
draft, consult, submit, return with a note, fix, submit, pass, set, set the Maklumat,
ratify, then open the final decree's verification page by its QR code's address."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import DocumentKind
from standards import checks
from standards.models import ComponentKind, Decree, DecreeStatus, StandardStatus
from tests.consultations.conftest import pdf_bytes
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import form_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "sandi-uji-123"  # tests.factories.UserFactory


@pytest.fixture
def draft(agency_a, drafter_a, head_a, reviewer, mayor_office):
    """A draft missing one component (the drafter writes it in the browser)."""
    form_team(agency_a, chair_user=drafter_a)
    service = ServiceFactory(agency=agency_a, name="Penerbitan Kartu Keluarga", slug="kk")
    standard = make_complete_standard(service=service, texts={ComponentKind.STAFF_EVALUATION: ""})
    assert not checks.is_complete(standard)
    return standard


def switch_to(page, login, username):
    if page.get_by_role("button", name="Keluar").count():
        page.get_by_role("button", name="Keluar").click()
    login(username, PASSWORD)
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def act(page, name):
    """Open an act from the decree page and confirm it."""
    page.get_by_role("link", name=name).click()
    page.get_by_role("button", name=name).click()
    expect(page.locator(".messages")).to_contain_text("Berhasil")


def test_the_life_of_a_standard(page, live_server, login, screenshot, draft, agency_a):
    base = live_server.url
    decree_url = None

    # 1. The drafter completes the standard in the editor.
    switch_to(page, login, "penyusun_a")
    page.goto(f"{base}/kelola/standar/{draft.pk}/")
    section = page.locator("#komponen-14")
    section.locator("textarea").first.fill("Penilaian kinerja petugas setiap semester.")
    section.locator(".component-form").get_by_role("button", name=re.compile("^Simpan")).click()
    expect(page.locator("#kelengkapan")).to_contain_text("Lengkap")
    screenshot("lifecycle-01-complete")

    # 2. The public consultation (Pasal 11), recorded at the door and closed with scans.
    page.goto(f"{base}/kelola/pd/disdukcapil/pembahasan/baru/")
    page.get_by_label("Diskusi Grup Terfokus (FGD)").check()
    now = timezone.localtime().replace(second=0, microsecond=0)
    page.get_by_label("Tanggal dan jam (WITA)").fill(now.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Tempat").fill("Aula Disdukcapil")
    page.get_by_label("Acara").fill("Pembahasan rancangan Standar Pelayanan Kartu Keluarga")
    page.get_by_label("Pimpinan rapat/moderator").fill("Sekretaris Dinas")
    page.get_by_label("Notulis").fill("Rina Wulandari")
    page.get_by_label("Penerbitan Kartu Keluarga (versi 1)").check()
    page.get_by_role("button", name="Simpan rencana").click()
    page.locator("#id_name").fill("Budi Santoso")
    page.get_by_label("Instansi/organisasi").fill("Ketua RT 12")
    page.get_by_label("Unsur").select_option(label="Tokoh masyarakat")
    page.get_by_role("button", name="Tambahkan").click()
    page.get_by_role("link", name="Kehadiran").click()
    page.locator(".cons-door-button", has_text="Budi Santoso").click()
    expect(page.locator("#jumlah-hadir")).to_contain_text("1 dari 1")
    page.get_by_role("link", name="Ringkasan").click()
    page.get_by_role("button", name="Catat telah dilaksanakan").click()
    page.get_by_role("link", name="Pindaian", exact=True).click()
    for kind in ("Bukti undangan", "Daftar hadir bertanda tangan", "Berita acara bertanda tangan"):
        page.get_by_label("Jenis pindaian").select_option(label=kind)
        page.get_by_label("Berkas").set_input_files(
            files=[{"name": "pindaian.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
        )
        page.get_by_role("button", name="Unggah").click()
        expect(page.locator(".messages")).to_contain_text("1 berkas")
    page.get_by_role("link", name="Ringkasan").click()
    page.get_by_role("link", name="Tutup dengan berita acara").click()
    page.get_by_label("Nomor berita acara").fill("BA/01/DISDUKCAPIL/2026")
    page.get_by_label(re.compile("^Berita acara telah ditandatangani")).check()
    page.get_by_role("button", name="Tutup pembahasan").click()
    expect(page.locator(".cons-done")).to_contain_text("BA/01/DISDUKCAPIL/2026")
    screenshot("lifecycle-02-consulted")

    # 3. A draft decree, submitted for evaluation (Pasal 12 ayat (4)).
    page.goto(f"{base}/kelola/pd/disdukcapil/keputusan/baru/")
    page.get_by_label("Penerbitan Kartu Keluarga (versi 1)").check()
    page.get_by_role("button", name="Buat rancangan keputusan").click()
    decree_url = page.url
    act(page, "Ajukan untuk evaluasi")
    screenshot("lifecycle-03-submitted")

    # 4. Bagian Organisasi returns it with a note on the fee.
    switch_to(page, login, "evaluator")
    page.get_by_role("link", name="Antrean evaluasi").click()
    page.get_by_role("link", name=re.compile("Keputusan Kepala Dinas")).click()
    page.get_by_role("link", name="Tinjau lampiran").click()
    expect(page.locator(".review-standard")).to_contain_text("Semua komponen lengkap.")
    screenshot("lifecycle-04-review")
    page.goto(decree_url)
    page.get_by_role("link", name="Kembalikan dengan catatan").click()
    page.locator("#id_notes-0-standard").select_option(label="Penerbitan Kartu Keluarga")
    page.locator("#id_notes-0-component").select_option(label="Biaya/Tarif")
    page.locator("#id_notes-0-text").fill("Tuliskan dasar hukum pembebasan biaya (UU 24/2013).")
    page.get_by_role("button", name="Kembalikan dengan catatan").click()
    expect(page.locator(".messages")).to_contain_text("Berhasil")

    # 5. The drafter sees the note beside the fee, fixes it, marks it, submits again.
    switch_to(page, login, "penyusun_a")
    expect(page.locator(".task-list")).to_contain_text("Tindak lanjuti catatan evaluasi")
    page.goto(f"{base}/kelola/standar/{draft.pk}/")
    fee = page.locator("#komponen-4")
    expect(fee.locator(".review-notes")).to_contain_text("UU 24/2013")
    screenshot("lifecycle-05-note-beside-component")
    fee.locator(".component-form textarea").first.fill(
        "Gratis berdasarkan Pasal 79A Undang-Undang Nomor 24 Tahun 2013."
    )
    fee.locator(".component-form").get_by_role("button", name=re.compile("^Simpan")).click()
    expect(fee.locator(".c-saved, .message, .component-form")).not_to_have_count(0)
    fee.locator(".note-answer textarea").fill("Dasar hukum pembebasan biaya dicantumkan.")
    fee.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.locator("#komponen-4 .review-notes")).to_have_count(0)
    page.goto(decree_url)
    act(page, "Ajukan untuk evaluasi")

    # 6. Bagian Organisasi passes it.
    switch_to(page, login, "evaluator")
    page.goto(decree_url)
    act(page, "Nyatakan lulus evaluasi")

    # 7. The head sets the Maklumat (Pasal 14) and the decree (penetapan).
    switch_to(page, login, "kepala_a")
    page.goto(f"{base}/kelola/pd/disdukcapil/maklumat/rancangan/")
    page.get_by_role("button", name="Simpan rancangan").click()
    page.goto(f"{base}/kelola/pd/disdukcapil/maklumat/tetapkan/")
    page.get_by_label(re.compile("^Saya, Kepala Perangkat Daerah, menetapkan")).check()
    page.get_by_role("button", name="Tetapkan Maklumat Pelayanan").click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(f"{base}/kelola/")
    page.get_by_role("link", name=re.compile("^Tetapkan: ")).click()
    page.get_by_role("link", name="Tetapkan").click()
    page.get_by_label("Nomor keputusan").fill("400.12/77/DISDUKCAPIL/2026")
    page.get_by_role("button", name="Tetapkan").click()
    expect(page.locator(".messages")).to_contain_text("Berhasil")
    screenshot("lifecycle-06-set")

    # 8. The mayor's office ratifies (pengesahan).
    switch_to(page, login, "walikota")
    page.get_by_role("link", name=re.compile("^Sahkan: ")).click()
    act(page, "Sahkan")
    expect(page.locator(".lead")).to_contain_text("Berlaku")
    screenshot("lifecycle-07-in-force")

    decree = Decree.objects.get()
    assert decree.status == DecreeStatus.IN_FORCE
    draft.refresh_from_db()
    assert draft.status == StandardStatus.IN_FORCE
    assert list(decree.status_changes.values_list("action", flat=True)) == [
        "submit",
        "return",
        "submit",
        "pass",
        "set",
        "ratify",
    ]

    # 9. A citizen opens the final decree's verification page by its QR code's address.
    final = decree  # the QR code carries SITE_URL/verifikasi/<code>/; SITE_URL is the portal
    from standards.decrees import decree_documents

    document = decree_documents(final).get(kind=DocumentKind.DECREE)
    assert document.issued and document.public
    page.get_by_role("button", name="Keluar").click()
    page.goto(f"{base}/verifikasi/{document.code}/")
    expect(page.locator(".verify-verdict")).to_contain_text("SAH dan BERLAKU")
    expect(page.locator("body")).to_contain_text("400.12/77/DISDUKCAPIL/2026")
    screenshot("lifecycle-08-verification")

"""The decree pages: who sees what, acts through the pages, 'Tugas saya'."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from standards import decrees
from standards.models import DecreeStatus, ReviewNote, TeamMember
from tests.standards.workflow_fixtures import adopted_fee_input, ready_decree

pytestmark = pytest.mark.django_db


@pytest.fixture
def decree(agency_a, drafter_a, head_a):
    return ready_decree(agency_a, drafter_a)


def _act_url(decree, action):
    return reverse("standards:decree-act", args=[decree.pk, action])


def test_decree_list_is_scoped_to_the_users_agencies(
    client, decree, drafter_a, drafter_b, agency_b, secretariat
):
    other = ready_decree(agency_b, drafter_b)
    client.force_login(drafter_a)
    content = client.get(reverse("standards:decree-list")).content.decode()
    assert reverse("standards:decree-detail", args=[decree.pk]) in content
    assert reverse("standards:decree-detail", args=[other.pk]) not in content
    client.force_login(secretariat)
    content = client.get(reverse("standards:decree-list")).content.decode()
    assert reverse("standards:decree-detail", args=[other.pk]) in content


def test_decree_list_query_count_does_not_grow(
    client, agency_a, drafter_a, head_a, django_assert_max_num_queries
):
    for _ in range(3):
        ready_decree(agency_a, drafter_a)
    client.force_login(drafter_a)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("standards:decree-list"))
    for _ in range(6):
        ready_decree(agency_a, drafter_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("standards:decree-list"))
    assert response.content.decode().count("status-draft") == 9


def test_other_agency_gets_404(client, decree, drafter_b):
    client.force_login(drafter_b)
    assert client.get(reverse("standards:decree-detail", args=[decree.pk])).status_code == 404
    assert client.post(_act_url(decree, "submit")).status_code == 404


def test_drafter_submits_through_the_page(client, decree, drafter_a, reviewer):
    client.force_login(drafter_a)
    page = client.get(reverse("standards:decree-detail", args=[decree.pk])).content.decode()
    assert "Ajukan untuk evaluasi" in page
    response = client.post(_act_url(decree, "submit"))
    assert response.status_code == 302
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.SUBMITTED
    client.force_login(reviewer)
    home = client.get(reverse("staff-home")).content.decode()
    assert "Evaluasi: " + decree.title in home
    queue = client.get(reverse("standards:review-queue")).content.decode()
    assert decree.title in queue


def test_refused_act_shows_the_reasons(client, decree, drafter_a):
    TeamMember.objects.filter(role="secretary").delete()
    client.force_login(drafter_a)
    response = client.post(_act_url(decree, "submit"))
    assert response.status_code == 422
    assert "Pasal 10 ayat (4)" in response.content.decode()
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.DRAFT


def test_act_not_available_to_this_user_is_forbidden(client, decree, reviewer):
    client.force_login(reviewer)
    response = client.post(_act_url(decree, "submit"))
    assert response.status_code == 403
    assert "Ajukan untuk evaluasi tidak dapat Anda lakukan pada keputusan berstatus" in (
        response.content.decode()
    )


def test_reviewer_returns_with_notes_and_drafter_marks_them(client, decree, drafter_a, reviewer):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    client.force_login(reviewer)
    data = {
        "notes-TOTAL_FORMS": "3",
        "notes-INITIAL_FORMS": "0",
        "notes-0-standard": standard.pk,
        "notes-0-component": "fee",
        "notes-0-text": "Cantumkan dasar hukum biaya.",
        "notes-1-text": "",
        "notes-2-text": "",
    }
    response = client.post(_act_url(decree, "return"), data)
    assert response.status_code == 302
    note = ReviewNote.objects.get()
    assert (note.standard, note.component) == (standard, "fee")
    client.force_login(drafter_a)
    page = client.get(reverse("standards:decree-detail", args=[decree.pk])).content.decode()
    assert "Cantumkan dasar hukum biaya." in page
    assert "Tindak lanjuti catatan evaluasi" in client.get(reverse("staff-home")).content.decode()
    client.post(
        reverse("standards:review-note-addressed", args=[note.pk]),
        {"answer": "Perda retribusi dicantumkan."},
    )
    note.refresh_from_db()
    assert note.addressed_by == drafter_a
    assert note.answer == "Perda retribusi dicantumkan."


def test_return_without_a_note_is_refused_on_the_page(client, decree, drafter_a, reviewer):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    client.force_login(reviewer)
    data = {"notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-0-text": ""}
    response = client.post(_act_url(decree, "return"), data)
    assert response.status_code == 422
    assert "sedikitnya satu catatan" in response.content.decode()


def test_set_form_keeps_input_and_reports_a_taken_number(
    client, agency_a, drafter_a, reviewer, head_a
):
    first = ready_decree(agency_a, drafter_a)
    second = ready_decree(agency_a, drafter_a)
    for decree in (first, second):
        decrees.decree_submit(actor=drafter_a, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head_a, decree=first, number="3/2026", decree_date=timezone.localdate()
    )
    client.force_login(head_a)
    response = client.post(
        _act_url(second, "set"),
        {"number": "3/2026", "decree_date": timezone.localdate().isoformat()},
    )
    content = response.content.decode()
    assert response.status_code == 422
    assert "sudah dipakai" in content
    assert 'value="3/2026"' in content


def test_head_sees_set_task_after_evaluation(client, decree, drafter_a, reviewer, head_a):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    client.force_login(head_a)
    assert "Tetapkan: " + decree.title in client.get(reverse("staff-home")).content.decode()


def test_review_queue_is_for_reviewers(client, drafter_a):
    client.force_login(drafter_a)
    assert client.get(reverse("standards:review-queue")).status_code == 404


def test_decree_text_is_editable_while_draft_only(client, decree, drafter_a, reviewer):
    client.force_login(drafter_a)
    url = reverse("standards:decree-edit-text", args=[decree.pk])
    response = client.post(
        url,
        {
            "title": "Judul baru",
            "considerations": "a. bahwa...",
            "legal_references": "1. UU 25/2009",
        },
    )
    assert response.status_code == 302
    decree.refresh_from_db()
    assert decree.title == "Judul baru"
    decrees.decree_submit(actor=drafter_a, decree=decree)
    response = client.post(url, {"title": "Lagi", "considerations": "x", "legal_references": "y"})
    assert "Hanya rancangan" in response.content.decode()


def test_review_page_shows_lampiran_check_trace_and_diff(
    client, decree, drafter_a, reviewer, django_assert_max_num_queries
):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    client.force_login(reviewer)
    with django_assert_max_num_queries(60):
        response = client.get(reverse("standards:decree-review", args=[decree.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Proses Penyampaian Pelayanan" in content and "Proses Pengelolaan Pelayanan" in content
    assert standard.requirements.first().description in content
    assert "Semua komponen lengkap." in content
    assert "standar pertama layanan ini" in content
    assert "Nyatakan lulus evaluasi" in content


def test_review_page_is_404_for_other_agencies(client, decree, drafter_b):
    client.force_login(drafter_b)
    assert client.get(reverse("standards:decree-review", args=[decree.pk])).status_code == 404


def test_decree_page_lists_its_documents(client, agency_a, drafter_a, reviewer, head_a):
    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head_a, decree=decree, number="4/2026", decree_date=timezone.localdate()
    )
    client.force_login(head_a)
    content = client.get(reverse("standards:decree-detail", args=[decree.pk])).content.decode()
    assert "Rancangan Keputusan" in content
    assert "Halaman verifikasi" in content


def test_returned_note_shows_beside_its_component_in_the_editor(
    client, decree, drafter_a, reviewer
):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    decrees.decree_return(
        actor=reviewer, decree=decree, notes=[(standard, "fee", "Cantumkan dasar hukum biaya.")]
    )
    client.force_login(drafter_a)
    url = reverse("standards:standard-detail", args=[standard.pk])
    content = client.get(url).content.decode()
    fee_block = content.split('id="komponen-4"')[1].split('id="komponen-5"')[0]
    assert "Cantumkan dasar hukum biaya." in fee_block
    note = ReviewNote.objects.get()
    response = client.post(
        reverse("standards:review-note-addressed", args=[note.pk]),
        {"next": url + "#komponen-4", "answer": "Dasar hukum biaya dicantumkan."},
    )
    assert response["Location"] == url + "#komponen-4"
    assert "Cantumkan dasar hukum biaya." not in client.get(url).content.decode()


def test_note_addressed_never_redirects_off_site(client, decree, drafter_a, reviewer):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_return(actor=reviewer, decree=decree, notes=[(None, "", "Umum.")])
    client.force_login(drafter_a)
    note = ReviewNote.objects.get()
    response = client.post(
        reverse("standards:review-note-addressed", args=[note.pk]),
        {"next": "https://contoh.invalid/", "answer": "Sudah."},
    )
    assert response["Location"] == reverse("standards:decree-detail", args=[decree.pk])


def test_ubah_standar_on_a_standard_in_force_opens_an_amending_draft_decree(
    client, decree, drafter_a, reviewer, head_a, mayor_office, agency_a
):
    from standards.models import Decree
    from tests.standards.workflow_fixtures import set_maklumat, sign

    set_maklumat(head_a, agency_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head_a, decree=decree, number="1/2026", decree_date=timezone.localdate()
    )
    sign(decree, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=decree)
    standard = decree.standards.get()
    client.force_login(drafter_a)
    response = client.post(
        reverse("standards:standard-revise", args=[standard.pk]),
        {"change_reason": "technology", "change_explanation": "Permohonan daring."},
    )
    assert response.status_code == 302
    amending = Decree.objects.get(amends=decree)
    assert amending.status == DecreeStatus.DRAFT
    assert amending.standards.get().previous == standard


def test_wet_signed_scan_is_kept_beside_the_decree(
    client, agency_a, drafter_a, drafter_b, reviewer, head_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.consultations.conftest import pdf_bytes

    decree = ready_decree(agency_a, drafter_a)
    url = reverse("standards:decree-signed-scan", args=[decree.pk])
    client.force_login(drafter_a)
    scan = SimpleUploadedFile("kep ttd.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(url, {"files": scan})
    decree.refresh_from_db()
    assert not decree.signed_scan  # only after penetapan
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head_a, decree=decree, number="8/2026", decree_date=timezone.localdate()
    )
    fake = SimpleUploadedFile("kep.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url, {"files": fake}, follow=True)
    assert "Berkas" in response.content.decode() or "PDF" in response.content.decode()
    decree.refresh_from_db()
    assert not decree.signed_scan
    scan = SimpleUploadedFile("kep ttd.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(url, {"files": scan})
    decree.refresh_from_db()
    assert decree.signed_scan.name.startswith("private/decrees/")
    assert decree.signed_scan_name == "kep ttd.pdf" and len(decree.signed_scan_sha256) == 64
    download = client.get(url)
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    client.force_login(drafter_b)
    assert client.get(url).status_code == 404


def test_standard_page_shows_the_consultation_trace(client, decree, drafter_a):

    standard = decree.standards.get()
    consultation = standard.consultations.get()
    adopted_fee_input(consultation, standard)
    client.force_login(drafter_a)
    content = client.get(reverse("standards:standard-detail", args=[standard.pk])).content.decode()
    assert "Mohon biaya ditulis jelas." in content
    assert "Biaya ditulis Gratis." in content


def test_submission_mails_the_reviewers_after_commit(decree, drafter_a, reviewer):
    from django.db import transaction

    from agencies.models import Notification

    with pytest.raises(RuntimeError), transaction.atomic():
        decrees.decree_submit(actor=drafter_a, decree=decree)
        raise RuntimeError("rolled back")
    assert not Notification.objects.exists()
    decrees.decree_submit(actor=drafter_a, decree=decree)
    notification = Notification.objects.get(recipient=reviewer)
    assert "menunggu evaluasi" in notification.subject
    assert notification.url == reverse("standards:decree-detail", args=[decree.pk])

"""The printable forms (Pasal 11 ayat (3), 12 ayat (3)): rendered through the documents app,
containing the participants and the inputs, downloadable only by those who may read."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from consultations import services
from consultations.documents import KINDS
from documents.models import Document, DocumentKind, DocumentStatus
from standards.models import ComponentKind
from tests.consultations.conftest import add_participant, make_held

pytestmark = pytest.mark.django_db


def pdf_text(document: Document) -> str:
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def meeting(drafter_a, consultation, standard_a):
    invitee = add_participant(
        drafter_a,
        consultation,
        name="Hj. Nurhayati",
        organisation="PKK Kelurahan Api-Api",
        category="related_organisation",
        signs_minutes=True,
    )
    add_participant(drafter_a, consultation, name="Andi Pratama", category="service_user")
    official = add_participant(
        drafter_a,
        consultation,
        name="Yusuf Hidayat",
        category="organisation_division",
        organisation="Bagian Organisasi Setda",
    )
    services.attendance_set(actor=drafter_a, participant=official, attended=True)
    walk_in = services.participant_add(
        actor=drafter_a,
        consultation=consultation,
        name="Rudi Walk-in",
        category="service_user",
        invited=False,
        attended=True,
    )
    make_held(drafter_a, consultation, invitee)
    adopted = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.SERVICE_TIME,
        raised_by=invitee,
        mark_present=True,  # the recorder confirms they were there
        text="Waktu penyelesaian 14 hari terlalu lama.",
    )
    services.input_decide(
        actor=drafter_a,
        entry=adopted,
        outcome="adopted",
        change_component=ComponentKind.SERVICE_TIME,
        change_description="Jangka waktu menjadi 7 hari kerja.",
    )
    rejected = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.FEE,
        raised_by=walk_in,
        mark_present=True,  # the recorder confirms they were there
        text="Sediakan layanan antar ke rumah.",
    )
    services.input_decide(
        actor=drafter_a,
        entry=rejected,
        outcome="not_adopted",
        reason="Belum ada anggaran kurir.",
    )
    services.consultation_update(
        actor=drafter_a,
        consultation=consultation,
        minutes_number="BA/045/DUKCAPIL/2026",
        agreements="Rancangan disepakati dengan perubahan jangka waktu.",
    )
    return consultation


def generate(actor, consultation, kind, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.consultation_document_request(
            actor=actor, consultation=consultation, kind=kind
        )


def test_invitation_is_addressed_to_the_invitees(
    drafter_a, meeting, django_capture_on_commit_callbacks
):
    document = generate(
        drafter_a, meeting, DocumentKind.CONSULTATION_INVITATION, django_capture_on_commit_callbacks
    )
    text = pdf_text(document)
    assert "Undangan Diskusi Grup Terfokus (FGD)" in text
    assert "005/123/Disdukcapil" in text
    assert "Hj. Nurhayati" in text and "Andi Pratama" in text
    assert "Rudi Walk-in" not in text  # not invited
    assert "Akta Kelahiran" in text
    assert "Drs. Kepala Uji, M.Si." in text  # the head signs
    assert document.reference_number == "005/123/Disdukcapil"


def test_attendance_sheet_lists_names_with_empty_signatures(
    drafter_a, meeting, django_capture_on_commit_callbacks
):
    document = generate(
        drafter_a, meeting, DocumentKind.ATTENDANCE_SHEET, django_capture_on_commit_callbacks
    )
    text = pdf_text(document)
    assert "DAFTAR HADIR" in text
    for name in ("Hj. Nurhayati", "Andi Pratama", "Yusuf Hidayat", "Rudi Walk-in"):
        assert name in text
    assert "Tanda Tangan" in text


def test_minutes_contain_participants_by_category_inputs_and_outcomes(
    drafter_a, meeting, django_capture_on_commit_callbacks
):
    document = generate(
        drafter_a, meeting, DocumentKind.MINUTES, django_capture_on_commit_callbacks
    )
    text = pdf_text(document)
    assert "BERITA ACARA" in text and "BA/045/DUKCAPIL/2026" in text
    assert "Organisasi terkait" in text and "Pengguna layanan" in text
    assert "Hj. Nurhayati" in text and "Rudi Walk-in" in text and "Yusuf Hidayat" in text
    assert "Andi Pratama" not in text  # invited but absent
    assert "Waktu penyelesaian 14 hari terlalu lama." in text
    assert "Jangka waktu menjadi 7 hari kerja." in text
    assert "Sediakan layanan antar ke rumah." in text
    assert "Belum ada anggaran kurir." in text
    assert "Rancangan disepakati dengan perubahan jangka waktu." in text
    assert "Wakil masyarakat" in text and "Pimpinan rapat" in text
    assert "Pasal 11 ayat (3)" in text


def test_generate_button_and_download_through_documents(
    client, drafter_a, reviewer, drafter_b, meeting, django_capture_on_commit_callbacks
):
    client.force_login(drafter_a)
    generate_url = reverse(
        "consultations:document-generate", args=[meeting.agency.slug, meeting.pk, "berita-acara"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(generate_url)
    assert response.status_code == 302
    document = Document.objects.get(kind=DocumentKind.MINUTES)
    assert document.agency == meeting.agency and not document.public
    detail = client.get(
        reverse("consultations:consultation-detail", args=[meeting.agency.slug, meeting.pk])
    ).content.decode()
    download = reverse("documents:download", args=[document.code])
    assert download in detail
    assert client.get(download).status_code == 200
    client.force_login(reviewer)
    assert client.get(download).status_code == 200
    client.force_login(drafter_b)
    assert client.get(download).status_code == 404


def test_unknown_document_kind_is_404(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(
        reverse(
            "consultations:document-generate",
            args=[consultation.agency.slug, consultation.pk, "lainnya"],
        )
    )
    assert response.status_code == 404
    assert set(KINDS) == {"undangan", "daftar-hadir", "berita-acara"}


def test_user_text_cannot_make_the_renderer_fetch(
    drafter_a, consultation, django_capture_on_commit_callbacks
):
    add_participant(
        drafter_a,
        consultation,
        name='<img src="file:///etc/passwd">',
        organisation='<link rel="attachment" href="file:///etc/passwd">',
    )
    document = generate(
        drafter_a, consultation, DocumentKind.ATTENDANCE_SHEET, django_capture_on_commit_callbacks
    )
    text = pdf_text(document)
    assert "file:///etc/passwd" in text.replace(" ", "")  # printed as text, not fetched
    assert "root:x:0:0" not in text

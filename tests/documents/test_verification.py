"""The public verification page: what a document is, whether it is in force, and whether
a PDF in hand is byte-identical to it; unknown codes and rate limiting."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import DocumentKind, format_code
from documents.services import document_issue, document_revoke, document_supersede
from tests.documents.conftest import make_ready_document

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n% Keputusan asli\n%%EOF\n"


@pytest.fixture
def issued(agency_a):
    document = make_ready_document(agency_a, content=PDF_BYTES, public=True)
    return document_issue(
        document=document,
        reference_number="100.3.3/012/DISDUKCAPIL/2025",
        reference_date=datetime.date(2025, 3, 14),
    )


def _url(document) -> str:
    return reverse("documents:verify", args=[document.code])


def test_in_force_document_shows_what_it_is_and_offers_the_file(client, issued):
    response = client.get(_url(issued))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Dokumen ini SAH dan BERLAKU." in page
    assert "Keputusan Kepala Perangkat Daerah" in page  # kind
    assert "Dinas Kependudukan dan Pencatatan Sipil" in page  # agency
    assert "100.3.3/012/DISDUKCAPIL/2025" in page  # number
    assert "14 Maret 2025" in page  # date
    assert issued.sha256 in page
    assert format_code(issued.code) in page
    assert reverse("documents:download", args=[issued.code]) in page


def test_superseded_document_names_and_links_its_successor(client, agency_a, issued):
    newer = document_issue(document=make_ready_document(agency_a, title="Keputusan baru"))
    document_supersede(old=issued, new=newer)

    page = client.get(_url(issued)).content.decode()

    assert "DIGANTIKAN" in page
    assert "SAH dan BERLAKU" not in page
    assert "Keputusan baru" in page
    assert _url(newer) in page


def test_revoked_document_shows_date_and_reason(client, issued):
    when = datetime.datetime(2025, 6, 2, 10, 0, tzinfo=datetime.UTC)
    document_revoke(document=issued, reason="Layanan dialihkan ke DPMPTSP.", when=when)

    page = client.get(_url(issued)).content.decode()

    assert "DICABUT" in page
    assert "2 Juni 2025" in page
    assert "Layanan dialihkan ke DPMPTSP." in page
    assert "SAH dan BERLAKU" not in page


def test_draft_preview_says_it_is_not_an_issued_document(client, agency_a, standard):
    preview = make_ready_document(agency_a, subject=standard, kind=DocumentKind.STANDARD_PREVIEW)

    response = client.get(_url(preview))

    page = response.content.decode()
    assert "BUKAN dokumen yang diterbitkan" in page
    assert reverse("documents:download", args=[preview.code]) not in page  # not public


def test_unknown_code_is_a_helpful_404(client):
    response = client.get(reverse("documents:verify", args=["ABCDE23456"]))

    assert response.status_code == 404
    page = response.content.decode()
    assert "Tidak ada dokumen dengan kode verifikasi" in page
    assert "ABCDE23456" in page
    assert "Periksa kembali kode yang Anda ketik" in page


def test_a_code_typed_loosely_leads_to_the_document(client, issued):
    loose = format_code(issued.code).lower()
    response = client.get(reverse("documents:verify", args=[loose]))
    assert response.status_code == 302
    assert response["Location"] == _url(issued)

    response = client.get(reverse("documents:verify-index"), {"kode": f" {loose} "})
    assert response.status_code == 302
    assert response["Location"] == _url(issued)


def test_code_form_explains_a_malformed_code(client):
    response = client.get(reverse("documents:verify-index"), {"kode": "123"})
    assert response.status_code == 200
    assert "Kode verifikasi terdiri atas 10 huruf dan angka" in response.content.decode()


def _upload(content: bytes, name="keputusan.pdf"):
    return {"berkas": SimpleUploadedFile(name, content, content_type="application/pdf")}


def test_upload_of_the_same_pdf_is_reported_identical(client, issued):
    response = client.post(_url(issued), _upload(PDF_BYTES))
    assert response.status_code == 200
    assert "Sama persis" in response.content.decode()


def test_upload_of_a_different_pdf_is_reported_different(client, issued):
    tampered = PDF_BYTES.replace(b"asli", b"palsu")
    page = client.post(_url(issued), _upload(tampered)).content.decode()
    assert "Tidak sama" in page
    assert "Sama persis" not in page


def test_upload_that_is_not_a_pdf_is_refused(client, issued):
    page = client.post(_url(issued), _upload(b"<html>bukan pdf</html>", "x.pdf")).content.decode()
    assert "Berkas ini bukan PDF." in page


def test_upload_larger_than_the_limit_is_refused_unread(client, issued, monkeypatch):
    from documents import views

    monkeypatch.setattr(views, "MAX_VERIFY_UPLOAD_BYTES", 1024)
    big = PDF_BYTES + b"0" * (300 * 1024)
    page = client.post(_url(issued), _upload(big)).content.decode()
    assert "Berkas terlalu besar" in page


def test_upload_on_the_index_finds_the_issued_document_by_its_bytes(client, issued, agency_a):
    make_ready_document(agency_a, content=b"%PDF-1.7\n% rancangan\n%%EOF\n")  # not issued
    page = client.post(reverse("documents:verify-index"), _upload(PDF_BYTES)).content.decode()
    assert "sama persis dengan dokumen yang diterbitkan" in page
    assert _url(issued) in page

    draft = client.post(
        reverse("documents:verify-index"), _upload(b"%PDF-1.7\n% rancangan\n%%EOF\n")
    ).content.decode()
    assert "tidak sama dengan dokumen mana pun yang diterbitkan" in draft


def test_verification_is_rate_limited_per_client(client, issued, settings):
    settings.VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(_url(issued)).status_code == 200

    response = client.get(_url(issued))
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert response["Retry-After"] == "60"
    # Guessing codes counts too, and another client is not affected.
    assert client.get(reverse("documents:verify", args=["ZZZZZ22222"])).status_code == 429
    other = client.get(_url(issued), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_verification_page_is_public_and_sends_no_session_requirement(client, issued):
    client.logout()
    assert client.get(reverse("documents:verify-index")).status_code == 200
    assert client.get(_url(issued)).status_code == 200


@pytest.mark.parametrize("typed", ["---", "a" * 300, "ABCDE-2345"])
def test_codes_that_cannot_exist_are_the_same_helpful_404(client, typed):
    response = client.get(reverse("documents:verify", args=[typed]), follow=True)
    assert response.status_code == 404
    assert "Tidak ada dokumen dengan kode verifikasi" in response.content.decode()


def test_verification_page_reads_a_fixed_number_of_queries(
    client, issued, agency_a, django_assert_max_num_queries
):
    newer = document_issue(document=make_ready_document(agency_a, title="Keputusan baru"))
    document_supersede(old=issued, new=newer)
    with django_assert_max_num_queries(3):
        assert client.get(_url(issued)).status_code == 200

"""The verification page and the upload-to-verify form read the electronic signatures:
who signed, when, whether the file changed after signing, whether the certificate is
trusted, and the decree's state. A tampered copy shows as changed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import DocumentKind
from documents.signing.validation import validate_signatures
from standards import decrees
from tests.documents.signing_fixtures import (
    PASSPHRASE,
    evaluated_decree,
    give_certificate,
    one_byte_changed,
    page_appended_by_rewriting,
    page_appended_incrementally,
    read,
    set_signed,
)
from tests.standards.workflow_fixtures import sign

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_pair(tte_ca, agency_a, drafter_a, reviewer, head_a, mayor_office):
    """A decree signed by the Kepala PD, then ratified and signed by the Wali Kota."""
    give_certificate(tte_ca, head_a)
    give_certificate(tte_ca, mayor_office)
    decree = set_signed(evaluated_decree(agency_a, drafter_a, reviewer, head_a), head_a)
    decree = decrees.decree_ratify(actor=mayor_office, decree=decree, passphrase=PASSPHRASE)
    documents = {d.kind: d for d in decrees.decree_documents(decree)}
    return decree, documents[DocumentKind.DRAFT_DECREE], documents[DocumentKind.DECREE]


def _upload(client, url, data: bytes):
    return client.post(url, {"berkas": SimpleUploadedFile("k.pdf", data, "application/pdf")})


@pytest.mark.parametrize(
    "tamper", [one_byte_changed, page_appended_incrementally, page_appended_by_rewriting]
)
def test_tampered_copies_are_modified(signed_pair, tamper):
    _decree, _draft, final = signed_pair
    original = read(final)
    assert validate_signatures(original).all_ok
    report = validate_signatures(tamper(original))
    assert report.modified
    assert not report.all_ok


def test_verification_page_shows_both_signatures(client, signed_pair, head_a, mayor_office):
    _decree, _draft, final = signed_pair
    response = client.get(reverse("documents:verify", args=[final.code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "SAH dan BERLAKU" in page
    assert "Semua tanda tangan elektronik utuh dan sah" in page
    assert head_a.get_full_name() in page and mayor_office.get_full_name() in page
    assert "Kepala Perangkat Daerah" in page and "Wali Kota" in page
    assert "DEMO — tidak sah" in page


def test_the_code_printed_on_the_pages_follows_the_decree(client, signed_pair, mayor_office):
    # The ratified PDF is the one the head signed plus a revision: its pages carry the code
    # of the decree for signature, whose page must tell the decree's state.
    decree, draft, _final = signed_pair
    url = reverse("documents:verify", args=[draft.code])
    assert "SAH dan BERLAKU" in client.get(url).content.decode()
    decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Diganti.")
    page = client.get(url).content.decode()
    assert "DICABUT" in page and "Diganti." in page


@pytest.mark.parametrize("tamper", [one_byte_changed, page_appended_incrementally])
def test_upload_of_a_tampered_copy_says_changed_and_names_the_decree(client, signed_pair, tamper):
    _decree, _draft, final = signed_pair
    response = _upload(client, reverse("documents:verify-index"), tamper(read(final)))
    page = response.content.decode()
    assert "tidak sama dengan dokumen mana pun" in page
    assert "DIUBAH" in page
    if tamper is page_appended_incrementally:  # still readable: the signature names it
        assert final.display_code in page
        assert "berlaku" in page


def test_upload_of_the_issued_file_matches_with_its_state(client, signed_pair, mayor_office):
    decree, _draft, final = signed_pair
    decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Diganti.")
    page = _upload(client, reverse("documents:verify-index"), read(final)).content.decode()
    assert "sama persis dengan dokumen yang diterbitkan" in page
    assert "dicabut" in page
    assert "Semua tanda tangan elektronik utuh dan sah" in page


def test_upload_on_the_code_page_checks_the_signatures_of_a_different_file(client, signed_pair):
    _decree, _draft, final = signed_pair
    url = reverse("documents:verify", args=[final.code])
    page = _upload(client, url, page_appended_incrementally(read(final))).content.decode()
    assert "Tidak sama" in page
    assert "DIUBAH setelah ditandatangani" in page


def test_a_certificate_outside_the_trusted_roots_is_not_trusted(client, signed_pair, settings):
    _decree, _draft, final = signed_pair
    settings.TTE_TRUST_DEMO_CA = False  # e.g. production, where only BSrE's roots count
    report = validate_signatures(read(final))
    assert all(s.intact and not s.trusted for s in report.signatures)
    page = client.get(reverse("documents:verify", args=[final.code])).content.decode()
    assert "tidak diterbitkan oleh penyelenggara sertifikasi yang dipercaya" in page


def _service_page(client, decree) -> str:
    service = decree.standards.get().service
    return client.get(f"/pd/{service.agency.slug}/layanan/{service.slug}/").content.decode()


def test_the_portal_says_the_decree_is_signed_electronically(client, signed_pair):
    decree, _draft, _final = signed_pair
    assert "Ditandatangani secara elektronik (TTE)" in _service_page(client, decree)


def test_the_portal_says_a_decree_without_tte_is_wet_signed(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    decree = evaluated_decree(agency_a, drafter_a, reviewer, head_a)
    decree = set_signed(decree, head_a, passphrase=None)
    sign(decree, head_a)  # the wet-signed scan (Pasal 12 ayat (1))
    decree = decrees.decree_ratify(actor=mayor_office, decree=decree)
    page = _service_page(client, decree)
    assert "Ditandatangani basah" in page
    assert "Ditandatangani secara elektronik" not in page

"""The pages of TTE: the act form asks for the passphrase and puts a refusal beside it;
the signer's own certificate page judges an upload by its content."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.models import DocumentKind, SigningCredential, SigningRequest
from documents.signing import demo_ca
from documents.signing.validation import validate_signatures
from standards import decrees
from standards.models import DecreeStatus
from tests.documents.signing_fixtures import (
    PASSPHRASE,
    evaluated_decree,
    give_certificate,
    read,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def evaluated(agency_a, drafter_a, reviewer, head_a):
    return evaluated_decree(agency_a, drafter_a, reviewer, head_a)


def _set_url(decree):
    return reverse("standards:decree-act", args=[decree.pk, "set"])


def _set_post(client, decree, passphrase, tte=True):
    data = {"number": "100.3/9/2026", "decree_date": timezone.localdate().isoformat()}
    if tte:
        data["tte"] = "on"
    data["passphrase"] = passphrase
    return client.post(_set_url(decree), data)


def test_the_set_form_asks_for_the_passphrase_only_of_a_certificate_holder(
    client, tte_ca, evaluated, head_a
):
    client.force_login(head_a)
    page = client.get(_set_url(evaluated)).content.decode()
    assert 'name="passphrase"' not in page
    assert reverse("documents:signing-credential") in page  # where to upload one
    give_certificate(tte_ca, head_a)
    page = client.get(_set_url(evaluated)).content.decode()
    assert 'name="passphrase"' in page and 'type="password"' in page
    assert head_a.get_full_name() in page  # whose certificate it is
    assert "DEMO — tidak sah" in page


def test_a_wrong_passphrase_is_told_beside_the_field_and_nothing_happens(
    client, tte_ca, evaluated, head_a
):
    give_certificate(tte_ca, head_a)
    client.force_login(head_a)
    response = _set_post(client, evaluated, "bukan-ini")
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="id_passphrase_error"' in page
    assert "Frasa sandi sertifikat salah." in page
    assert "bukan-ini" not in page  # the passphrase is never written back
    assert 'value="100.3/9/2026"' in page  # the rest is kept
    evaluated.refresh_from_db()
    assert evaluated.status == DecreeStatus.EVALUATED
    assert not SigningRequest.objects.exists()


def test_tte_chosen_without_a_passphrase_is_refused_beside_the_field(
    client, tte_ca, evaluated, head_a
):
    give_certificate(tte_ca, head_a)
    client.force_login(head_a)
    response = _set_post(client, evaluated, "")
    assert response.status_code == 422
    assert "Masukkan frasa sandi" in response.content.decode()


def test_set_with_the_passphrase_signs_the_decree(client, tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    client.force_login(head_a)
    response = _set_post(client, evaluated, PASSPHRASE)
    assert response.status_code == 302
    document = decrees.decree_documents(evaluated).get(kind=DocumentKind.DRAFT_DECREE)
    assert validate_signatures(read(document)).all_ok


def test_set_without_tte_keeps_the_wet_signature(client, tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    client.force_login(head_a)
    assert _set_post(client, evaluated, "", tte=False).status_code == 302
    document = decrees.decree_documents(evaluated).get(kind=DocumentKind.DRAFT_DECREE)
    assert not validate_signatures(read(document)).signed


def _p12(ca, name, passphrase=PASSPHRASE):
    data = demo_ca.demo_pkcs12(ca, name, passphrase)
    return SimpleUploadedFile("sertifikat.p12", data, "application/x-pkcs12")


def test_a_signer_uploads_their_own_certificate(client, tte_ca, head_a):
    from documents.signing import keys

    client.force_login(head_a)
    url = reverse("documents:signing-credential")
    data = demo_ca.demo_pkcs12(tte_ca, head_a.get_full_name(), PASSPHRASE)
    upload = SimpleUploadedFile("sertifikat.p12", data, "application/x-pkcs12")
    response = client.post(url, {"berkas": upload, "passphrase": PASSPHRASE})
    assert response.status_code == 302
    credential = SigningCredential.objects.active().get(owner=head_a)
    assert credential.subject_name == head_a.get_full_name()
    sealed = bytes(credential.sealed_pkcs12)
    assert data not in sealed and keys.unseal(sealed) == data  # sealed with the server key
    page = client.get(url).content.decode()
    assert credential.serial_number in page and "DEMO — tidak sah" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda ca, name: SimpleUploadedFile("a.p12", b"%PDF-1.7 bukan", "x"), "bukan sertifikat"),
        (lambda ca, name: _p12(ca, name, "lain"), "frasa sandinya salah"),
        (lambda ca, name: _p12(ca, "Orang Lain"), "tidak sama dengan nama Anda"),
    ],
)
def test_a_bad_certificate_upload_is_refused_beside_the_form(
    client, tte_ca, head_a, upload, message
):
    client.force_login(head_a)
    response = client.post(
        reverse("documents:signing-credential"),
        {"berkas": upload(tte_ca, head_a.get_full_name()), "passphrase": PASSPHRASE},
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not SigningCredential.objects.exists()


def test_the_superuser_holds_no_certificate(client, tte_ca, superuser):
    client.force_login(superuser)
    url = reverse("documents:signing-credential")
    assert "Administrator aplikasi tidak menandatangani" in client.get(url).content.decode()
    response = client.post(
        url, {"berkas": _p12(tte_ca, superuser.get_full_name()), "passphrase": PASSPHRASE}
    )
    assert response.status_code == 422
    assert not SigningCredential.objects.exists()


def test_withdrawing_a_certificate_stops_it_signing(client, tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    client.force_login(head_a)
    client.post(reverse("documents:signing-credential-withdraw"))
    assert not SigningCredential.objects.active().exists()
    assert 'name="passphrase"' not in client.get(_set_url(evaluated)).content.decode()


def test_the_certificate_page_is_for_staff_only(client):
    response = client.get(reverse("documents:signing-credential"))
    assert response.status_code == 302 and "/kelola/masuk/" in response["Location"]

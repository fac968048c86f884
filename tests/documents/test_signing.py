"""TTE: the Kepala PD signs the decree on penetapan and the Wali Kota on pengesahan, in
the job after the act; both signatures stay valid; the act refuses a signer it cannot
check, and then nothing is signed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents.models import Document, DocumentKind, DocumentStatus, SigningRequest
from documents.signing.validation import validate_signatures
from standards import decrees
from standards.models import DecreeStatus
from tests.documents.signing_fixtures import (
    PASSPHRASE,
    evaluated_decree,
    expired_validity,
    give_certificate,
    read,
    set_signed,
    store_certificate_unchecked,
)
from tests.standards.workflow_fixtures import sign

pytestmark = pytest.mark.django_db(transaction=True)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"


@pytest.fixture
def evaluated(agency_a, drafter_a, reviewer, head_a):
    return evaluated_decree(agency_a, drafter_a, reviewer, head_a)


def _document(decree, kind) -> Document:
    return decrees.decree_documents(decree).get(kind=kind)


def test_head_signs_on_penetapan_and_the_signature_validates(tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    decree = set_signed(evaluated, head_a)
    assert decree.status == DecreeStatus.SET
    document = _document(decree, DocumentKind.DRAFT_DECREE)
    assert document.status == DocumentStatus.READY, document.last_error
    assert document.issued  # frozen, with the hash of the signed bytes
    data = read(document)
    assert Document.objects.issued().filter(sha256=document.sha256).get() == document

    report = validate_signatures(data)
    assert report.all_ok and not report.modified
    (signature,) = report.signatures
    assert signature.role == "head"
    assert signature.signer_name == head_a.get_full_name()
    assert signature.intact and signature.trusted and not signature.changed_after
    assert signature.demo
    assert document.display_code in signature.reason
    request = SigningRequest.objects.get(document=document)
    assert request.signed_at is not None
    assert bytes(request.sealed_passphrase) == b""  # wiped when the job ended


def test_head_then_mayor_both_signatures_valid_in_order(tte_ca, evaluated, head_a, mayor_office):
    give_certificate(tte_ca, head_a)
    give_certificate(tte_ca, mayor_office)
    decree = set_signed(evaluated, head_a)
    first = _document(decree, DocumentKind.DRAFT_DECREE)
    first_bytes = read(first)

    decree = decrees.decree_ratify(actor=mayor_office, decree=decree, passphrase=PASSPHRASE)
    assert decree.status == DecreeStatus.IN_FORCE
    final = _document(decree, DocumentKind.DECREE)
    assert final.status == DocumentStatus.READY, final.last_error
    assert final.issued and final.public
    data = read(final)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept for a person to look at
    (ARTIFACTS / "tte-decree-two-signatures.pdf").write_bytes(data)
    assert data.startswith(first_bytes)  # an incremental update of the signed PDF

    report = validate_signatures(data)
    assert report.all_ok
    assert [s.role for s in report.signatures] == ["head", "mayor"]
    assert [s.signer_name for s in report.signatures] == [
        head_a.get_full_name(),
        mayor_office.get_full_name(),
    ]
    assert report.signatures[0].signed_at <= report.signatures[1].signed_at


def test_mayor_decree_signed_once_by_the_mayor(tte_ca, drafter_a, reviewer, mayor_office):
    from agencies.models import MembershipRole
    from tests.conftest import make_member
    from tests.factories import AgencyFactory

    ptsp = AgencyFactory(slug="dpmptsp", name="DPMPTSP", decreed_by_mayor=True)
    drafter = make_member(ptsp, MembershipRole.DRAFTER)
    head = make_member(ptsp, MembershipRole.HEAD)
    decree = evaluated_decree(ptsp, drafter, reviewer, head)
    give_certificate(tte_ca, mayor_office)
    decree = set_signed(decree, mayor_office)
    assert decree.status == DecreeStatus.IN_FORCE
    final = _document(decree, DocumentKind.MAYOR_DECREE)
    report = validate_signatures(read(final))
    assert report.all_ok
    assert [s.role for s in report.signatures] == ["mayor"]


def _refused(decree, head, passphrase=PASSPHRASE) -> str:
    with pytest.raises(ValidationError) as caught:
        set_signed(decree, head, passphrase=passphrase)
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.EVALUATED  # the act was refused whole
    assert not decrees.decree_documents(decree).exists()  # nothing rendered, nothing signed
    assert not SigningRequest.objects.exists()
    return " ".join(caught.value.message_dict["passphrase"])


def test_wrong_passphrase_refuses_the_act(tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    assert "Frasa sandi sertifikat salah" in _refused(evaluated, head_a, passphrase="salah")


def test_expired_certificate_refuses_the_act(tte_ca, evaluated, head_a):
    store_certificate_unchecked(tte_ca, head_a, **expired_validity())
    assert "kedaluwarsa" in _refused(evaluated, head_a)


def test_withdrawn_certificate_refuses_the_act(tte_ca, evaluated, head_a):
    from documents.signing.services import credential_revoke

    credential = give_certificate(tte_ca, head_a)
    credential_revoke(actor=head_a, credential=credential, reason="hilang")
    assert "dicabut" in _refused(evaluated, head_a)


def test_certificate_in_another_name_refuses_the_act(tte_ca, evaluated, head_a):
    give_certificate(tte_ca, head_a)
    head_a.first_name, head_a.last_name = "Orang", "Lain"
    head_a.save(update_fields=["first_name", "last_name"])
    assert "tidak sama dengan nama Anda" in _refused(evaluated, head_a)


def test_certificate_in_another_name_cannot_be_uploaded(tte_ca, head_a):
    with pytest.raises(ValidationError) as caught:
        give_certificate(tte_ca, head_a, name="Bukan Pemiliknya")
    assert "tidak sama dengan nama Anda" in str(caught.value)
    assert not head_a.signing_credentials.exists()


def test_certificate_of_an_untrusted_ca_cannot_be_uploaded(tte_ca, head_a, tmp_path):
    from documents.signing import demo_ca

    other, _created = demo_ca.ensure_demo_ca(tmp_path / "lain")
    with pytest.raises(ValidationError) as caught:
        give_certificate(other, head_a)
    assert "tidak diterbitkan oleh penyelenggara sertifikasi yang dipercaya" in str(caught.value)


def test_nobody_signs_with_anothers_certificate(tte_ca, evaluated, head_a, drafter_a, mayor_office):
    give_certificate(tte_ca, head_a)
    decree = set_signed(evaluated, head_a)
    # The mayor's office knows the head's passphrase: still its own certificate is asked for.
    with pytest.raises(ValidationError) as caught:
        decrees.decree_ratify(actor=mayor_office, decree=decree, passphrase=PASSPHRASE)
    assert "belum mengunggah sertifikat" in " ".join(caught.value.message_dict["passphrase"])
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.SET


def test_a_decree_signed_electronically_is_ratified_electronically(
    tte_ca, evaluated, head_a, mayor_office
):
    give_certificate(tte_ca, head_a)
    decree = set_signed(evaluated, head_a)
    with pytest.raises(ValidationError) as caught:
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    assert "tanda tangan elektronik Wali Kota" in " ".join(caught.value.messages)
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.SET


def test_superuser_cannot_sign_nor_hold_a_certificate(tte_ca, evaluated, superuser, head_a):
    from documents.signing import demo_ca
    from documents.signing.services import credential_upload, unlock

    data = demo_ca.demo_pkcs12(tte_ca, superuser.get_full_name(), PASSPHRASE)
    with pytest.raises(ValidationError, match="Administrator"):
        credential_upload(actor=superuser, data=data, passphrase=PASSPHRASE)
    store_certificate_unchecked(tte_ca, superuser)  # even with a row put in by hand
    with pytest.raises(ValidationError, match="Administrator"):
        unlock(actor=superuser, passphrase=PASSPHRASE)
    with pytest.raises(PermissionDenied):  # and no workflow act (decision 0001)
        set_signed(evaluated, superuser)


def test_mayor_signs_the_final_decree_of_a_wet_signed_penetapan(
    tte_ca, evaluated, head_a, mayor_office
):
    give_certificate(tte_ca, mayor_office)
    decree = set_signed(evaluated, head_a, passphrase=None)  # the Kepala PD signs on paper
    sign(decree, head_a)  # and the scan of the paper is on file (Pasal 12 ayat (1))
    decree = decrees.decree_ratify(actor=mayor_office, decree=decree, passphrase=PASSPHRASE)
    final = _document(decree, DocumentKind.DECREE)
    report = validate_signatures(read(final))
    assert report.all_ok
    assert [s.role for s in report.signatures] == ["mayor"]

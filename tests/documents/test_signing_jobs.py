"""The signing step is part of the durable render job: a failed attempt is retried with
the sealed passphrase still there; the last failure wipes it, and so does success."""

from __future__ import annotations

import pytest

from documents.models import DocumentKind, DocumentStatus, SigningRequest
from documents.signing import pdf as signing_pdf
from documents.signing.validation import validate_signatures
from standards import decrees
from tests.documents.signing_fixtures import evaluated_decree, give_certificate, read, set_signed

pytestmark = pytest.mark.django_db(transaction=True)


class FailingSign:
    def __init__(self, failures: int):
        self.failures, self.calls = failures, 0
        self.real = signing_pdf.sign_pdf

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise OSError("disk penuh sesaat")
        return self.real(*args, **kwargs)


@pytest.fixture
def signer(tte_ca, agency_a, drafter_a, reviewer, head_a):
    give_certificate(tte_ca, head_a)
    return evaluated_decree(agency_a, drafter_a, reviewer, head_a), head_a


def test_a_failed_signing_attempt_is_retried(monkeypatch, signer):
    decree, head = signer
    failing = FailingSign(failures=2)
    monkeypatch.setattr(signing_pdf, "sign_pdf", failing)
    decree = set_signed(decree, head)
    document = decrees.decree_documents(decree).get(kind=DocumentKind.DRAFT_DECREE)
    assert document.status == DocumentStatus.READY, document.last_error
    assert document.attempts == 3 and failing.calls == 3
    assert validate_signatures(read(document)).all_ok
    assert bytes(SigningRequest.objects.get(document=document).sealed_passphrase) == b""


def test_the_last_failed_attempt_wipes_the_passphrase(monkeypatch, signer):
    decree, head = signer
    monkeypatch.setattr(signing_pdf, "sign_pdf", FailingSign(failures=99))
    decree = set_signed(decree, head)  # the act itself succeeded: it never waits on signing
    document = decrees.decree_documents(decree).get(kind=DocumentKind.DRAFT_DECREE)
    assert document.status == DocumentStatus.FAILED
    assert "disk penuh" in document.last_error
    request = SigningRequest.objects.get(document=document)
    assert bytes(request.sealed_passphrase) == b"" and request.signed_at is None

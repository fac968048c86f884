"""Set-up of the TTE tests: a demo CA in the test's folder, signers holding a demo
certificate, and a decree carried to the point where it is set or ratified."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from documents.models import SigningCredential
from documents.signing import demo_ca, keys
from documents.signing.services import credential_row, credential_upload
from standards import decrees
from tests.standards.workflow_fixtures import ready_decree, set_maklumat

PASSPHRASE = "frasa-sandi-uji"


@pytest.fixture
def tte_ca(settings, tmp_path):
    settings.TTE_DEMO_DIR = tmp_path / "tte-demo"
    settings.TTE_TRUST_DEMO_CA = True
    settings.TTE_TRUST_ROOTS = []
    authority, _created = demo_ca.ensure_demo_ca(settings.TTE_DEMO_DIR)
    return authority


def give_certificate(ca, user, *, name: str | None = None) -> SigningCredential:
    """The user uploads a demo PKCS#12 in their own name (through the service)."""
    data = demo_ca.demo_pkcs12(ca, name or user.get_full_name(), PASSPHRASE)
    return credential_upload(actor=user, data=data, passphrase=PASSPHRASE)


def store_certificate_unchecked(ca, user, **validity) -> SigningCredential:
    """A credential row as if uploaded while it was valid (e.g. expired since)."""
    data = demo_ca.demo_pkcs12(ca, user.get_full_name(), PASSPHRASE, **validity)
    opened = keys.open_pkcs12(data, PASSPHRASE)
    return credential_row(owner=user, data=data, opened=opened)


def expired_validity() -> dict:
    now = datetime.now(UTC)
    return {"not_before": now - timedelta(days=400), "not_after": now - timedelta(days=2)}


def evaluated_decree(agency, drafter, reviewer, head):
    set_maklumat(head, agency)
    decree = ready_decree(agency, drafter)
    decrees.decree_submit(actor=drafter, decree=decree)
    return decrees.decree_pass(actor=reviewer, decree=decree)


def set_signed(decree, head, number="100.3/1/2026", passphrase=PASSPHRASE):
    return decrees.decree_set(
        actor=head,
        decree=decree,
        number=number,
        decree_date=timezone.localdate(),
        passphrase=passphrase,
    )


def read(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()

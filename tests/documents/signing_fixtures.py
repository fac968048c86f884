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


def one_byte_changed(data: bytes) -> bytes:
    """The same PDF with one byte of its first page's content stream changed."""
    at = data.index(b"stream", data.index(b"/Contents")) + 60
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def page_appended_incrementally(data: bytes) -> bytes:
    """A blank page added as an incremental update: every signed byte stays as it was."""
    from io import BytesIO

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.writer import PageObject

    writer = IncrementalPdfFileWriter(BytesIO(data))
    contents = writer.add_object(generic.StreamObject(stream_data=b"BT ET"))
    box = generic.ArrayObject(map(generic.NumberObject, (0, 0, 595, 842)))
    writer.insert_page(PageObject(contents=contents, media_box=box))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def page_appended_by_rewriting(data: bytes) -> bytes:
    """A blank page added by an editor that writes the whole file again (pypdf)."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.add_blank_page(595, 842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()

"""Documents of the decree: rendered on penetapan and pengesahan, frozen, verifiable."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents.models import DocumentKind, DocumentStatus
from standards import decrees
from standards.models import ChangeReason
from standards.services import standard_revise
from tests.standards.workflow_fixtures import (
    consult,
    ready_decree,
    set_maklumat,
    to_force,
)

pytestmark = pytest.mark.django_db(transaction=True)


ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"


def _text(document) -> str:
    with document.file.open("rb") as handle:
        data = handle.read()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept for a person to look at
    (ARTIFACTS / f"{document.kind}.pdf").write_bytes(data)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_set_renders_the_decree_for_signature_and_ratify_the_final_one(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    decree = ready_decree(agency_a, drafter_a)
    to_force(decree, drafter_a, reviewer, head_a, mayor_office, "100.3/7/2026")
    docs = {d.kind: d for d in decrees.decree_documents(decree)}
    assert set(docs) == {DocumentKind.DRAFT_DECREE, DocumentKind.DECREE}
    final = docs[DocumentKind.DECREE]
    assert final.status == DocumentStatus.READY
    assert final.issued and final.public
    assert final.reference_number == "100.3/7/2026"
    assert not docs[DocumentKind.DRAFT_DECREE].public
    text = _text(final)
    service = decree.standards.get().service.name
    for expected in (
        "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "NOMOR 100.3/7/2026",
        "MEMUTUSKAN",
        "KESATU",
        "mulai berlaku pada tanggal disahkan oleh Wali Kota Bontang",
        "PENGESAHAN",
        service.upper(),
        "MAKLUMAT PELAYANAN",
        final.code,
    ):
        assert expected.replace(" ", "") in text.replace(" ", "").replace("\n", ""), expected
    assert "PENGESAHAN" not in _text(docs[DocumentKind.DRAFT_DECREE])


def test_revocation_revokes_the_issued_documents(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    decree = ready_decree(agency_a, drafter_a)
    to_force(decree, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Diganti peraturan baru.")
    for document in decrees.decree_documents(decree):
        assert document.revoked_at is not None
        assert document.revoke_reason == "Diganti peraturan baru."


def test_an_amending_decree_supersedes_the_old_final_document_with_its_revocation_diktum(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    old = ready_decree(agency_a, drafter_a)
    to_force(old, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    new_version = standard_revise(
        actor=drafter_a,
        standard=old.standards.get(),
        reason=ChangeReason.POLICY,
        explanation="Perda baru.",
    )
    consult(new_version)
    amending = decrees.decree_create(
        actor=drafter_a, agency=agency_a, standards=[new_version], amends=old
    )
    to_force(amending, drafter_a, reviewer, head_a, mayor_office, "2/2026")
    old_final = decrees.decree_documents(old).get(kind=DocumentKind.DECREE)
    new_final = decrees.decree_documents(amending).get(kind=DocumentKind.DECREE)
    assert old_final.superseded_by == new_final
    assert "dicabut dan dinyatakan tidak berlaku" in _text(new_final).replace("\n", " ")


def test_mayor_decree_is_issued_on_setting(drafter_a, reviewer, mayor_office):
    from agencies.models import MembershipRole
    from tests.conftest import make_member
    from tests.factories import AgencyFactory

    ptsp = AgencyFactory(
        slug="dpmptsp", name="Dinas Penanaman Modal dan PTSP", decreed_by_mayor=True
    )
    drafter = make_member(ptsp, MembershipRole.DRAFTER, username="penyusun_ptsp")
    head = make_member(ptsp, MembershipRole.HEAD, username="kepala_ptsp")
    set_maklumat(head, ptsp)
    decree = ready_decree(ptsp, drafter)
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=mayor_office, decree=decree, number="188.45/9/2026", decree_date=timezone.localdate()
    )
    document = decrees.decree_documents(decree).get()
    assert document.kind == DocumentKind.MAYOR_DECREE and document.issued and document.public
    text = _text(document).replace("\n", " ")
    assert "KEPUTUSAN WALI KOTA BONTANG" in text
    assert "mulai berlaku pada tanggal ditetapkan" in text  # setting brings it into force

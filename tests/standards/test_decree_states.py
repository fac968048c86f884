"""Every document of a decree follows the decree's state (issue 18 points 1-2): a decree
wholly amended is replaced, its documents (the copy for signature too) verify as
superseded; a revoked decree's documents verify as revoked."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import DocumentKind
from standards import decrees
from standards.decrees.workflow import available_actions
from standards.models import ChangeReason, DecreeStatus, StandardStatus, StatusChange
from standards.services import standard_revise
from tests.standards.workflow_fixtures import (
    consult,
    ready_decree,
    set_maklumat,
    to_force,
)

pytestmark = pytest.mark.django_db(transaction=True)


def amend(old, standards, drafter, reviewer, head, mayor, number):
    versions = []
    for standard in standards:
        version = standard_revise(
            actor=drafter, standard=standard, reason=ChangeReason.POLICY, explanation="Perda baru."
        )
        consult(version)
        versions.append(version)
    amending = decrees.decree_create(
        actor=drafter, agency=old.agency, standards=versions, amends=old
    )
    return to_force(amending, drafter, reviewer, head, mayor, number)


def verdict(client, document) -> str:
    return client.get(reverse("documents:verify", args=[document.code])).content.decode()


def test_every_document_of_a_wholly_amended_decree_is_superseded_and_the_decree_replaced(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    old = to_force(
        ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a, mayor_office, "1/2026"
    )
    old_documents = list(decrees.decree_documents(old))
    assert {d.kind for d in old_documents} == {DocumentKind.DRAFT_DECREE, DocumentKind.DECREE}
    new = amend(old, list(old.standards.all()), drafter_a, reviewer, head_a, mayor_office, "2/26")

    old.refresh_from_db()
    assert old.status == DecreeStatus.REPLACED
    change = StatusChange.objects.get(decree=old, action="replace")
    assert (change.from_status, change.to_status) == (DecreeStatus.IN_FORCE, DecreeStatus.REPLACED)
    assert "Nomor 2/26" in change.note
    assert available_actions(old, mayor_office) == []  # no "Cabut" on a replaced decree

    new_final = decrees.decree_documents(new).get(kind=DocumentKind.DECREE)
    for document in old_documents:
        document.refresh_from_db()
        assert document.superseded_by == new_final, document.kind
        page = verdict(client, document)
        assert "DIGANTIKAN" in page and "SAH dan BERLAKU" not in page, document.kind
    assert "SAH dan BERLAKU" in verdict(client, new_final)

    # The staff list never shows two decrees in force for one service.
    client.force_login(drafter_a)
    listing = client.get(reverse("standards:decree-list"), {"status": "in_force"})
    assert list(listing.context["page"].object_list) == [new]
    assert "Digantikan" in client.get(reverse("standards:decree-list")).content.decode()


def test_every_document_of_a_revoked_decree_verifies_as_revoked(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    decree = to_force(
        ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a, mayor_office, "3/2026"
    )
    decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Layanan dihapus.")
    documents = list(decrees.decree_documents(decree))
    assert {d.kind for d in documents} == {DocumentKind.DRAFT_DECREE, DocumentKind.DECREE}
    for document in documents:
        page = verdict(client, document)
        assert "DICABUT" in page and "SAH dan BERLAKU" not in page, document.kind


def test_a_decree_amended_in_part_stays_in_force_and_says_which_standards_end(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    old = to_force(
        ready_decree(agency_a, drafter_a, standards=2),
        drafter_a,
        reviewer,
        head_a,
        mayor_office,
        "4/2026",
    )
    first, second = old.standards.order_by("service__name")
    new = amend(old, [first], drafter_a, reviewer, head_a, mayor_office, "5/2026")
    old.refresh_from_db()
    second.refresh_from_db()
    assert old.status == DecreeStatus.IN_FORCE and second.status == StandardStatus.IN_FORCE
    assert not StatusChange.objects.filter(decree=old, action="replace").exists()
    old_final = decrees.decree_documents(old).get(kind=DocumentKind.DECREE)
    assert "SAH dan BERLAKU" in verdict(client, old_final)
    from standards.decrees.documents import diktum

    clause = dict(diktum(new))["KEEMPAT"]
    assert f"Standar Pelayanan {first.service.name} dalam Lampiran" in clause


def test_the_public_page_lists_the_old_version_with_its_end_and_its_successor_decree(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    old = to_force(
        ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a, mayor_office, "6/2026"
    )
    standard = old.standards.get()
    new = amend(old, [standard], drafter_a, reviewer, head_a, mayor_office, "7/2026")
    page = client.get(
        reverse("portal:public-service", args=[agency_a.slug, standard.service.slug])
    ).content.decode()
    today = timezone.localdate()
    from bontang_sp.dates import long_date

    assert f"sampai {long_date(today)}" in page
    assert f"digantikan oleh {new.title} Nomor 7/2026" in page

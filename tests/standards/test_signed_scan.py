"""The wet-signed decree (issue 18 point 3): several pages (images or a PDF) become one
PDF through the upload gate, and the mayor ratifies only with it on file (a guard in the
workflow table, Pasal 12 ayat (1))."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from standards import decrees
from standards.decrees.workflow import TRANSITIONS, TransitionRefused, guard_signed_scan
from standards.models import DecreeStatus
from tests.consultations.conftest import pdf_bytes
from tests.standards.workflow_fixtures import ready_decree, set_maklumat, signed_scan

pytestmark = pytest.mark.django_db


def _set(decree, drafter, reviewer, head):
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    return decrees.decree_set(
        actor=head, decree=decree, number="9/2026", decree_date=timezone.localdate()
    )


def _jpegs(count):
    return [
        SimpleUploadedFile(f"hal-{n + 1}.jpg", upload.content, content_type="image/jpeg")
        for n, upload in enumerate(signed_scan(count))
    ]


def _pages(decree) -> int:
    with decree.signed_scan.open("rb") as handle:
        return len(PdfReader(io.BytesIO(handle.read())).pages)


def test_five_jpeg_pages_are_kept_as_one_pdf_of_five_pages(
    client, agency_a, drafter_a, reviewer, head_a
):
    decree = _set(ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a)
    client.force_login(head_a)
    detail = client.get(reverse("standards:decree-detail", args=[decree.pk])).content.decode()
    assert "pindaian ini wajib ada sebelum keputusan disahkan" in detail
    url = reverse("standards:decree-signed-scan", args=[decree.pk])
    response = client.post(url, {"files": _jpegs(5)}, follow=True)
    assert "Pindaian keputusan bertanda tangan disimpan" in response.content.decode()
    decree.refresh_from_db()
    assert decree.signed_scan_type == "application/pdf"
    assert decree.signed_scan.name.endswith(".pdf")
    assert decree.signed_scan_name == "hal-1.pdf"
    assert _pages(decree) == 5


def test_a_pdf_and_images_are_joined_in_the_order_given(
    client, agency_a, drafter_a, reviewer, head_a
):
    decree = _set(ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a)
    client.force_login(drafter_a)
    first = SimpleUploadedFile("sampul.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(
        reverse("standards:decree-signed-scan", args=[decree.pk]), {"files": [first, *_jpegs(2)]}
    )
    decree.refresh_from_db()
    assert _pages(decree) == 3


def test_more_than_ten_files_are_refused_with_the_reason(
    client, agency_a, drafter_a, reviewer, head_a
):
    decree = _set(ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a)
    client.force_login(drafter_a)
    response = client.post(
        reverse("standards:decree-signed-scan", args=[decree.pk]),
        {"files": _jpegs(11)},
        follow=True,
    )
    assert "paling banyak 10 berkas" in response.content.decode()
    decree.refresh_from_db()
    assert not decree.signed_scan


def test_the_mayor_cannot_ratify_before_the_signed_scan_is_on_file(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    decree = _set(ready_decree(agency_a, drafter_a), drafter_a, reviewer, head_a)
    assert guard_signed_scan in TRANSITIONS["ratify"].guards  # the rule is in the table
    with pytest.raises(TransitionRefused, match="Pasal 12 ayat \\(1\\): unggah dahulu pindaian"):
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    decree.refresh_from_db()
    assert decree.status == DecreeStatus.SET
    decrees.decree_attach_signed_scan(actor=head_a, decree=decree, uploads=signed_scan(2))
    assert decrees.decree_ratify(actor=mayor_office, decree=decree).status == S_IN_FORCE


S_IN_FORCE = DecreeStatus.IN_FORCE


def test_a_keputusan_wali_kota_needs_no_wet_scan_to_come_into_force(
    drafter_a, reviewer, mayor_office
):
    from agencies.models import MembershipRole
    from tests.conftest import make_member
    from tests.factories import AgencyFactory

    ptsp = AgencyFactory(slug="dpmptsp", decreed_by_mayor=True)
    drafter = make_member(ptsp, MembershipRole.DRAFTER, username="penyusun_ptsp")
    head = make_member(ptsp, MembershipRole.HEAD, username="kepala_ptsp")
    set_maklumat(head, ptsp)
    decree = ready_decree(ptsp, drafter)
    assert guard_signed_scan(decree) == []
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decree = decrees.decree_set(
        actor=mayor_office, decree=decree, number="188/1/2026", decree_date=timezone.localdate()
    )
    assert decree.status == DecreeStatus.IN_FORCE

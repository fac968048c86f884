"""The `record` act: an earlier decree entered in the register as in force."""

from __future__ import annotations

import datetime

import pytest

from standards import decrees
from standards.decrees.workflow import TRANSITIONS, TransitionRefused, available_actions, transition
from standards.models import DecreeStatus, StandardStatus, StatusChange
from tests.conftest import PERSONAS
from tests.standards.factories import make_complete_standard

pytestmark = pytest.mark.django_db
EARLIER = datetime.date(2018, 11, 5)


def recorded_draft(agency, actor, number="061/4/2018", date=EARLIER):
    standard = make_complete_standard(agency=agency)
    return decrees.recorded_decree_create(
        actor=actor, agency=agency, standards=[standard], number=number, decree_date=date
    )


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_the_agency_head_records_an_agency_decree(request, persona, agency_a, drafter_a):
    decree = recorded_draft(agency_a, drafter_a)
    allowed = request.node.callspec.params["persona"] == "head_a"
    assert (TRANSITIONS["record"] in available_actions(decree, persona)) == allowed
    if allowed:
        assert transition(actor=persona, decree=decree, action="record").status == "in_force"


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_the_mayors_office_records_a_paten_decree(request, persona, district, coordinator):
    decree = recorded_draft(district, coordinator)
    allowed = request.node.callspec.params["persona"] == "mayor_office"
    assert (TRANSITIONS["record"] in available_actions(decree, persona)) == allowed


def test_recording_needs_a_complete_standard_and_a_past_date(agency_a, drafter_a, head_a):
    future = recorded_draft(agency_a, drafter_a, date=datetime.date.today() + datetime.timedelta(5))
    with pytest.raises(TransitionRefused, match="masa depan"):
        decrees.decree_record(actor=head_a, decree=future)
    incomplete = recorded_draft(agency_a, drafter_a, number="2/2018")
    incomplete.lampiran.get().standard.steps.all().delete()
    with pytest.raises(TransitionRefused, match="belum lengkap"):
        decrees.decree_record(actor=head_a, decree=incomplete)
    assert not StatusChange.objects.exists()


def test_a_recorded_decree_is_never_submitted_nor_set_and_a_drafted_one_never_recorded(
    agency_a, drafter_a, head_a
):
    decree = recorded_draft(agency_a, drafter_a)
    with pytest.raises(TransitionRefused):
        transition(actor=head_a, decree=decree, action="submit")
    decree = decrees.decree_record(actor=head_a, decree=decree)
    standard = decree.lampiran.get().standard
    standard.refresh_from_db()
    assert (decree.status, decree.ratified_on, decree.year) == ("in_force", EARLIER, 2018)
    assert (standard.status, standard.in_force_since) == (StandardStatus.IN_FORCE, EARLIER)
    drafted = decrees.decree_create(
        actor=drafter_a, agency=agency_a, standards=[make_complete_standard(agency=agency_a)]
    )
    assert drafted.status == DecreeStatus.DRAFT
    with pytest.raises(TransitionRefused, match="berstatus"):
        transition(actor=head_a, decree=drafted, action="record")


def test_the_signed_scan_of_a_recorded_decree_goes_through_the_upload_gate(
    client, agency_a, drafter_a, head_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from tests.consultations.conftest import pdf_bytes

    decree = recorded_draft(agency_a, drafter_a)
    url = reverse("standards:decree-signed-scan", args=[decree.pk])
    client.force_login(drafter_a)
    fake = SimpleUploadedFile("sk.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    client.post(url, {"files": fake})
    decree.refresh_from_db()
    assert not decree.signed_scan
    scan = SimpleUploadedFile("SK 2018 ttd.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(url, {"files": scan})
    decree.refresh_from_db()
    assert decree.signed_scan.name.startswith("private/decrees/")
    assert decree.signed_scan_name == "SK 2018 ttd.pdf" and len(decree.signed_scan_sha256) == 64
    decree = decrees.decree_record(actor=head_a, decree=decree)
    assert decree.signed_scan_sha256

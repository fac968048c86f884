""" "Ubah standar" (Pasal 12 ayat (5)-(6)) and the comparison of two versions, through the views."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from standards.models import ChangeReason, ServiceStandard, StandardStatus
from standards.services import component_save, row_delete, row_save, standard_revise
from tests.standards.factories import RequirementFactory, ServiceFactory, make_complete_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(agency_a):
    standard = make_complete_standard(agency=agency_a, steps=2, requirements=2)
    ServiceStandard.objects.filter(pk=standard.pk).update(status=StandardStatus.IN_FORCE)
    standard.refresh_from_db()
    return standard


def revise_url(standard):
    return reverse("standards:standard-revise", args=[standard.pk])


def compare_url(a, b):
    return reverse("standards:standard-compare", args=[a.pk, b.pk])


REASON = {"change_reason": ChangeReason.TECHNOLOGY, "change_explanation": "Pendaftaran daring."}


def test_ubah_standar_makes_a_new_draft_and_opens_it(client, drafter_a, in_force):
    client.force_login(drafter_a)
    page = client.get(reverse("standards:standard-detail", args=[in_force.pk])).content.decode()
    assert "Ubah standar" in page
    form = client.get(revise_url(in_force))
    assert form.status_code == 200
    assert "Penerapan teknologi informasi" in form.content.decode()
    response = client.post(revise_url(in_force), REASON)
    new = ServiceStandard.objects.get(service=in_force.service, version=2)
    assert response["Location"] == reverse("standards:standard-detail", args=[new.pk])
    assert (new.status, new.previous, new.change_reason) == (
        StandardStatus.DRAFT,
        in_force,
        ChangeReason.TECHNOLOGY,
    )
    # the old version now links to the draft instead of offering a second one
    page = client.get(reverse("standards:standard-detail", args=[in_force.pk])).content.decode()
    assert "Buka rancangan versi 2" in page
    assert revise_url(in_force) not in page


@pytest.mark.parametrize(
    "data,field",
    [
        ({"change_reason": "", "change_explanation": "x"}, "change_reason"),
        ({"change_reason": "policy", "change_explanation": "  "}, "change_explanation"),
        ({"change_reason": "policy", "change_explanation": "a\u202eb"}, "change_explanation"),
    ],
)
def test_reason_and_explanation_are_required(client, drafter_a, in_force, data, field):
    client.force_login(drafter_a)
    response = client.post(revise_url(in_force), data)
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.content.decode()
    assert ServiceStandard.objects.filter(service=in_force.service).count() == 1


def test_second_draft_is_refused_with_the_reason(client, drafter_a, in_force):
    standard_revise(actor=drafter_a, standard=in_force, reason="policy", explanation="x")
    client.force_login(drafter_a)
    response = client.post(revise_url(in_force), REASON)
    assert "sudah memiliki rancangan" in response.content.decode()
    assert ServiceStandard.objects.filter(service=in_force.service).count() == 2


def test_a_draft_is_edited_in_place_not_revised(client, drafter_a, agency_a):
    draft = make_complete_standard(agency=agency_a)
    client.force_login(drafter_a)
    response = client.get(revise_url(draft))
    assert response["Location"] == reverse("standards:standard-detail", args=[draft.pk])


@pytest.mark.parametrize("persona", ["drafter_b", "secretariat", "reviewer"], indirect=True)
def test_only_drafters_of_the_agency_may_revise(client, persona, in_force):
    client.force_login(persona)
    assert client.get(revise_url(in_force)).status_code == 404
    assert client.post(revise_url(in_force), REASON).status_code == 404
    assert ServiceStandard.objects.count() == 1


# --- comparison -----------------------------------------------------------------------------


@pytest.fixture
def two_versions(drafter_a, in_force):
    new = standard_revise(actor=drafter_a, standard=in_force, reason="policy", explanation="x")
    new = ServiceStandard.objects.get(pk=new.pk)
    component_save(
        actor=drafter_a,
        standard=new,
        kind="facilities",
        text="Ruang tunggu, loket, komputer, printer, toilet.\nKursi roda.",
        revision=0,
    )
    requirements = list(new.requirements.order_by("position"))
    row_delete(actor=drafter_a, standard=new, row=requirements[0])
    step = new.steps.order_by("position").first()
    step.applicant_fee = Decimal(10000)
    row_save(actor=drafter_a, standard=new, row=step, revision=0)
    row_save(
        actor=drafter_a,
        standard=new,
        row=RequirementFactory.build(description="Surat <pengantar> RT"),
    )
    return in_force, new


def test_compare_shows_changes_component_by_component_and_row_by_row(
    client, reviewer, two_versions
):
    old, new = two_versions
    client.force_login(reviewer)
    response = client.get(compare_url(new, old))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Perbandingan versi 1 dan versi 2" in html
    assert "Kursi roda." in html  # text line added
    assert "ditambahkan" in html and "dihapus" in html and "diubah" in html
    assert "Rp 10.000" in html  # the step's fee, and the derived fee
    assert "Surat &lt;pengantar&gt; RT" in html  # escaped
    assert "tidak berubah" in html  # e.g. component 9
    assert "Perubahan kebijakan" in html  # the reason


def test_compare_is_the_same_whichever_order(client, reviewer, two_versions):
    old, new = two_versions
    client.force_login(reviewer)
    a = client.get(compare_url(old, new)).content.decode()
    b = client.get(compare_url(new, old)).content.decode()
    assert a.count("ditambahkan") == b.count("ditambahkan")
    assert "Perbandingan versi 1 dan versi 2" in a


def test_compare_query_count_is_bounded(
    client, reviewer, two_versions, django_assert_max_num_queries
):
    old, new = two_versions
    client.force_login(reviewer)
    with django_assert_max_num_queries(25):
        client.get(compare_url(old, new))


def test_versions_of_different_services_or_the_same_version_are_404(
    client, drafter_a, agency_a, in_force
):
    other = make_complete_standard(service=ServiceFactory(agency=agency_a))
    client.force_login(drafter_a)
    assert client.get(compare_url(in_force, other)).status_code == 404
    assert client.get(compare_url(in_force, in_force)).status_code == 404


@pytest.mark.parametrize("persona", ["drafter_b", "coordinator"], indirect=True)
def test_compare_is_404_outside_the_agency(client, persona, two_versions):
    old, new = two_versions
    client.force_login(persona)
    assert client.get(compare_url(old, new)).status_code == 404


def test_editor_lists_versions_with_compare_links(client, drafter_a, two_versions):
    old, new = two_versions
    client.force_login(drafter_a)
    html = client.get(reverse("standards:standard-detail", args=[new.pk])).content.decode()
    assert compare_url(new, old) in html
    assert "Alasan perubahan" in html

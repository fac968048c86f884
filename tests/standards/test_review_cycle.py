"""Evaluation and return (Pasal 12 ayat (4)): notes that reach every standard they concern,
answers before resubmission, the review page after a return; free drafts only in a new
decree; entries that tell decrees apart; the mayor's path explained before its form; the
Maklumat in the head's tasks."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import MembershipRole
from agencies.worklist import items_for
from maklumat.services import maklumat_draft
from standards import decrees
from standards.decrees.forms import DecreeCreateForm
from standards.decrees.workflow import TransitionRefused
from standards.models import ComponentKind, ReviewNote, StandardComponent
from tests.conftest import make_member
from tests.factories import AgencyFactory
from tests.standards.factories import make_complete_standard
from tests.standards.workflow_fixtures import consult, ready_decree, set_maklumat, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_standards(agency_a, drafter_a, head_a):
    return ready_decree(agency_a, drafter_a, standards=2)


def _returned(decree, drafter, reviewer, notes):
    decrees.decree_submit(actor=drafter, decree=decree)
    return decrees.decree_return(actor=reviewer, decree=decree, notes=notes)


# --- point 8: a note on a component of no one standard ---------------------------------


def test_a_component_note_without_standard_shows_in_every_standard_of_the_decree(
    client, two_standards, drafter_a, reviewer
):
    _returned(two_standards, drafter_a, reviewer, [(None, "fee", "Tulis dasar hukum tarif.")])
    client.force_login(drafter_a)
    for standard in two_standards.standards.all():
        html = client.get(reverse("standards:standard-detail", args=[standard.pk]))
        fee_block = html.content.decode().split('id="komponen-4"')[1].split('id="komponen-5"')[0]
        assert "Tulis dasar hukum tarif." in fee_block
        assert "untuk semua standar dalam keputusan" in fee_block
    client.force_login(reviewer)
    review = client.get(reverse("standards:decree-review", args=[two_standards.pk]))
    assert review.content.decode().count("Tulis dasar hukum tarif.") == 2


# --- point 13: answers, the guard, the review page after a return ------------------------


def test_resubmission_is_refused_while_a_note_is_unanswered(two_standards, drafter_a, reviewer):
    standard = two_standards.standards.first()
    decree = _returned(two_standards, drafter_a, reviewer, [(standard, "fee", "Dasar tarif?")])
    with pytest.raises(TransitionRefused, match=r"Pasal 12 ayat \(4\): 1 catatan"):
        decrees.decree_submit(actor=drafter_a, decree=decree)
    note = ReviewNote.objects.get()
    with pytest.raises(Exception, match="Tulis tindak lanjutnya"):
        decrees.review_note_address(actor=drafter_a, note=note, answer="   ")
    decrees.review_note_address(actor=drafter_a, note=note, answer="Perda 2/2024 dicantumkan.")
    assert decrees.decree_submit(actor=drafter_a, decree=decree).status == "submitted"


def test_the_review_page_after_a_return_shows_notes_answers_and_what_changed(
    client, two_standards, drafter_a, reviewer
):
    standard = two_standards.standards.order_by("pk").first()
    decree = _returned(two_standards, drafter_a, reviewer, [(standard, "product", "Produk?")])
    client.force_login(drafter_a)
    note = ReviewNote.objects.get()
    url = reverse("standards:review-note-addressed", args=[note.pk])
    client.post(url, {"answer": "Produknya kini Kartu Keluarga."})
    StandardComponent.objects.filter(standard=standard, kind=ComponentKind.PRODUCT).update(
        text="Kartu Keluarga"
    )
    component = StandardComponent.objects.get(standard=standard, kind=ComponentKind.PRODUCT)
    component.save()  # through save(): the history holds the change
    decrees.decree_submit(actor=drafter_a, decree=decree)
    client.force_login(reviewer)
    html = client.get(reverse("standards:decree-review", args=[decree.pk])).content.decode()
    section = html.split(f'id="lampiran-{standard.pk}"')[1]
    assert "Produk?" in section and "Produknya kini Kartu Keluarga." in section
    assert "Perubahan sejak dikembalikan" in section
    since = section.split("Perubahan sejak dikembalikan")[1].split("format Lampiran")[0]
    assert "5. Produk Pelayanan" in since and "Kartu Keluarga" in since
    other = two_standards.standards.exclude(pk=standard.pk).get()
    other_section = html.split(f'id="lampiran-{other.pk}"')[1]
    assert "Tidak ada perubahan isi sejak rancangan dikembalikan." in other_section


def test_marking_a_note_without_an_answer_is_refused_with_a_message(
    client, two_standards, drafter_a, reviewer
):
    _returned(two_standards, drafter_a, reviewer, [(None, "", "Umum.")])
    client.force_login(drafter_a)
    note = ReviewNote.objects.get()
    response = client.post(
        reverse("standards:review-note-addressed", args=[note.pk]), {"answer": ""}, follow=True
    )
    assert "Tulis tindak lanjutnya" in response.content.decode()
    note.refresh_from_db()
    assert note.addressed_at is None


# --- point 14: free drafts, distinct entries ---------------------------------------------


def test_the_new_decree_form_offers_only_drafts_no_active_decree_carries(
    agency_a, drafter_a, head_a
):
    busy = ready_decree(agency_a, drafter_a).standards.get()
    free = make_complete_standard(agency=agency_a)
    offered = set(DecreeCreateForm(agency=agency_a).fields["standards"].queryset)
    assert free in offered and busy not in offered


def test_tasks_and_the_amends_dropdown_tell_same_titled_decrees_apart(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    first, second = ready_decree(agency_a, drafter_a), ready_decree(agency_a, drafter_a)
    assert first.title == second.title
    for decree in (first, second):
        decrees.decree_submit(actor=drafter_a, decree=decree)
    titles = [item.title for item in items_for(reviewer)]
    assert len(titles) == 2 and len(set(titles)) == 2
    set_maklumat(head_a, agency_a)
    for number, decree in (("1/2026", first), ("2/2026", second)):
        decrees.decree_pass(actor=reviewer, decree=decree)
        decrees.decree_set(
            actor=head_a, decree=decree, number=number, decree_date=timezone.localdate()
        )
        sign(decree, head_a)
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    form = DecreeCreateForm(agency=agency_a)
    labels = [label for _value, label in form.fields["amends"].choices][1:]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert all("Nomor" in label and agency_a.name in label for label in labels)


# --- point 17: the mayor's path explained before its form; the Maklumat as a task --------


@pytest.fixture
def ptsp_decree(reviewer):
    ptsp = AgencyFactory(slug="dpmptsp", name="DPMPTSP", decreed_by_mayor=True)
    drafter = make_member(ptsp, MembershipRole.DRAFTER, username="penyusun_ptsp")
    head = make_member(ptsp, MembershipRole.HEAD, username="kepala_ptsp")
    decree = ready_decree(ptsp, drafter)
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    return decree, head


def test_the_mayors_form_says_the_maklumat_is_missing_before_asking_number_and_date(
    client, ptsp_decree, mayor_office
):
    decree, head = ptsp_decree
    client.force_login(mayor_office)
    url = reverse("standards:decree-act", args=[decree.pk, "set_mayor"])
    html = client.get(url).content.decode()
    assert "Pasal 14 ayat (1)" in html
    assert 'name="number"' not in html
    set_maklumat(head, decree.agency)
    html = client.get(url).content.decode()
    assert "Pasal 14 ayat (1)" not in html
    assert 'name="number"' in html


def test_the_heads_tasks_list_the_maklumat_waiting_to_be_set(ptsp_decree):
    decree, head = ptsp_decree
    assert not [i for i in items_for(head) if "Maklumat" in i.title]
    maklumat_draft(actor=head, agency=decree.agency)
    items = [i for i in items_for(head) if "Maklumat" in i.title]
    assert len(items) == 1
    assert items[0].url == reverse("maklumat:staff-detail", args=[decree.agency.slug])
    set_maklumat(head, decree.agency)
    assert not [i for i in items_for(head) if "Maklumat" in i.title]


def test_consulted_free_draft_goes_into_a_second_decree(agency_a, drafter_a, head_a):
    ready_decree(agency_a, drafter_a)
    free = make_complete_standard(agency=agency_a)
    consult(free)
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[free])
    assert decree.standards.get() == free

"""Where a standard stands (the stepper) and what its next step lacks: always the
workflow's own guards, never a copy of their rules."""

from __future__ import annotations

import pytest
from django.utils import timezone

from consultations.models import Consultation, ConsultationMethod, ConsultationStatus
from standards import checks, decrees, stages
from standards.decrees import workflow
from standards.decrees.workflow import TransitionRefused
from standards.models import ComponentKind, DraftingTeam, StandardStatus
from standards.stages import service_stages
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import (
    consult,
    form_team,
    ready_decree,
    set_maklumat,
    sign,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _row(agency, service):
    return next(r for r in service_stages([agency]) if r.service.pk == service.pk)


def _stage(agency, service) -> str:
    return _row(agency, service).stage.code


def _plan_consultation(standard):
    consultation = Consultation.objects.create(
        agency=standard.service.agency,
        method=ConsultationMethod.FGD,
        starts_at=timezone.now(),
        place="Aula",
        agenda="Pembahasan",
        chair_name="Moderator",
        note_taker_name="Notulis",
        status=ConsultationStatus.PLANNED,
    )
    consultation.standards.add(standard)
    return consultation


def test_each_state_has_its_stage(agency_a, drafter_a, head_a, reviewer, mayor_office):
    nothing = ServiceFactory(agency=agency_a)
    assert _stage(agency_a, nothing) == "not_started"

    drafted = make_complete_standard(agency=agency_a)
    assert _stage(agency_a, drafted.service) == "drafting"
    cancelled = _plan_consultation(drafted)
    Consultation.objects.filter(pk=cancelled.pk).update(status=ConsultationStatus.CANCELLED)
    assert _stage(agency_a, drafted.service) == "drafting"  # a called-off meeting never counts
    _plan_consultation(drafted)
    assert _stage(agency_a, drafted.service) == "consultation"

    decree = ready_decree(agency_a, drafter_a)
    service = decree.standards.get().service
    assert _stage(agency_a, service) == "consultation"  # consulted, decree still a draft
    decrees.decree_submit(actor=drafter_a, decree=decree)
    assert _stage(agency_a, service) == "evaluation"
    decrees.decree_pass(actor=reviewer, decree=decree)
    assert _stage(agency_a, service) == "setting"
    decrees.decree_set(actor=head_a, decree=decree, number="1/2026", decree_date=TODAY())
    assert _stage(agency_a, service) == "ratification"
    set_maklumat(head_a, agency_a)
    sign(decree, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=decree)
    assert _stage(agency_a, service) == "in_force"
    row = _row(agency_a, service)
    assert [state for _s, state in row.steps] == ["done"] * 6 + ["current"]

    decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Layanan dihapus.")
    assert _stage(agency_a, service) == "revoked"


def test_superseded_and_withdrawn_versions(agency_a, drafter_a, head_a, reviewer, mayor_office):
    decree = ready_decree(agency_a, drafter_a)
    old = decree.standards.get()
    assert stages.stage_of(old).code == "consultation"
    decrees.decree_submit(actor=drafter_a, decree=decree)
    assert _stage(agency_a, old.service) == "evaluation"
    decrees.decree_withdraw(actor=drafter_a, decree=decree)  # frees its standards
    assert _stage(agency_a, old.service) == "consultation"
    old.status = StandardStatus.WITHDRAWN
    assert stages.stage_of(old).code == "not_started"
    old.status = StandardStatus.SUPERSEDED
    assert stages.stage_of(old).code == "superseded"


def test_a_revision_moves_while_the_old_version_stays_in_force(
    agency_a, drafter_a, head_a, reviewer, mayor_office
):
    from standards.models import ChangeReason
    from standards.services import standard_revise

    set_maklumat(head_a, agency_a)
    decree = ready_decree(agency_a, drafter_a)
    for act, who in ((decrees.decree_submit, drafter_a), (decrees.decree_pass, reviewer)):
        act(actor=who, decree=decree)
    decrees.decree_set(actor=head_a, decree=decree, number="1/2026", decree_date=TODAY())
    sign(decree, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=decree)
    old = decree.standards.get()
    new = standard_revise(
        actor=drafter_a, standard=old, reason=ChangeReason.TECHNOLOGY, explanation="Daring."
    )
    row = _row(agency_a, old.service)
    assert (row.standard, row.in_force, row.stage.code) == (new, old, "drafting")


def test_missing_reasons_are_exactly_the_submit_guards(agency_a, drafter_a):
    """No team, one component empty, never consulted: the home says what `submit` says."""
    standard = make_complete_standard(
        agency=agency_a, texts={ComponentKind.STAFF_EVALUATION: "", ComponentKind.PRODUCT: ""}
    )
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    form_team(agency_a, chair_user=drafter_a)
    DraftingTeam.objects.get(agency=agency_a).members.filter(role="member").delete()
    with pytest.raises(TransitionRefused) as refused:
        workflow.transition(actor=drafter_a, decree=decree, action="submit")
    row = _row(agency_a, standard.service)
    assert [m.message for m in row.missing] == refused.value.reasons
    assert len(refused.value.reasons) == 3  # team, completeness, consultation
    complete = next(m for m in row.missing if m.details)
    fresh = checks.check_standard(standard)
    assert [text for text, _url in complete.details] == [f.message for f in fresh]
    assert [url.split("#")[1] for _text, url in complete.details] == [f.anchor for f in fresh]
    team = next(m for m in row.missing if "Pasal 10 ayat (4)" in m.message)
    assert team.url == "/kelola/pd/disdukcapil/tim-penyusun/"


def test_a_standard_without_decree_is_judged_as_its_own_decree_would_be(agency_a, drafter_a):
    form_team(agency_a, chair_user=drafter_a)
    standard = make_complete_standard(agency=agency_a)  # never consulted
    before = [m.message for m in _row(agency_a, standard.service).missing]
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    with pytest.raises(TransitionRefused) as refused:
        workflow.transition(actor=drafter_a, decree=decree, action="submit")
    assert before == refused.value.reasons and len(before) == 1

    ready = make_complete_standard(agency=agency_a)
    consult(ready)
    row = _row(agency_a, ready.service)
    assert len(row.missing) == 1
    assert row.missing[0].url == "/kelola/pd/disdukcapil/keputusan/baru/"


def test_ratification_waits_for_the_maklumat(agency_a, drafter_a, head_a, reviewer):
    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    service = decree.standards.get().service
    assert _row(agency_a, service).missing == []  # the number and date are the act's input
    decrees.decree_set(actor=head_a, decree=decree, number="1/2026", decree_date=TODAY())
    row = _row(agency_a, service)
    # Pasal 14 ayat (1) and Pasal 12 ayat (1): the Maklumat and the wet-signed scan.
    decree.refresh_from_db()
    expected = workflow.guard_maklumat_set(decree) + workflow.guard_signed_scan(decree)
    assert [m.message for m in row.missing] == expected
    assert row.missing[0].url == "/kelola/pd/disdukcapil/maklumat/"
    sign(decree, head_a)
    assert [m.message for m in _row(agency_a, service).missing] == (
        workflow.guard_maklumat_set(decree)
    )
    set_maklumat(head_a, agency_a)
    assert _row(agency_a, service).missing == []


@pytest.mark.parametrize("size", [5, 200])
def test_stages_take_the_same_queries_for_5_and_200_services(
    agency_a, drafter_a, size, django_assert_num_queries
):
    form_team(agency_a, chair_user=drafter_a)
    for i in range(size):
        standard = make_complete_standard(agency=agency_a, steps=1, requirements=1)
        if i % 3 == 0:
            consult(standard)
        if i % 5 == 0:
            decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    with django_assert_num_queries(12):
        rows = service_stages([agency_a])
    assert len(rows) == size
    # Consulted and in a decree (every 15th): nothing missing; all others lack something.
    assert sum(not r.missing for r in rows) == len(range(0, size, 15))

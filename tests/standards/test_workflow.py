"""The decree's life (Pasal 12): the table, its guards, its permissions, its effects."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from standards import decrees
from standards.decrees.workflow import TRANSITIONS, TransitionRefused, available_actions, transition
from standards.models import (
    DecreeStatus,
    ServiceStandard,
    StandardStatus,
    StatusChange,
    TeamMember,
    TeamRole,
)
from tests.standards.workflow_fixtures import consult, ready_decree, set_maklumat, sign

pytestmark = pytest.mark.django_db
S = DecreeStatus
TODAY = timezone.localdate


@pytest.fixture
def decree(agency_a, drafter_a, head_a):
    return ready_decree(agency_a, drafter_a)


def _force_status(decree, status, *, scanned=False):
    """Test set-up only: put a decree in a state (the app never assigns a status this way);
    `scanned` puts a signed scan on file as well."""
    fields = {"signed_scan": "private/decrees/ttd.pdf"} if scanned else {}
    type(decree).objects.filter(pk=decree.pk).update(status=status, **fields)
    decree.refresh_from_db()
    return decree


# --- the whole (action x source state) matrix -------------------------------------------

MATRIX = [
    (action, status)
    for action, spec in TRANSITIONS.items()
    if not spec.internal
    for status in S.values
]
ACTOR_OF = {
    "submit": "drafter_a",
    "return": "reviewer",
    "pass": "reviewer",
    "set": "head_a",
    "set_mayor": "mayor_office",
    "ratify": "mayor_office",
    "revoke": "mayor_office",
    "withdraw": "drafter_a",
    "record": "head_a",  # refused from every state here: the decree is not a recorded one
}


@pytest.mark.parametrize("action,status", MATRIX, ids=[f"{a}-{s}" for a, s in MATRIX])
def test_each_action_works_only_from_its_source_states(
    request, decree, action, status, head_a, agency_a
):
    spec = TRANSITIONS[action]
    actor = request.getfixturevalue(ACTOR_OF[action])
    set_maklumat(head_a, agency_a)
    _force_status(decree, status, scanned=True)
    args = ARGS.get(action, {})
    if status in spec.sources and spec.applies(decree):
        result = transition(actor=actor, decree=decree, action=action, note="catatan", **args)
        assert result.status == spec.target
        assert StatusChange.objects.get(decree=decree).to_status == spec.target
    else:
        with pytest.raises(TransitionRefused, match="berstatus"):
            transition(actor=actor, decree=decree, action=action, note="catatan", **args)
        decree.refresh_from_db()
        assert decree.status == status
        assert not StatusChange.objects.filter(decree=decree).exists()


# --- the (persona x action) matrix ------------------------------------------------------

ALLOWED = {
    "submit": {"drafter_a", "head_a"},  # drafter_a is the ketua of the team in the fixture
    "return": {"reviewer"},
    "pass": {"reviewer"},
    "set": {"head_a"},
    "ratify": {"mayor_office"},
    "revoke": {"mayor_office"},
    "withdraw": {"drafter_a", "head_a"},
}
PERSONAS = [
    "drafter_a",
    "head_a",
    "drafter_b",
    "head_b",
    "reviewer",
    "mayor_office",
    "coordinator",
    "secretariat",
    "superuser",
    "anonymous",
]
SOURCE = {
    "submit": S.DRAFT,
    "return": S.SUBMITTED,
    "pass": S.SUBMITTED,
    "set": S.EVALUATED,
    "ratify": S.SET,
    "revoke": S.IN_FORCE,
    "withdraw": S.DRAFT,
}
ARGS = {
    "set": {"number": "100.3.3.2/15/DISDUKCAPIL", "decree_date": datetime.date(2026, 11, 2)},
}
PERSONA_MATRIX = [(p, a) for a in ALLOWED for p in PERSONAS]


@pytest.mark.parametrize(
    "persona,action",
    PERSONA_MATRIX,
    ids=[f"{p}-{a}" for p, a in PERSONA_MATRIX],
    indirect=["persona"],
)
def test_only_the_right_persona_may_act(request, decree, persona, action, head_a, agency_a):
    set_maklumat(head_a, agency_a)
    _force_status(decree, SOURCE[action], scanned=True)
    persona_name = request.node.callspec.params["persona"]
    allowed = persona_name in ALLOWED[action]
    assert (TRANSITIONS[action] in available_actions(decree, persona)) == allowed
    if allowed:
        result = transition(
            actor=persona, decree=decree, action=action, note="catatan", **ARGS.get(action, {})
        )
        assert result.status == TRANSITIONS[action].target
        assert StatusChange.objects.filter(decree=decree, action=action).count() == 1
    else:
        with pytest.raises(PermissionDenied):
            transition(
                actor=persona, decree=decree, action=action, note="catatan", **ARGS.get(action, {})
            )
        assert not StatusChange.objects.filter(decree=decree).exists()


# --- guards -----------------------------------------------------------------------------


def test_submit_passes_when_every_guard_holds(decree, drafter_a):
    result = decrees.decree_submit(actor=drafter_a, decree=decree)
    assert result.status == S.SUBMITTED
    change = StatusChange.objects.get(decree=decree)
    assert (change.actor, change.from_status, change.to_status) == (drafter_a, S.DRAFT, S.SUBMITTED)


def test_submit_refused_without_complete_team(decree, drafter_a):
    TeamMember.objects.filter(role=TeamRole.SECRETARY).delete()
    with pytest.raises(TransitionRefused, match="Pasal 10 ayat \\(4\\)"):
        decrees.decree_submit(actor=drafter_a, decree=decree)


def test_submit_refused_when_a_standard_is_incomplete(decree, drafter_a):
    standard = decree.standards.get()
    standard.steps.all().delete()
    with pytest.raises(TransitionRefused, match="belum lengkap"):
        decrees.decree_submit(actor=drafter_a, decree=decree)


@pytest.mark.parametrize(
    "missing", ["minutes_signed", "invitation", "attendance", "minutes", "link"]
)
def test_submit_refused_when_a_standard_was_not_consulted(agency_a, drafter_a, head_a, missing):
    from consultations.models import REQUIRED_SCANS, Consultation

    decree = ready_decree(agency_a, drafter_a)
    standard = decree.standards.get()
    Consultation.objects.filter(standards=standard).delete()
    if missing == "minutes_signed":
        consult(standard, signed=False)
    elif missing == "link":
        consult(standard).standards.clear()
    else:
        consult(standard, scans=[k for k in REQUIRED_SCANS if k != missing])
    with pytest.raises(TransitionRefused, match="Pasal 11"):
        decrees.decree_submit(actor=drafter_a, decree=decree)
    assert decree.status == S.DRAFT


def test_return_needs_a_note(decree, drafter_a, reviewer):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    with pytest.raises(TransitionRefused):
        decrees.decree_return(actor=reviewer, decree=decree, notes=[(None, "", "  ")])
    decree.refresh_from_db()
    assert decree.status == S.SUBMITTED


def test_return_writes_notes_on_standard_and_component(decree, drafter_a, reviewer):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    decrees.decree_return(
        actor=reviewer,
        decree=decree,
        notes=[(standard, "fee", "Sebutkan dasar hukum gratis."), (None, "", "Perbaiki judul.")],
    )
    decree.refresh_from_db()
    assert decree.status == S.DRAFT
    notes = list(decree.review_notes.order_by("id"))
    assert [(n.standard, n.component) for n in notes] == [(standard, "fee"), (None, "")]
    note = decrees.review_note_address(
        actor=drafter_a, note=notes[0], answer="Dasar hukum gratis disebutkan."
    )
    assert note.addressed_by == drafter_a


def test_set_needs_number_and_date(decree, drafter_a, reviewer, head_a):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    with pytest.raises(TransitionRefused, match="Nomor keputusan wajib"):
        decrees.decree_set(actor=head_a, decree=decree, number="", decree_date=TODAY())
    with pytest.raises(TransitionRefused, match="masa depan"):
        decrees.decree_set(
            actor=head_a,
            decree=decree,
            number="1/2026",
            decree_date=TODAY() + datetime.timedelta(days=2),
        )


def test_decree_number_is_unique_per_agency_and_year(agency_a, drafter_a, reviewer, head_a):
    first = ready_decree(agency_a, drafter_a)
    second = ready_decree(agency_a, drafter_a)
    for decree in (first, second):
        decrees.decree_submit(actor=drafter_a, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(actor=head_a, decree=first, number="7/2026", decree_date=TODAY())
    with pytest.raises(TransitionRefused, match="sudah dipakai"):
        decrees.decree_set(actor=head_a, decree=second, number="7/2026", decree_date=TODAY())


def test_database_refuses_a_duplicate_number(agency_a, drafter_a):
    from django.db import IntegrityError

    from standards.models import Decree

    first = ready_decree(agency_a, drafter_a)
    second = ready_decree(agency_a, drafter_a)
    Decree.objects.filter(pk=first.pk).update(number="9/2026", year=2026)
    with pytest.raises(IntegrityError):
        Decree.objects.filter(pk=second.pk).update(number="9/2026", year=2026)


def test_ratify_needs_a_set_maklumat(decree, drafter_a, reviewer, head_a, mayor_office, agency_a):
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(actor=head_a, decree=decree, number="1/2026", decree_date=TODAY())
    sign(decree, head_a)
    with pytest.raises(TransitionRefused, match="Pasal 14 ayat \\(1\\)"):
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    set_maklumat(head_a, agency_a)
    assert decrees.decree_ratify(actor=mayor_office, decree=decree).status == S.IN_FORCE


def _to_force(decree, drafter, reviewer, head, mayor, number):
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(actor=head, decree=decree, number=number, decree_date=TODAY())
    sign(decree, head)
    return decrees.decree_ratify(actor=mayor, decree=decree)


# --- effects ----------------------------------------------------------------------------


def test_whole_life_brings_the_standard_into_force(
    decree, drafter_a, reviewer, head_a, mayor_office, agency_a
):
    set_maklumat(head_a, agency_a)
    _to_force(decree, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    standard = decree.standards.get()
    assert standard.status == StandardStatus.IN_FORCE
    assert standard.in_force_since == TODAY()
    assert list(StatusChange.objects.filter(decree=decree).values_list("action", flat=True)) == [
        "submit",
        "pass",
        "set",
        "ratify",
    ]
    assert ServiceStandard.objects.in_force().get() == standard


def test_a_new_version_supersedes_the_old_one_only_when_ratified(
    decree, drafter_a, reviewer, head_a, mayor_office, agency_a
):
    from standards.models import ChangeReason
    from standards.services import standard_revise

    set_maklumat(head_a, agency_a)
    _to_force(decree, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    old = decree.standards.get()
    new = standard_revise(
        actor=drafter_a,
        standard=old,
        reason=ChangeReason.TECHNOLOGY,
        explanation="Pendaftaran daring.",
    )
    consult(new)
    amending = decrees.decree_create(
        actor=drafter_a, agency=agency_a, standards=[new], amends=decree
    )
    decrees.decree_submit(actor=drafter_a, decree=amending)
    old.refresh_from_db()
    assert old.status == StandardStatus.IN_FORCE  # stays in force during evaluation
    decrees.decree_pass(actor=reviewer, decree=amending)
    decrees.decree_set(actor=head_a, decree=amending, number="2/2026", decree_date=TODAY())
    sign(amending, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=amending)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, new.status) == (StandardStatus.SUPERSEDED, StandardStatus.IN_FORCE)
    assert ServiceStandard.objects.filter(pk=old.pk).exists()  # nothing is deleted


def test_revocation_needs_a_reason_and_revokes_the_standards(
    decree, drafter_a, reviewer, head_a, mayor_office, agency_a
):
    set_maklumat(head_a, agency_a)
    _to_force(decree, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    with pytest.raises(TransitionRefused):
        decrees.decree_revoke(actor=mayor_office, decree=decree, reason=" ")
    revoked = decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Layanan dihapus.")
    assert (revoked.status, revoked.revoke_reason) == (S.REVOKED, "Layanan dihapus.")
    assert decree.standards.get().status == StandardStatus.REVOKED
    assert not ServiceStandard.objects.in_force().exists()


def test_mayor_sets_and_so_ratifies_ptsp_decrees(drafter_a, reviewer, mayor_office, head_a):
    from agencies.models import MembershipRole
    from tests.conftest import make_member
    from tests.factories import AgencyFactory

    ptsp = AgencyFactory(slug="dpmptsp", name="DPMPTSP", decreed_by_mayor=True)
    drafter = make_member(ptsp, MembershipRole.DRAFTER, username="penyusun_ptsp")
    head = make_member(ptsp, MembershipRole.HEAD, username="kepala_ptsp")
    decree = ready_decree(ptsp, drafter)
    assert decree.by_mayor and decree.title.startswith("Keputusan Wali Kota Bontang")
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    assert TRANSITIONS["set"] not in available_actions(decree, head)
    with pytest.raises(TransitionRefused, match="Pasal 14"):
        decrees.decree_set(actor=mayor_office, decree=decree, number="5/2026", decree_date=TODAY())
    set_maklumat(head, ptsp)
    result = decrees.decree_set(
        actor=mayor_office, decree=decree, number="5/2026", decree_date=TODAY()
    )
    assert result.status == S.IN_FORCE
    assert decree.standards.get().status == StandardStatus.IN_FORCE


def test_withdrawn_decree_frees_its_standards(decree, drafter_a, agency_a):
    decrees.decree_withdraw(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    again = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    assert again.standards.get() == standard


def test_a_standard_is_in_one_active_decree_at_most(decree, drafter_a, agency_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="rancangan keputusan lain"):
        decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[decree.standards.get()])


def test_default_konsideran_cite_the_regulations_and_the_standards_bases(decree):
    assert "Undang-Undang Nomor 25 Tahun 2009" in decree.legal_references
    assert "Peraturan Wali Kota Bontang Nomor 31 Tahun 2018" in decree.legal_references
    basis = decree.standards.get().legal_bases.first()
    assert f"Nomor {basis.number} Tahun {basis.year}" in decree.legal_references
    assert decree.title == (
        "Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil tentang Standar Pelayanan pada "
        "Dinas Kependudukan dan Pencatatan Sipil"
    )


def test_status_is_assigned_only_by_transition():
    """No module but workflow.py writes Decree.status."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text()
        if path.name != "workflow.py" and re.search(r"decree\w*\.status\s*=(?!=)", text):
            offenders.append(str(path))
    assert offenders == []


def test_revision_start_makes_a_new_version_in_an_amending_draft_decree(
    decree, drafter_a, reviewer, head_a, mayor_office, agency_a
):
    from django.core.exceptions import ValidationError

    from standards.models import ChangeReason

    set_maklumat(head_a, agency_a)
    with pytest.raises(ValidationError, match="Hanya standar yang berlaku"):
        decrees.revision_start(
            actor=drafter_a,
            standard=decree.standards.get(),
            reason=ChangeReason.POLICY,
            explanation="x",
        )
    _to_force(decree, drafter_a, reviewer, head_a, mayor_office, "1/2026")
    old = decree.standards.get()
    new, amending = decrees.revision_start(
        actor=drafter_a,
        standard=old,
        reason=ChangeReason.INNOVATION,
        explanation="Layanan antar jemput dokumen.",
    )
    assert (new.previous, new.version, new.change_reason) == (old, 2, ChangeReason.INNOVATION)
    assert amending.amends == decree and amending.status == S.DRAFT
    assert list(amending.standards.all()) == [new]
    old.refresh_from_db()
    assert old.status == StandardStatus.IN_FORCE


def test_replace_is_in_the_table_but_never_an_act_by_hand(decree, mayor_office):
    """Only the amending decree's coming into force replaces a decree (its StatusChange
    is tested in test_decree_states.py)."""
    spec = TRANSITIONS["replace"]
    assert spec.internal and spec.sources == {S.IN_FORCE} and spec.target == S.REPLACED
    _force_status(decree, S.IN_FORCE)
    assert spec not in available_actions(decree, mayor_office)
    with pytest.raises(TransitionRefused, match="tidak dikenal"):
        transition(actor=mayor_office, decree=decree, action="replace")
    decree.refresh_from_db()
    assert decree.status == S.IN_FORCE

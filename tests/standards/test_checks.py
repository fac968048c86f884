"""Completeness rules (standards/checks.py): each passing on a complete standard and
failing on its twin with one thing removed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from standards.checks import TEXT_COMPONENTS, check_standard, check_team, is_complete
from standards.models import (
    ComponentKind,
    DraftingTeam,
    RequirementTiming,
    StandardComponent,
    TeamMember,
    TeamRole,
)
from standards.selectors import standard_with_rows
from tests.standards.factories import (
    RequirementFactory,
    StepFactory,
    make_complete_standard,
)

K = ComponentKind


@pytest.fixture
def complete(agency_a):
    return make_complete_standard(agency=agency_a)


def codes(standard) -> set[str]:
    return {failure.code for failure in check_standard(standard_with_rows(standard.pk))}


def test_complete_standard_has_no_failures(complete):
    assert codes(complete) == set()
    assert is_complete(standard_with_rows(complete.pk))


def test_standard_without_requirements_fails_naming_lampiran_1_b_3(complete):
    complete.requirements.all().delete()
    [failure] = check_standard(standard_with_rows(complete.pk))
    assert failure.code == "requirements_none"
    assert failure.component == K.REQUIREMENTS
    assert failure.message.startswith("Lampiran angka 1 huruf B angka 3")
    assert failure.anchor == "komponen-1"


def test_requirement_without_timing_fails(complete):
    requirement = complete.requirements.first()
    complete.requirements.filter(pk=requirement.pk).update(timing="")
    [failure] = check_standard(standard_with_rows(complete.pk))
    assert failure.code == "requirement_timing"
    assert failure.row_id == requirement.pk
    assert requirement.description in failure.message


@pytest.mark.parametrize("timing", RequirementTiming.values)
def test_each_timing_is_accepted(complete, timing):
    complete.requirements.update(timing=timing)
    assert codes(complete) == set()


def test_standard_without_steps_fails_procedure_time_and_fee(complete):
    complete.requirements.update(step=None)
    complete.steps.all().delete()
    assert codes(complete) == {"steps_none", "service_time_empty", "fee_unknown"}


def test_fee_unknown_message_is_the_lampiran_wording(complete):
    complete.steps.all().delete()
    fee = [f for f in check_standard(standard_with_rows(complete.pk)) if f.component == K.FEE]
    assert fee[0].message.startswith(
        "Lampiran angka 1 huruf B angka 6: biaya harus jelas; tulis Gratis bila tidak "
        "dipungut biaya"
    )


def test_step_without_duration_fails_and_points_at_the_step(complete):
    step = complete.steps.first()
    complete.steps.filter(pk=step.pk).update(duration_value=Decimal(0))
    failures = check_standard(standard_with_rows(complete.pk))
    assert [f.code for f in failures] == ["step_duration"]
    assert failures[0].row_id == step.pk
    assert failures[0].component == K.PROCEDURE


def test_all_steps_without_duration_also_leave_service_time_empty(complete):
    complete.steps.update(duration_value=Decimal(0))
    assert codes(complete) == {"step_duration", "service_time_empty"}


def test_paid_service_needs_the_fee_legal_basis(complete):
    complete.steps.filter(pk=complete.steps.first().pk).update(applicant_fee=Decimal(5000))
    [failure] = check_standard(standard_with_rows(complete.pk))
    assert failure.code == "fee_legal_basis"
    assert "Rp 5.000" in failure.message
    complete.fee_legal_basis = "Peraturan Daerah Kota Bontang Nomor 1 Tahun 2024"
    complete.save()
    assert codes(complete) == set()


def test_free_service_needs_no_fee_legal_basis(complete):
    assert complete.fee_legal_basis == ""
    assert "fee_legal_basis" not in codes(complete)


def test_product_must_be_named(complete):
    complete.components.filter(kind=K.PRODUCT).update(text="   \n")
    assert codes(complete) == {"product_missing"}


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("complaint_officer", "nama petugas"),
        ("complaint_phone", "nomor telepon"),
        ("complaint_email", "alamat surel"),
        ("complaint_address", "alamat kantor"),
    ],
)
def test_complaint_contact_must_be_complete(complete, field, label):
    setattr(complete, field, "")
    complete.save()
    [failure] = check_standard(standard_with_rows(complete.pk))
    assert failure.code == "complaint_contact"
    assert failure.message.startswith("Lampiran angka 1 huruf B angka 8")
    assert label in failure.message


def test_complaints_need_a_channel(complete):
    complete.complaint_channels.all().delete()
    assert codes(complete) == {"complaint_channel"}


def test_legal_basis_needed(complete):
    complete.legal_bases.all().delete()
    assert codes(complete) == {"legal_basis_none"}


def test_legal_basis_without_number_does_not_count(complete):
    complete.legal_bases.update(number=" ")
    assert codes(complete) == {"legal_basis_none"}


@pytest.mark.parametrize("kind", TEXT_COMPONENTS)
def test_each_text_component_must_be_filled(complete, kind):
    complete.components.filter(kind=kind).update(text="")
    [failure] = check_standard(standard_with_rows(complete.pk))
    assert failure.code == "component_empty"
    assert failure.component == kind
    assert str(kind.label) in failure.message
    assert failure.message.startswith("Pasal 8 huruf b angka")


def test_missing_component_row_counts_as_empty(complete):
    StandardComponent.objects.filter(standard=complete, kind=K.FACILITIES).delete()
    assert codes(complete) == {"component_empty"}


@pytest.mark.parametrize(
    "kind",
    [
        K.REQUIREMENTS,
        K.PROCEDURE,
        K.SERVICE_TIME,
        K.FEE,
        K.COMPLAINTS,
        K.LEGAL_BASIS,
        K.STAFF_COUNT,
    ],
)
def test_components_filled_by_rows_need_no_text(complete, kind):
    complete.components.filter(kind=kind).update(text="")
    assert codes(complete) == set()


@pytest.mark.parametrize("staff_count", [None, 0])
def test_staff_count_must_be_above_zero(complete, staff_count):
    complete.staff_count = staff_count
    complete.save()
    assert codes(complete) == {"staff_count"}


def test_failures_come_in_component_order(db):
    from tests.standards.factories import StandardFactory

    numbers = [f.component_number for f in check_standard(StandardFactory())]
    assert numbers == sorted(numbers)
    assert numbers[0] == 1 and numbers[-1] == 14
    assert {f.component for f in check_standard(StandardFactory())} == set(ComponentKind)


def test_checks_cost_no_query_on_a_prefetched_standard_with_many_rows(
    complete, django_assert_num_queries
):
    steps = [StepFactory(standard=complete) for _ in range(40)]
    for i in range(30):
        RequirementFactory(standard=complete, step=steps[i])
    loaded = standard_with_rows(complete.pk)
    with django_assert_num_queries(0):
        assert check_standard(loaded) == []


def test_standard_with_rows_loads_in_a_fixed_number_of_queries(
    complete, django_assert_max_num_queries
):
    steps = [StepFactory(standard=complete) for _ in range(40)]
    for i in range(30):
        RequirementFactory(standard=complete, step=steps[i])
    with django_assert_max_num_queries(6):
        loaded = standard_with_rows(complete.pk)
        for requirement in loaded.requirements.all():
            assert requirement.step is not None
        assert loaded.service.agency.slug == "disdukcapil"


# --- drafting team, Pasal 10 ayat (4) -----------------------------------------


def make_team(agency, roles) -> DraftingTeam:
    team = DraftingTeam.objects.create(agency=agency)
    for i, role in enumerate(roles):
        TeamMember.objects.create(team=team, name=f"Anggota {i}", role=role)
    return team


def test_team_with_chair_secretary_and_member_is_complete(agency_a):
    team = make_team(agency_a, [TeamRole.CHAIR, TeamRole.SECRETARY, TeamRole.MEMBER])
    assert check_team(team) == []


@pytest.mark.parametrize(
    ("roles", "clause"),
    [
        ([TeamRole.SECRETARY, TeamRole.MEMBER], "huruf a"),
        ([TeamRole.CHAIR, TeamRole.MEMBER], "huruf b"),
        ([TeamRole.CHAIR, TeamRole.SECRETARY], "huruf c"),
    ],
)
def test_team_missing_a_role_is_incomplete(agency_a, roles, clause):
    [problem] = check_team(make_team(agency_a, roles))
    assert problem.startswith(f"Pasal 10 ayat (4) {clause}")


# --- the rules: one per component of the Lampiran's table ---------------------------


def test_every_component_of_the_lampiran_has_a_rule_or_says_why_not():
    from standards.checks import NEEDS_NO_RULE, RULES

    ruled = [rule.component for rule in RULES]
    assert len(ruled) == len(set(ruled)), "one rule per component"
    assert not set(ruled) & set(NEEDS_NO_RULE)
    assert set(ruled) | set(NEEDS_NO_RULE) == set(ComponentKind)
    assert all(why.strip() for why in NEEDS_NO_RULE.values())


def test_the_rules_follow_the_order_of_the_lampiran_table():
    from standards.checks import RULES

    numbers = [rule.component.number for rule in RULES]
    assert numbers == sorted(numbers)


def test_each_rule_fails_only_for_its_own_component(db):
    from standards.checks import RULES, StandardRows
    from tests.standards.factories import StandardFactory

    rows = StandardRows.of(StandardFactory())
    for rule in RULES:
        failures = rule.check(rows, rule.component)
        assert failures, rule.check.__name__
        assert {failure.component for failure in failures} == {rule.component}
        assert all(f.message.startswith(("Lampiran", "Pasal")) for f in failures)

"""Model rules the database enforces, and the model-level validation forms show beside
each field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from standards.models import (
    DELIVERY_COMPONENTS,
    MANAGEMENT_COMPONENTS,
    ComponentKind,
    DraftingTeam,
    DurationUnit,
    LegalBasis,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardComponent,
    TeamMember,
    TeamRole,
)
from tests.standards.factories import (
    LegalBasisFactory,
    ServiceFactory,
    StandardFactory,
    StepFactory,
)


def test_fourteen_components_in_the_lampirans_order_and_labels():
    assert len(ComponentKind) == 14
    assert [k.number for k in ComponentKind] == list(range(1, 15))
    assert ComponentKind.REQUIREMENTS.label == "Persyaratan"
    assert ComponentKind.PROCEDURE.label == "Sistem, Mekanisme Prosedur"
    assert ComponentKind.STAFF_EVALUATION.label == "Evaluasi Kinerja Pelaksana"
    assert [k.number for k in DELIVERY_COMPONENTS] == [1, 2, 3, 4, 5, 6]
    assert [k.number for k in MANAGEMENT_COMPONENTS] == list(range(7, 15))


def test_component_reads_with_its_number(db):
    component = StandardComponent(kind=ComponentKind.FEE)
    assert str(component) == "4. Biaya/Tarif"
    assert component.number == 4


def test_legal_basis_reads_as_a_citation():
    basis = LegalBasis(kind="uu", number="25", year=2009, title="Pelayanan Publik")
    assert str(basis) == "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"


# --- database constraints (never only a form check) -------------------------------------


def integrity_error(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


@pytest.mark.parametrize(
    "fields",
    [
        {"duration_value": Decimal(-1)},
        {"applicant_fee": Decimal(-1)},
        {"agency_cost": Decimal(-1)},
        {"applicant_fee": Decimal("1000000001")},
        {"agency_cost": Decimal("1000000001")},
    ],
)
def test_database_refuses_negative_or_absurd_step_numbers(db, fields):
    standard = StandardFactory()
    integrity_error(lambda: StepFactory(standard=standard, **fields))


def test_database_refuses_an_implausible_legal_basis_year(db):
    standard = StandardFactory()
    integrity_error(lambda: LegalBasisFactory(standard=standard, year=1900))


def test_database_refuses_a_second_chair(agency_a):
    team = DraftingTeam.objects.create(agency=agency_a)
    TeamMember.objects.create(team=team, name="Satu", role=TeamRole.CHAIR)
    integrity_error(lambda: TeamMember.objects.create(team=team, name="Dua", role=TeamRole.CHAIR))


def test_many_secretaries_and_members_are_allowed(agency_a):
    team = DraftingTeam.objects.create(agency=agency_a)
    for i in range(2):
        TeamMember.objects.create(team=team, name=f"S{i}", role=TeamRole.SECRETARY)
        TeamMember.objects.create(team=team, name=f"A{i}", role=TeamRole.MEMBER)
    assert team.members.count() == 4


def test_database_refuses_duplicate_version_numbers(db):
    standard = StandardFactory()
    integrity_error(
        lambda: ServiceStandard.objects.create(
            service=standard.service, version=standard.version, status="superseded"
        )
    )


def test_database_refuses_version_zero(db):
    integrity_error(lambda: ServiceStandard.objects.create(service=ServiceFactory(), version=0))


def test_database_refuses_two_components_of_the_same_kind(db):
    standard = StandardFactory()
    integrity_error(
        lambda: StandardComponent.objects.create(standard=standard, kind=ComponentKind.FEE)
    )


def test_database_refuses_duplicate_service_slug_in_an_agency(agency_a, agency_b):
    ServiceFactory(agency=agency_a, slug="kk", name="Kartu Keluarga")
    assert ServiceFactory(agency=agency_b, slug="kk", name="Kartu Keluarga").pk
    integrity_error(lambda: ServiceFactory(agency=agency_a, slug="kk", name="Lain"))


def test_rows_of_one_standard_never_share_a_key(db):
    step = StepFactory()
    integrity_error(lambda: StepFactory(standard=step.standard, key=step.key))


def test_each_new_row_gets_its_own_key(db):
    standard = StandardFactory()
    keys = {StepFactory(standard=standard).key for _ in range(3)}
    assert len(keys) == 3


# --- model validation (shown beside the field by any ModelForm) ---------------------------


def messages(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict[field])


@pytest.mark.parametrize(
    ("value", "unit", "valid"),
    [
        ("60", DurationUnit.WORKING_DAYS, True),
        ("60.01", DurationUnit.WORKING_DAYS, False),
        ("450", DurationUnit.HOURS, True),
        ("450.5", DurationUnit.HOURS, False),
        ("27000", DurationUnit.MINUTES, True),
        ("27001", DurationUnit.MINUTES, False),
    ],
)
def test_a_step_lasts_at_most_sixty_working_days_in_any_unit(db, value, unit, valid):
    step = StepFactory.build(
        standard=StandardFactory(), duration_value=Decimal(value), duration_unit=unit
    )
    if valid:
        step.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            step.full_clean()
        text = messages(error.value, "duration_value")
        assert "Lampiran angka 1 huruf B angka 5" in text
        assert "60 hari kerja (450 jam)" in text


def test_the_step_bound_follows_the_working_hours_setting(db, settings):
    settings.WORKING_HOURS_PER_DAY = 8
    step = StepFactory.build(
        standard=StandardFactory(), duration_value=Decimal(480), duration_unit=DurationUnit.HOURS
    )
    step.full_clean()
    step.duration_value = Decimal(481)
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "(480 jam)" in messages(error.value, "duration_value")


def test_fee_with_sen_is_refused_never_rounded(db):
    step = StepFactory.build(standard=StandardFactory(), applicant_fee=Decimal("5.5"))
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "applicant_fee" in error.value.message_dict


def test_requirement_may_only_point_at_a_step_of_its_own_standard(db):
    standard = StandardFactory()
    own = StepFactory(standard=standard)
    Requirement(standard=standard, description="KTP", step=own).full_clean()
    with pytest.raises(ValidationError) as error:
        Requirement(standard=standard, description="KTP", step=StepFactory()).full_clean()
    assert "standar yang sama" in messages(error.value, "step")


def test_legal_basis_year_is_refused_in_indonesian(db):
    basis = LegalBasis(standard=StandardFactory(), kind="uu", number="1", year=1800, title="x")
    with pytest.raises(ValidationError) as error:
        basis.full_clean()
    assert "1945" in messages(error.value, "year")


@pytest.mark.parametrize("phone", ["0548-21234", "+62 812 5555 1234", "(0548) 21234", "0811/222"])
def test_complaint_phone_accepts_the_ways_numbers_are_written(db, phone):
    standard = StandardFactory()
    standard.complaint_phone = phone
    standard.full_clean()


@pytest.mark.parametrize("phone", ["hubungi kami", "12", "0548\u202e21234"])
def test_complaint_phone_refuses_what_is_not_a_number(db, phone):
    standard = StandardFactory()
    standard.complaint_phone = phone
    with pytest.raises(ValidationError) as error:
        standard.full_clean()
    assert "complaint_phone" in error.value.message_dict


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (Service, "name", 200),
        (Requirement, "description", 300),
        (ProcedureStep, "action", 1000),
        (StandardComponent, "text", 5000),
        (ServiceStandard, "change_explanation", 5000),
    ],
)
def test_text_limits_are_documented_on_the_fields(model, field, limit):
    django_field = model._meta.get_field(field)
    limits = [v.limit_value for v in django_field.validators if hasattr(v, "limit_value")]
    assert limit in limits or django_field.max_length == limit

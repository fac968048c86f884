"""The write path of drafting (standards/services.py): rights, locks, stale saves, input."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from standards import services
from standards.models import (
    ComponentKind,
    DurationUnit,
    ProcedureStep,
    Requirement,
    Service,
    ServiceKind,
    StandardStatus,
    TeamMember,
    TeamRole,
)
from standards.services import (
    SYSTEM,
    StaleDelete,
    StaleEdit,
    component_save,
    row_delete,
    row_move,
    row_save,
    service_save,
    standard_create,
    standard_update_fields,
)
from tests.conftest import make_member
from tests.standards.factories import (
    RequirementFactory,
    ServiceFactory,
    StandardFactory,
    StepFactory,
)

K = ComponentKind


@pytest.fixture
def service_a(agency_a):
    return ServiceFactory(agency=agency_a, name="Penerbitan Kartu Keluarga", slug="kk")


@pytest.fixture
def draft_a(service_a, drafter_a):
    return standard_create(actor=drafter_a, service=service_a)


def new_step(**fields) -> ProcedureStep:
    values = {
        "actor": "Petugas loket",
        "action": "Menerima berkas",
        "duration_value": Decimal(10),
        "duration_unit": DurationUnit.MINUTES,
        **fields,
    }
    return ProcedureStep(**values)


# --- who may write --------------------------------------------------------------


def test_drafter_creates_a_draft_with_fourteen_components(draft_a, drafter_a):
    assert draft_a.status == StandardStatus.DRAFT
    assert draft_a.version == 1
    assert draft_a.created_by == drafter_a
    assert draft_a.components.count() == 14


@pytest.mark.parametrize(
    "persona",
    ["drafter_b", "head_b", "reviewer", "mayor_office", "secretariat", "superuser", "anonymous"],
    indirect=True,
)
def test_who_may_not_draft_for_agency_a_is_refused(service_a, persona):
    with pytest.raises(PermissionDenied):
        standard_create(actor=persona, service=service_a)


def test_none_is_refused_like_any_user_without_the_right(service_a):
    with pytest.raises(PermissionDenied):
        standard_create(actor=None, service=service_a)


def test_system_actor_drafts_and_is_recorded_as_no_user(service_a):
    standard = standard_create(actor=SYSTEM, service=service_a)
    assert standard.created_by is None
    component = component_save(
        actor=SYSTEM, standard=standard, kind=K.PRODUCT, text="KK", revision=0
    )
    assert component.updated_by is None
    assert component.history.first().history_user is None


def test_coordinator_drafts_for_a_kelurahan(village, coordinator):
    service = ServiceFactory(agency=village)
    assert standard_create(actor=coordinator, service=service).pk


def test_parent_agency_drafts_for_its_upt(upt_of_a, drafter_a):
    service = ServiceFactory(agency=upt_of_a)
    assert standard_create(actor=drafter_a, service=service).pk


def test_coordinator_may_not_draft_for_an_office(service_a, coordinator):
    with pytest.raises(PermissionDenied):
        standard_create(actor=coordinator, service=service_a)


VIEW_FILES = [
    path
    for app in ("agencies", "standards", "documents", "consultations", "maklumat", "monitoring")
    for path in [
        *(Path(settings.BASE_DIR) / app).glob("views.py"),
        *(Path(settings.BASE_DIR) / app).glob("views/*.py"),
    ]
]


def test_views_never_act_as_the_system_or_as_nobody():
    assert VIEW_FILES, "no view modules found"
    for path in VIEW_FILES:
        source = path.read_text()
        assert not re.search(r"\bSYSTEM\b", source), f"{path} uses the system actor"
        assert "actor=None" not in source, f"{path} passes actor=None"


def test_a_second_draft_of_the_same_service_is_refused(draft_a, drafter_a, service_a):
    with pytest.raises(PermissionDenied):
        standard_create(actor=drafter_a, service=service_a)


def test_inactive_service_gets_no_new_draft(service_a, drafter_a):
    service_a.active = False
    service_a.save()
    with pytest.raises(PermissionDenied):
        standard_create(actor=drafter_a, service=service_a)


def test_edits_are_refused_once_the_standard_left_draft_even_on_a_stale_object(draft_a, drafter_a):
    type(draft_a).objects.filter(pk=draft_a.pk).update(status=StandardStatus.IN_FORCE)
    assert draft_a.status == StandardStatus.DRAFT  # the caller's object is stale
    with pytest.raises(PermissionDenied):
        component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text="x", revision=0)
    with pytest.raises(PermissionDenied):
        row_save(actor=drafter_a, standard=draft_a, row=new_step())


# --- services (jenis layanan) ----------------------------------------------------


def test_service_save_makes_a_unique_slug_from_the_name(agency_a, drafter_a):
    first = service_save(
        actor=drafter_a,
        service=Service(agency=agency_a, name="Akta Kelahiran", kind=ServiceKind.ADMINISTRATIVE),
    )
    assert first.slug == "akta-kelahiran"
    Service.objects.filter(pk=first.pk).update(name="Akta Kelahiran Lama")
    second = service_save(
        actor=drafter_a,
        service=Service(agency=agency_a, name="Akta Kelahiran", kind=ServiceKind.ADMINISTRATIVE),
    )
    assert second.slug == "akta-kelahiran-2"


def test_service_with_a_duplicate_name_is_refused_in_indonesian(service_a, drafter_a):
    with pytest.raises(ValidationError) as error:
        service_save(
            actor=drafter_a,
            service=Service(
                agency=service_a.agency, name=service_a.name, kind=ServiceKind.ADMINISTRATIVE
            ),
        )
    assert "Nama layanan ini sudah ada" in str(error.value)


def test_service_deactivation_needs_the_right(service_a, drafter_b, drafter_a):
    with pytest.raises(PermissionDenied):
        services.service_set_active(actor=drafter_b, service=service_a, active=False)
    assert (
        services.service_set_active(actor=drafter_a, service=service_a, active=False).active
        is False
    )


# --- component text and the stale-save conflict ----------------------------------


def test_component_save_stores_text_as_typed_and_counts_revisions(draft_a, drafter_a):
    text = "Kartu Keluarga <b>asli</b> & salinan\n"
    saved = component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text=text, revision=0)
    assert saved.text == text
    assert saved.revision == 1
    assert saved.updated_by == drafter_a


def test_later_save_of_the_same_component_is_refused_naming_who_and_when(
    draft_a, drafter_a, agency_a
):
    colleague = make_member(agency_a, username="rekan", first_name="Siti", last_name="Aminah")
    component_save(actor=colleague, standard=draft_a, kind=K.PRODUCT, text="Versi Siti", revision=0)
    with pytest.raises(StaleEdit) as error:
        component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text="Saya", revision=0)
    assert "Siti Aminah" in str(error.value)
    assert "WITA" in str(error.value)
    assert re.search(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", str(error.value))
    assert error.value.who == colleague
    assert draft_a.components.get(kind=K.PRODUCT).text == "Versi Siti"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\x00b", "karakter kendali"),
        ("a\x07b", "karakter kendali"),
        ("abc\u202edcba", "pengubah arah"),
        ("x" * 5001, "5000"),
    ],
)
def test_bad_component_text_is_refused_and_nothing_changes(draft_a, drafter_a, text, message):
    with pytest.raises(ValidationError) as error:
        component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text=text, revision=0)
    assert message in " ".join(error.value.message_dict["text"])
    component = draft_a.components.get(kind=K.PRODUCT)
    assert component.text == ""
    assert component.revision == 0


# --- the standard's own fields -----------------------------------------------------


def test_standard_fields_update_and_count_revisions(draft_a, drafter_a):
    updated = standard_update_fields(
        actor=drafter_a,
        standard=draft_a,
        revision=0,
        complaint_officer="Siti Aminah",
        complaint_phone="0548-21234",
        staff_count=4,
    )
    assert updated.revision == 1
    assert updated.updated_by == drafter_a
    assert updated.staff_count == 4


def test_stale_standard_fields_are_refused_naming_who(draft_a, drafter_a, head_a):
    standard_update_fields(actor=head_a, standard=draft_a, revision=0, staff_count=3)
    with pytest.raises(StaleEdit) as error:
        standard_update_fields(actor=drafter_a, standard=draft_a, revision=0, staff_count=5)
    assert error.value.who == head_a


def test_workflow_fields_cannot_be_set_through_update_fields(draft_a, drafter_a):
    with pytest.raises(ValueError):
        standard_update_fields(
            actor=drafter_a, standard=draft_a, revision=0, status=StandardStatus.IN_FORCE
        )
    draft_a.refresh_from_db()
    assert draft_a.status == StandardStatus.DRAFT


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("staff_count", 100000, "Jumlah pelaksana lebih dari 1000"),
        ("complaint_phone", "telepon saya", "nomor telepon"),
        ("complaint_email", "bukan-surel", "alamat email yang valid"),
        ("complaint_officer", "Siti\u202eAminah", "pengubah arah"),
    ],
)
def test_bad_standard_fields_are_refused_beside_the_field(
    draft_a, drafter_a, field, value, message
):
    with pytest.raises(ValidationError) as error:
        standard_update_fields(actor=drafter_a, standard=draft_a, revision=0, **{field: value})
    assert field in error.value.message_dict
    assert message.lower() in " ".join(error.value.message_dict[field]).lower()


# --- rows ---------------------------------------------------------------------------


def test_new_rows_go_last(draft_a, drafter_a):
    first = row_save(actor=drafter_a, standard=draft_a, row=new_step(action="satu"))
    second = row_save(actor=drafter_a, standard=draft_a, row=new_step(action="dua"))
    assert (first.position, second.position) == (1, 2)
    assert second.updated_by == drafter_a


def test_row_update_keeps_key_and_position_and_counts_revisions(draft_a, drafter_a):
    row = row_save(actor=drafter_a, standard=draft_a, row=new_step(action="satu"))
    key = row.key
    replacement = new_step(action="diubah")
    replacement.pk = row.pk
    saved = row_save(actor=drafter_a, standard=draft_a, row=replacement, revision=0)
    assert (saved.key, saved.position, saved.revision) == (key, 1, 1)
    assert ProcedureStep.objects.get(pk=row.pk).action == "diubah"


def test_stale_row_save_is_refused_naming_who(draft_a, drafter_a, head_a):
    row = row_save(actor=drafter_a, standard=draft_a, row=new_step())
    row.action = "oleh kepala"
    row_save(actor=head_a, standard=draft_a, row=row, revision=0)
    mine = ProcedureStep.objects.get(pk=row.pk)
    mine.revision = 0
    mine.action = "oleh penyusun"
    with pytest.raises(StaleEdit) as error:
        row_save(actor=drafter_a, standard=draft_a, row=mine, revision=0)
    assert error.value.who == head_a
    assert ProcedureStep.objects.get(pk=row.pk).action == "oleh kepala"


def test_row_of_another_standard_cannot_be_saved_through_this_one(draft_a, drafter_a, agency_a):
    other = StandardFactory(service=ServiceFactory(agency=agency_a))
    step = StepFactory(standard=other)
    step.action = "dibajak"
    with pytest.raises(ProcedureStep.DoesNotExist):
        row_save(actor=drafter_a, standard=draft_a, row=step, revision=0)
    assert ProcedureStep.objects.get(pk=step.pk).action != "dibajak"


def test_requirement_linked_to_a_step_of_another_standard_is_refused(draft_a, drafter_a):
    foreign = StepFactory()
    with pytest.raises(ValidationError) as error:
        row_save(
            actor=drafter_a,
            standard=draft_a,
            row=Requirement(description="KTP", step=foreign),
        )
    assert "step" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"duration_value": Decimal(-1)}, "duration_value", "Waktu tidak boleh negatif"),
        (
            {"duration_value": Decimal(61), "duration_unit": DurationUnit.WORKING_DAYS},
            "duration_value",
            "paling lama 60 hari kerja",
        ),
        (
            {"duration_value": Decimal(451), "duration_unit": DurationUnit.HOURS},
            "duration_value",
            "paling lama 60 hari kerja",
        ),
        (
            {"duration_value": Decimal(27001), "duration_unit": DurationUnit.MINUTES},
            "duration_value",
            "paling lama 60 hari kerja",
        ),
        ({"applicant_fee": Decimal(-5000)}, "applicant_fee", "Biaya tidak boleh negatif"),
        ({"agency_cost": Decimal(-1)}, "agency_cost", "Biaya tidak boleh negatif"),
        ({"applicant_fee": Decimal("1000000001")}, "applicant_fee", "Rp 1.000.000.000"),
        ({"applicant_fee": Decimal("5.5")}, "applicant_fee", "desimal"),
        ({"actor": "Petugas\x00"}, "actor", "karakter kendali"),
        ({"action": "a" * 1001}, "action", "1000"),
    ],
)
def test_bad_step_input_is_refused_beside_the_field_in_indonesian(
    draft_a, drafter_a, fields, field, message
):
    with pytest.raises(ValidationError) as error:
        row_save(actor=drafter_a, standard=draft_a, row=new_step(**fields))
    assert message in " ".join(error.value.message_dict[field])
    assert not draft_a.steps.exists()


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        (Decimal(60), DurationUnit.WORKING_DAYS),
        (Decimal(450), DurationUnit.HOURS),
        (Decimal(27000), DurationUnit.MINUTES),
    ],
)
def test_a_step_of_exactly_sixty_working_days_is_accepted(draft_a, drafter_a, value, unit):
    row = row_save(
        actor=drafter_a, standard=draft_a, row=new_step(duration_value=value, duration_unit=unit)
    )
    assert row.pk


def test_row_delete_renumbers_and_unlinks_requirements_through_history(draft_a, drafter_a):
    steps = [
        row_save(actor=drafter_a, standard=draft_a, row=new_step(action=str(i))) for i in range(3)
    ]
    requirement = RequirementFactory(standard=draft_a, step=steps[0])
    row_delete(actor=drafter_a, standard=draft_a, row=steps[0], unlink_requirements=True)
    assert list(draft_a.steps.values_list("action", "position")) == [("1", 1), ("2", 2)]
    requirement.refresh_from_db()
    assert requirement.step is None
    assert requirement.history.first().step_id is None
    assert requirement.history.first().history_user == drafter_a


def test_row_delete_refused_when_the_row_was_saved_since_it_was_read(draft_a, drafter_a, head_a):
    step = row_save(actor=drafter_a, standard=draft_a, row=new_step(action="Lama"))
    seen = step.revision
    step.action = "Baru"
    row_save(actor=head_a, standard=draft_a, row=step, revision=seen)
    with pytest.raises(StaleDelete) as refused:
        row_delete(actor=drafter_a, standard=draft_a, row=step, revision=seen)
    assert refused.value.who == head_a
    assert "Tidak dihapus" in str(refused.value)
    assert draft_a.steps.filter(pk=step.pk).exists()
    row_delete(actor=drafter_a, standard=draft_a, row=step, revision=seen + 1)
    assert not draft_a.steps.filter(pk=step.pk).exists()


def test_row_move_swaps_with_the_neighbour_and_stops_at_the_ends(draft_a, drafter_a):
    steps = [
        row_save(actor=drafter_a, standard=draft_a, row=new_step(action=str(i))) for i in range(3)
    ]
    row_move(actor=drafter_a, standard=draft_a, row=steps[2], offset=-1)
    assert list(draft_a.steps.values_list("action", flat=True)) == ["0", "2", "1"]
    row_move(actor=drafter_a, standard=draft_a, row=steps[0], offset=-1)
    assert list(draft_a.steps.values_list("action", flat=True)) == ["0", "2", "1"]


def test_row_move_of_another_standards_row_is_refused(draft_a, drafter_a):
    with pytest.raises(ProcedureStep.DoesNotExist):
        row_move(actor=drafter_a, standard=draft_a, row=StepFactory(), offset=1)


def test_rows_of_other_models_are_refused(draft_a, drafter_a):
    with pytest.raises(TypeError):
        row_save(actor=drafter_a, standard=draft_a, row=TeamMember(name="x", role="member"))


# --- drafting team ------------------------------------------------------------------


def test_second_chair_is_refused_naming_pasal_10(agency_a, drafter_a):
    team = services.drafting_team_for(agency_a)
    services.team_member_save(
        actor=drafter_a, member=TeamMember(team=team, name="Ketua", role=TeamRole.CHAIR)
    )
    with pytest.raises(ValidationError) as error:
        services.team_member_save(
            actor=drafter_a, member=TeamMember(team=team, name="Ketua Dua", role=TeamRole.CHAIR)
        )
    assert "Pasal 10 ayat (4) huruf a" in str(error.value)


def test_team_member_nip_must_be_eighteen_digits(agency_a, drafter_a):
    team = services.drafting_team_for(agency_a)
    with pytest.raises(ValidationError) as error:
        services.team_member_save(
            actor=drafter_a,
            member=TeamMember(team=team, name="Anggota", nip="1234", role=TeamRole.MEMBER),
        )
    assert "nip" in error.value.message_dict


def test_team_of_another_agency_cannot_be_edited(agency_a, drafter_b):
    team = services.drafting_team_for(agency_a)
    with pytest.raises(PermissionDenied):
        services.team_member_save(
            actor=drafter_b, member=TeamMember(team=team, name="Penyusup", role=TeamRole.MEMBER)
        )


# --- frozen while its decree is evaluated or set (Pasal 12 ayat (4)) ------------------


@pytest.mark.parametrize(
    ("status", "frozen"),
    [
        ("draft", False),
        ("submitted", True),
        ("evaluated", True),
        ("set", True),
        ("withdrawn", False),
    ],
)
def test_text_is_frozen_while_its_decree_is_evaluated_or_set(draft_a, drafter_a, status, frozen):
    from standards.models import Decree

    decree = Decree.objects.create(agency=draft_a.service.agency, title="Keputusan uji")
    decree.standards.add(draft_a)
    Decree.objects.filter(pk=decree.pk).update(status=status)
    assert services.under_decree_review(draft_a) is frozen
    if frozen:
        with pytest.raises(PermissionDenied) as error:
            component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text="x", revision=0)
        assert "Pasal 12 ayat (4)" in str(error.value)
    else:
        component_save(actor=drafter_a, standard=draft_a, kind=K.PRODUCT, text="x", revision=0)

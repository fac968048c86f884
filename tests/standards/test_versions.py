"""Versions (Pasal 12 ayat (5)-(6)) and the history of every row."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from standards.models import (
    ChangeReason,
    ComponentKind,
    ProcedureStep,
    ServiceStandard,
    StandardComponent,
    StandardStatus,
)
from standards.selectors import standard_with_rows
from standards.services import (
    component_save,
    row_delete,
    row_move,
    row_save,
    standard_create,
    standard_revise,
)
from tests.standards.factories import ServiceFactory, make_complete_standard

K = ComponentKind


@pytest.fixture
def in_force(agency_a):
    standard = make_complete_standard(agency=agency_a, steps=3, requirements=4)
    ServiceStandard.objects.filter(pk=standard.pk).update(status=StandardStatus.IN_FORCE)
    standard.refresh_from_db()
    return standard


def revise(actor, standard, **kw):
    values = {"reason": ChangeReason.TECHNOLOGY, "explanation": "Pendaftaran daring.", **kw}
    return standard_revise(actor=actor, standard=standard, **values)


def rows(standard, relation, *fields):
    return list(getattr(standard, relation).order_by("position").values_list(*fields))


def test_revise_copies_every_component_row_and_field(in_force, drafter_a):
    copy = revise(drafter_a, in_force)
    assert (copy.version, copy.status, copy.previous) == (2, StandardStatus.DRAFT, in_force)
    assert (copy.change_reason, copy.change_explanation) == (
        ChangeReason.TECHNOLOGY,
        "Pendaftaran daring.",
    )
    assert copy.created_by == drafter_a
    for field in ("complaint_officer", "complaint_phone", "complaint_email", "staff_count"):
        assert getattr(copy, field) == getattr(in_force, field)
    texts = dict(in_force.components.values_list("kind", "text"))
    assert dict(copy.components.values_list("kind", "text")) == texts
    assert rows(copy, "steps", "key", "position", "actor", "action", "duration_value") == rows(
        in_force, "steps", "key", "position", "actor", "action", "duration_value"
    )
    for relation, fields in (
        ("requirements", ("key", "description", "timing")),
        ("complaint_channels", ("key", "kind", "detail")),
        ("legal_bases", ("key", "kind", "number", "year", "title")),
    ):
        assert rows(copy, relation, *fields) == rows(in_force, relation, *fields)
    in_force.refresh_from_db()
    assert in_force.status == StandardStatus.IN_FORCE
    assert in_force.steps.count() == 3  # the original keeps its rows


def test_revise_links_copied_requirements_to_the_copied_steps(in_force, drafter_a):
    copy = revise(drafter_a, in_force)
    original = {r.key: r.step.key for r in in_force.requirements.select_related("step")}
    for requirement in copy.requirements.select_related("step"):
        assert requirement.step.standard_id == copy.pk
        assert requirement.step.key == original[requirement.key]


def test_revise_does_not_touch_the_callers_prefetched_rows(in_force, drafter_a):
    loaded = standard_with_rows(in_force.pk)
    step_ids = [s.pk for s in loaded.steps.all()]
    revise(drafter_a, loaded)
    assert [s.pk for s in loaded.steps.all()] == step_ids
    assert all(s.standard_id == in_force.pk for s in loaded.steps.all())


def test_the_copy_passes_the_checks_the_original_passed(in_force, drafter_a):
    from standards.checks import check_standard

    copy = revise(drafter_a, in_force)
    assert check_standard(standard_with_rows(copy.pk)) == []


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"reason": ""}, "change_reason"),
        ({"reason": "karena"}, "change_reason"),
        ({"explanation": "  "}, "change_explanation"),
    ],
)
def test_revise_needs_a_reason_and_an_explanation(in_force, drafter_a, kw, field):
    with pytest.raises(ValidationError) as error:
        revise(drafter_a, in_force, **kw)
    assert "Pasal 12 ayat (5)" in " ".join(error.value.message_dict[field])
    assert in_force.service.standards.count() == 1


def test_revise_is_refused_while_a_draft_exists(in_force, drafter_a):
    revise(drafter_a, in_force)
    with pytest.raises(PermissionDenied):
        revise(drafter_a, in_force)
    assert in_force.service.standards.count() == 2


def test_database_refuses_a_second_version_in_progress(db):
    service = ServiceFactory()
    ServiceStandard.objects.create(service=service, version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceStandard.objects.create(service=service, version=2)


def test_database_refuses_a_second_version_in_force(db):
    service = ServiceFactory()
    ServiceStandard.objects.create(service=service, version=1, status=StandardStatus.IN_FORCE)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceStandard.objects.create(service=service, version=2, status=StandardStatus.IN_FORCE)


def test_withdrawn_and_superseded_versions_do_not_block_a_new_draft(db):
    service = ServiceFactory()
    ServiceStandard.objects.create(service=service, version=1, status=StandardStatus.SUPERSEDED)
    ServiceStandard.objects.create(service=service, version=2, status=StandardStatus.WITHDRAWN)
    ServiceStandard.objects.create(service=service, version=3, status=StandardStatus.IN_FORCE)
    assert ServiceStandard.objects.create(service=service, version=4).pk


def test_drafter_of_another_agency_cannot_revise(in_force, drafter_b):
    with pytest.raises(PermissionDenied):
        revise(drafter_b, in_force)


def test_a_draft_with_a_previous_version_needs_its_reason_on_full_clean(in_force):
    draft = ServiceStandard(service=in_force.service, version=2, previous=in_force)
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert {"change_reason", "change_explanation"} <= set(error.value.message_dict)


# --- simple-history records every change --------------------------------------------


def test_history_records_every_row_change_with_its_author(agency_a, drafter_a):
    service = ServiceFactory(agency=agency_a)
    standard = standard_create(actor=drafter_a, service=service)
    assert standard.history.count() == 1
    assert StandardComponent.history.filter(standard_id=standard.pk).count() == 14

    component_save(actor=drafter_a, standard=standard, kind=K.PRODUCT, text="KK", revision=0)
    product = standard.components.get(kind=K.PRODUCT)
    assert [h.history_type for h in product.history.all()] == ["~", "+"]
    assert product.history.first().history_user == drafter_a
    assert product.history.first().text == "KK"

    step_a = row_save(
        actor=drafter_a,
        standard=standard,
        row=ProcedureStep(actor="Loket", action="A", duration_value=Decimal(5)),
    )
    step_b = row_save(
        actor=drafter_a,
        standard=standard,
        row=ProcedureStep(actor="Loket", action="B", duration_value=Decimal(5)),
    )
    step_a.duration_value = Decimal(10)
    row_save(actor=drafter_a, standard=standard, row=step_a, revision=0)
    row_move(actor=drafter_a, standard=standard, row=step_b, offset=-1)
    row_delete(actor=drafter_a, standard=standard, row=step_a)

    history_a = list(ProcedureStep.history.filter(id=step_a.pk).order_by("history_id"))
    assert [h.history_type for h in history_a] == ["+", "~", "~", "-"]
    assert [h.duration_value for h in history_a[:2]] == [Decimal(5), Decimal(10)]
    assert history_a[2].position == 2  # moved down
    assert {h.history_user for h in history_a} == {drafter_a}
    history_b = list(ProcedureStep.history.filter(id=step_b.pk).order_by("history_id"))
    assert [h.position for h in history_b] == [2, 1]


def test_revise_records_the_copies_in_history(in_force, drafter_a):
    copy = revise(drafter_a, in_force)
    assert copy.history.first().history_user == drafter_a
    assert StandardComponent.history.filter(standard_id=copy.pk).count() == 14
    assert ProcedureStep.history.filter(standard_id=copy.pk, history_type="+").count() == 3

"""Comparing two versions (standards/diff.py) in words a reviewer understands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from standards.diff import RowStatus, diff_standards, public_diff
from standards.models import (
    DELIVERY_COMPONENTS,
    ChangeReason,
    ComponentKind,
    DurationUnit,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    StandardStatus,
)
from standards.selectors import standard_with_rows
from standards.services import (
    SYSTEM,
    component_save,
    row_delete,
    row_move,
    row_save,
    standard_revise,
    standard_update_fields,
)
from tests.standards.factories import make_complete_standard

K = ComponentKind


@pytest.fixture
def versions(agency_a):
    """(old in force, new draft copied from it)."""
    old = make_complete_standard(agency=agency_a, steps=3, requirements=3)
    ServiceStandard.objects.filter(pk=old.pk).update(status=StandardStatus.IN_FORCE)
    old.refresh_from_db()
    new = standard_revise(
        actor=SYSTEM, standard=old, reason=ChangeReason.INNOVATION, explanation="Lebih cepat."
    )
    return old, new


def diff(old, new, public=False):
    compare = public_diff if public else diff_standards
    return compare(standard_with_rows(old.pk), standard_with_rows(new.pk))


def component(result, kind):
    return next(c for c in result.components if c.kind == kind)


def test_an_unchanged_copy_has_no_changes(versions):
    result = diff(*versions)
    assert not result.has_changes
    assert [c.number for c in result.components] == list(range(1, 15))


def test_changed_text_is_shown_line_by_line(versions):
    old, new = versions
    kind = K.FACILITIES
    before = new.components.get(kind=kind)
    component_save(
        actor=SYSTEM,
        standard=new,
        kind=kind,
        text=before.text + "\nRuang laktasi.",
        revision=before.revision,
    )
    facilities = component(diff(old, new), kind)
    assert facilities.changed and facilities.text_changed
    assert [(line.op, line.text) for line in facilities.text_lines][-1] == (
        "added",
        "Ruang laktasi.",
    )
    assert facilities.label == "Sarana dan Prasarana/Fasilitas"
    assert facilities.anchor == "komponen-8"
    assert [c.kind for c in diff(old, new).changed_components] == [kind]


def test_added_removed_and_changed_rows_with_field_level_changes(versions):
    old, new = versions
    steps = list(new.steps.all())
    row_delete(actor=SYSTEM, standard=new, row=steps[2], unlink_requirements=True)
    step = ProcedureStep.objects.get(pk=steps[0].pk)
    step.duration_value, step.duration_unit = Decimal(2), DurationUnit.WORKING_DAYS
    step.applicant_fee = Decimal(5000)
    row_save(actor=SYSTEM, standard=new, row=step, revision=step.revision)
    row_save(
        actor=SYSTEM,
        standard=new,
        row=ProcedureStep(actor="Kepala Dinas", action="Menandatangani", duration_value=1),
    )
    procedure = component(diff(old, new), K.PROCEDURE)
    by_status = {}
    for row in procedure.rows:
        by_status.setdefault(row.status, []).append(row)
    assert [r.label for r in by_status[RowStatus.ADDED]] == ["Kepala Dinas: Menandatangani"]
    assert len(by_status[RowStatus.REMOVED]) == 1
    [changed] = by_status[RowStatus.CHANGED]
    assert changed.status_label == "diubah"
    changes = {c.field: (c.label, c.old, c.new) for c in changed.changes}
    assert changes["duration"] == ("waktu", "15 menit", "2 hari kerja")
    assert changes["applicant_fee"] == ("biaya dibebankan kepada pemohon (Rp)", "Rp 0", "Rp 5.000")


def test_derived_time_and_fee_changes_are_shown_under_components_3_and_4(versions):
    old, new = versions
    step = new.steps.first()
    step.applicant_fee = Decimal(10000)
    row_save(actor=SYSTEM, standard=new, row=step, revision=step.revision)
    result = diff(old, new)
    fee = component(result, K.FEE)
    assert ("applicant_fee_total", "Gratis (tidak dipungut biaya)", "Rp 10.000") in [
        (f.field, f.old, f.new) for f in fee.fields
    ]
    assert not component(result, K.SERVICE_TIME).changed


def test_a_moved_row_reads_as_moved_not_as_removed_and_added(versions):
    old, new = versions
    row_move(actor=SYSTEM, standard=new, row=new.steps.last(), offset=-1)
    rows = component(diff(old, new), K.PROCEDURE).rows
    assert {r.status for r in rows} == {RowStatus.CHANGED}
    assert all(r.moved for r in rows)
    assert {(c.label, c.old, c.new) for r in rows for c in r.changes} == {
        ("urutan", "2", "3"),
        ("urutan", "3", "2"),
    }


def test_deleting_the_first_row_does_not_mark_the_others_as_moved(versions):
    old, new = versions
    row_delete(actor=SYSTEM, standard=new, row=new.requirements.first())
    rows = component(diff(old, new), K.REQUIREMENTS).rows
    assert [r.status for r in rows] == [RowStatus.REMOVED]


def test_requirement_moved_to_another_step_names_both_steps(versions):
    old, new = versions
    steps = list(new.steps.all())
    requirement = Requirement.objects.get(standard=new, step=steps[0])
    requirement.step = steps[1]
    row_save(actor=SYSTEM, standard=new, row=requirement, revision=requirement.revision)
    [row] = component(diff(old, new), K.REQUIREMENTS).rows
    [change] = row.changes
    assert change.label == "tahap prosedur"
    assert change.old.startswith("tahap 1: ") and change.new.startswith("tahap 2: ")


def test_contact_and_staff_count_changes_are_shown_with_their_labels(versions):
    old, new = versions
    standard_update_fields(
        actor=SYSTEM, standard=new, revision=new.revision, complaint_officer="Budi", staff_count=5
    )
    result = diff(old, new)
    [officer] = component(result, K.COMPLAINTS).fields
    assert (officer.label, officer.old, officer.new) == (
        "nama petugas pengaduan",
        "Siti Aminah",
        "Budi",
    )
    [staff] = component(result, K.STAFF_COUNT).fields
    assert (staff.old, staff.new) == ("2", "5")


def test_public_diff_covers_only_the_published_components_without_internal_cost(versions):
    old, new = versions
    step = new.steps.first()
    step.agency_cost = Decimal(25000)
    row_save(actor=SYSTEM, standard=new, row=step, revision=step.revision)
    kind = K.FACILITIES
    component_save(actor=SYSTEM, standard=new, kind=kind, text="Baru", revision=0)
    public = diff(old, new, public=True)
    assert tuple(c.kind for c in public.components) == DELIVERY_COMPONENTS
    assert not public.has_changes  # only internal things changed
    full = diff(old, new)
    assert {c.kind for c in full.changed_components} == {K.PROCEDURE, K.FEE, K.FACILITIES}


def test_versions_of_different_services_are_not_compared(versions, agency_a):
    other = make_complete_standard(agency=agency_a)
    with pytest.raises(ValueError):
        diff(versions[0], other)


def test_diff_costs_no_query_on_prefetched_versions_with_many_rows(
    versions, django_assert_num_queries
):
    old, new = versions
    for i in range(40):
        row_save(
            actor=SYSTEM,
            standard=new,
            row=ProcedureStep(actor="Petugas", action=f"Tahap {i}", duration_value=1),
        )
    a, b = standard_with_rows(old.pk), standard_with_rows(new.pk)
    with django_assert_num_queries(0):
        result = diff_standards(a, b)
    assert len(component(result, K.PROCEDURE).rows) == 40

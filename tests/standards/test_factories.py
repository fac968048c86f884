"""The shared factories build what they promise (other apps' tests rely on them)."""

from __future__ import annotations

from standards.checks import check_standard, is_complete
from standards.models import ComponentKind, StandardStatus
from tests.standards.factories import (
    StandardFactory,
    make_complete_standard,
    make_standard_with_rows,
)


def test_standard_factory_creates_the_fourteen_components(db):
    standard = StandardFactory()
    assert sorted(standard.components.values_list("kind", flat=True)) == sorted(ComponentKind)
    assert standard.status == StandardStatus.DRAFT


def test_complete_standard_passes_every_check(agency_a):
    standard = make_complete_standard(agency=agency_a)
    assert check_standard(standard) == []
    assert is_complete(standard)
    assert standard.service.agency == agency_a


def test_complete_standard_accepts_more_rows_and_field_overrides(db):
    standard = make_complete_standard(steps=5, requirements=7, staff_count=9)
    assert standard.steps.count() == 5
    assert standard.requirements.count() == 7
    assert standard.staff_count == 9
    assert is_complete(standard)


def test_standard_with_rows_links_each_requirement_to_a_step(db):
    standard = make_standard_with_rows(steps=3, requirements=4)
    assert all(r.step.standard_id == standard.pk for r in standard.requirements.all())

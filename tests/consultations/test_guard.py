"""The guard the workflow reads without importing consultations (Pasal 11, 12 ayat (3)):
`standard.consultations.complete().exists()`. Each missing piece makes it false."""

from __future__ import annotations

import pytest

from consultations.models import Consultation, ConsultationScan, ConsultationStatus, ScanKind
from tests.consultations.conftest import make_signed, plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(drafter_a, consultation, standard_a):
    return make_signed(drafter_a, consultation, standard_a)


def test_signed_consultation_with_three_scans_makes_the_standard_consulted(signed, standard_a):
    assert standard_a.consultations.complete().exists()
    assert list(Consultation.objects.complete()) == [signed]


def test_not_signed_is_not_consulted(signed, standard_a):
    Consultation.objects.filter(pk=signed.pk).update(status=ConsultationStatus.HELD)
    assert not standard_a.consultations.complete().exists()


@pytest.mark.parametrize("missing", [ScanKind.INVITATION, ScanKind.ATTENDANCE, ScanKind.MINUTES])
def test_each_missing_scan_makes_it_not_consulted(signed, standard_a, missing):
    ConsultationScan.objects.filter(consultation=signed, kind=missing).delete()
    assert not standard_a.consultations.complete().exists()


def test_photos_do_not_replace_a_required_scan(signed, standard_a):
    ConsultationScan.objects.filter(consultation=signed, kind=ScanKind.MINUTES).update(
        kind=ScanKind.PHOTO
    )
    assert not standard_a.consultations.complete().exists()


def test_standard_not_linked_is_not_consulted(signed, standard_a, standard_a2):
    assert not standard_a2.consultations.complete().exists()
    signed.standards.remove(standard_a)
    assert not standard_a.consultations.complete().exists()


def test_one_complete_among_several_is_enough(signed, drafter_a, agency_a, standard_a):
    plan(drafter_a, agency_a, [standard_a])  # a second, still planned
    assert standard_a.consultations.count() == 2
    assert standard_a.consultations.complete().count() == 1


def test_guard_is_what_the_workflow_reads(signed, standard_a):
    # standards.decrees.guards.guard_standards_consulted uses exactly this expression.
    from pathlib import Path

    from standards.decrees import guards

    assert "consultations.complete().exists()" in Path(guards.__file__).read_text()

import io

import pytest
from django.core.management import call_command

from standards.models import Decree, DecreeStatus, ServiceStandard, StandardStatus, StatusChange

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_life_of_a_standard_and_is_idempotent(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-Bontang-2026")
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    in_force = ServiceStandard.objects.in_force()
    through_the_workflow = set(
        in_force.filter(decrees__recorded=False).values_list(
            "service__agency__slug", "service__slug"
        )
    )
    assert through_the_workflow == {
        ("disdukcapil", "kartu-keluarga"),
        ("kecamatan-bontang-selatan", "pelayanan-informasi-publik"),
    }
    # The rest of the city's standards in force were recorded from earlier decrees.
    recorded = in_force.filter(decrees__recorded=True)
    assert recorded.count() == in_force.count() - 2 >= 30
    statuses = dict(Decree.objects.values_list("lampiran__standard__service__slug", "status"))
    assert statuses["akta-kelahiran"] == DecreeStatus.SET
    assert statuses["surat-izin-praktik-bidan"] == DecreeStatus.SUBMITTED
    sktm = Decree.objects.get(lampiran__standard__service__slug="surat-keterangan-tidak-mampu")
    assert sktm.status == DecreeStatus.DRAFT and sktm.review_notes.count() == 2
    # reached through the acts a person does, each recorded
    kk = Decree.objects.get(lampiran__standard__service__slug="kartu-keluarga")
    assert list(kk.status_changes.values_list("action", flat=True)) == [
        "submit",
        "pass",
        "set",
        "ratify",
    ]
    assert "Dikembalikan dengan catatan" in out.getvalue()

    changes = StatusChange.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert StatusChange.objects.count() == changes
    assert ServiceStandard.objects.filter(status=StandardStatus.IN_FORCE).count() == (
        in_force.count()
    )

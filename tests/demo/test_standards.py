"""Demo content (demo/data, loaded by demo/loader.py through the importer): realistic,
complete, idempotent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agencies.seed import seed_bontang
from demo.loader import demo_standards, demo_teams, seed_demo_standards
from demo.users import seed_demo_users
from standards.checks import check_standard, check_team
from standards.models import Decree, DraftingTeam, Service, ServiceStandard, StandardStatus
from standards.selectors import standard_with_rows
from standards.totals import standard_totals


@pytest.fixture
def seeded(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    seed_bontang()
    seed_demo_users()
    created = seed_demo_standards()
    return created


def standard_of(slug: str, agency: str) -> ServiceStandard:
    standard = ServiceStandard.objects.get(service__slug=slug, service__agency__slug=agency)
    return standard_with_rows(standard.pk)


LIFECYCLE = {item["key"] for item in demo_standards() if item.get("lifecycle")}


def test_every_demo_standard_passes_every_check(seeded):
    assert seeded == len(demo_standards()) >= 40
    for standard in ServiceStandard.objects.all():
        failures = check_standard(standard_with_rows(standard.pk))
        assert failures == [], (str(standard), [f.message for f in failures])


def test_most_are_in_force_recorded_from_earlier_decrees_across_twelve_agencies(seeded):
    in_force = ServiceStandard.objects.in_force()
    assert in_force.values("service__agency").distinct().count() >= 12
    assert in_force.count() == seeded - len(LIFECYCLE) > seeded / 2
    for standard in in_force.select_related("service"):
        decree = standard.decrees.get()
        assert decree.recorded and decree.status == "in_force", standard
        assert list(decree.status_changes.values_list("action", flat=True)) == ["record"]
        assert standard.in_force_since == decree.decree_date
        assert hasattr(standard, "publication"), standard  # on the portal
    # The standards the demo carries through the whole workflow stay drafts here.
    drafts = ServiceStandard.objects.filter(status=StandardStatus.DRAFT)
    assert set(drafts.values_list("service__slug", flat=True)) == LIFECYCLE
    assert not Decree.objects.filter(lampiran__standard__in=drafts).exists()


def test_seeding_twice_adds_nothing(seeded):
    counts = (Service.objects.count(), ServiceStandard.objects.count())
    assert seed_demo_standards() == 0
    assert (Service.objects.count(), ServiceStandard.objects.count()) == counts


DEMO_TOTALS = [
    ("disdukcapil", "kartu-keluarga", "3 hari kerja", "3.00"),
    ("disdukcapil", "akta-kelahiran", "5 hari kerja", "5.00"),
    ("dpmptsp", "surat-izin-praktik-bidan", "12 hari kerja", "12.00"),
    ("kecamatan-bontang-selatan", "pelayanan-informasi-publik", "10 hari kerja", "10.00"),
    ("kelurahan-tanjung-laut", "surat-keterangan-tidak-mampu", "1 hari kerja", "1.00"),
    ("puskesmas-bontang-selatan-1", "pendaftaran-pasien", "5 menit", "0.01"),
    ("disnaker", "kartu-pencari-kerja-ak-i", "15 menit", "0.03"),
]


def test_demo_times_add_up_to_what_the_agencies_promise_and_are_free(seeded):
    # One test for all seven: seeding costs seconds per test.
    for agency, slug, display, days in DEMO_TOTALS:
        totals = standard_totals(standard_of(slug, agency))
        assert (totals.duration_display, totals.working_days) == (display, Decimal(days)), slug
        assert totals.fee_display == "Gratis (tidak dipungut biaya)"


def test_akta_kelahiran_states_the_sixty_day_reporting_limit(seeded):
    standard = standard_of("akta-kelahiran", "disdukcapil")
    texts = " ".join(c.text for c in standard.components.all())
    assert "60 (enam puluh) hari sejak kelahiran" in texts


def test_information_requests_may_be_extended_by_seven_working_days(seeded):
    standard = standard_of("pelayanan-informasi-publik", "kecamatan-bontang-selatan")
    service_time = next(c for c in standard.components.all() if c.kind == "service_time")
    assert "7 hari kerja" in service_time.text
    assert any(b.number == "14" and b.year == 2008 for b in standard.legal_bases.all())


def test_adminduk_cites_the_law_as_amended(seeded):
    bases = {
        (b.number, b.year) for b in standard_of("kartu-keluarga", "disdukcapil").legal_bases.all()
    }
    assert {("23", 2006), ("24", 2013), ("25", 2009), ("96", 2018)} <= bases


def test_every_requirement_is_linked_to_a_step_of_its_standard(seeded):
    for standard in ServiceStandard.objects.prefetch_related("requirements__step"):
        for requirement in standard.requirements.all():
            assert requirement.step.standard_id == standard.pk


def test_puskesmas_standard_belongs_to_the_upt_under_dinkes(seeded):
    standard = standard_of("pendaftaran-pasien", "puskesmas-bontang-selatan-1")
    assert standard.service.agency.parent.slug == "dinkes"


def test_demo_teams_are_complete_with_valid_nips_and_linked_chairs(seeded):
    teams = demo_teams()
    assert DraftingTeam.objects.filter(agency__slug__in=teams).count() == len(teams)
    for team in DraftingTeam.objects.filter(agency__slug__in=teams).prefetch_related("members"):
        assert check_team(team) == [], team
        assert all(len(m.nip) == 18 and m.nip.isdigit() for m in team.members.all())
    chair = DraftingTeam.objects.get(agency__slug="disdukcapil").members.get(role="chair")
    assert chair.user.username == "penyusun.disdukcapil"


def test_inventory_lists_more_services_than_standards(seeded):
    assert Service.objects.filter(agency__slug="puskesmas-bontang-selatan-1").count() >= 8
    assert Service.objects.filter(agency__slug="disdukcapil").count() >= 7


def test_history_records_who_imported_the_demo_workbook(seeded):
    # The agency's head imports (and records) the agency's workbook; where no head is
    # known (a kelurahan drafted by Bagian Pemerintahan) the application itself does.
    for standard in ServiceStandard.objects.select_related("service__agency"):
        created = standard.history.earliest("history_date")
        assert created.history_type == "+", standard
        user = created.history_user
        if user is not None:
            assert user.memberships.get(agency=standard.service.agency).role == "head"
    sktm = ServiceStandard.objects.get(service__slug="surat-keterangan-tidak-mampu")
    assert {h.history_user for h in sktm.history.all()} == {None}
    kk = ServiceStandard.objects.get(service__slug="kartu-keluarga")
    assert kk.history.earliest("history_date").history_user.username == "kepala.disdukcapil"


def test_seed_demo_command_adds_the_standards(db, settings, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    call_command("seed_demo", stdout=StringIO())
    assert ServiceStandard.objects.count() == len(demo_standards())

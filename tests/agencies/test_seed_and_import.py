import io

import pytest
from django.core.management import CommandError, call_command

from agencies import permissions
from agencies.importer import ImportFailed, import_agencies
from agencies.models import Agency, AgencyKind, Membership
from demo.users import DEMO_USERS

pytestmark = pytest.mark.django_db

HEADER = "name,short_name,slug,kind,parent_slug,decreed_by_mayor,head_nip\n"


def test_seed_bontang_loads_the_city_and_is_idempotent():
    call_command("seed_bontang", stdout=io.StringIO())
    first = Agency.objects.count()
    call_command("seed_bontang", stdout=io.StringIO())
    assert Agency.objects.count() == first
    assert Agency.objects.get(slug="dpmptsp").decreed_by_mayor
    utara = Agency.objects.get(name="Kecamatan Bontang Utara")
    assert utara.decreed_by_mayor and utara.kind == AgencyKind.DISTRICT
    assert set(utara.children.values_list("name", flat=True)) == {
        "Kelurahan Guntung",
        "Kelurahan Loktuan",
        "Kelurahan Gunung Elai",
        "Kelurahan Api-Api",
        "Kelurahan Bontang Baru",
        "Kelurahan Bontang Kuala",
    }
    assert Agency.objects.filter(kind=AgencyKind.VILLAGE).count() == 15
    setda = Agency.objects.get(slug="setda")
    assert {"Bagian Organisasi", "Bagian Pemerintahan"} <= set(
        setda.work_units.values_list("name", flat=True)
    )
    assert not Agency.objects.get(slug="disdukcapil").decreed_by_mayor


def test_seed_demo_prints_generated_passwords_that_work(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    lines = {
        line.split()[0]: line.split()[1]
        for line in out.getvalue().splitlines()
        if line.startswith("  ")
    }
    assert set(lines) == {u.username for u in DEMO_USERS} | {"admin"}
    assert len(set(lines.values())) == len(lines)  # generated, not one fixed password
    assert client.login(username="penyusun.disdukcapil", password=lines["penyusun.disdukcapil"])
    call_command("seed_demo", stdout=io.StringIO())
    assert Membership.objects.filter(user__username="penyusun.disdukcapil").count() == 1


def test_seed_demo_takes_password_from_environment(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-Bontang-2026")
    call_command("seed_demo", stdout=io.StringIO())
    assert client.login(username="sekda", password="Demo-Bontang-2026")


def test_demo_users_have_their_rights():
    call_command("seed_demo", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    disdukcapil = Agency.objects.get(slug="disdukcapil")
    assert permissions.may_act_as_head(users.get(username="kepala.disdukcapil"), disdukcapil)
    puskesmas = Agency.objects.get(slug="puskesmas-bontang-barat")
    assert permissions.may_draft_for(users.get(username="penyusun.dinkes"), puskesmas)
    kanaan = Agency.objects.get(slug="kelurahan-kanaan")
    assert permissions.may_draft_for(users.get(username="koordinator"), kanaan)


def test_import_creates_agencies_with_parents_in_any_order():
    count = import_agencies(
        io.StringIO(
            HEADER
            + "UPT Laboratorium Lingkungan,UPT Lab,upt-lab,upt,dinas-baru,tidak,\n"
            + "Dinas Baru,DB,dinas-baru,office,,ya,197001011990031001\n"
        )
    )
    assert count == 2
    lab = Agency.objects.get(slug="upt-lab")
    assert lab.parent.slug == "dinas-baru"
    assert Agency.objects.get(slug="dinas-baru").decreed_by_mayor


def test_import_updates_an_existing_agency_by_slug():
    import_agencies(io.StringIO(HEADER + "Dinas Baru,DB,dinas-baru,office,,tidak,\n"))
    import_agencies(io.StringIO(HEADER + "Dinas Baru Sekali,DBS,dinas-baru,office,,tidak,\n"))
    assert Agency.objects.get(slug="dinas-baru").name == "Dinas Baru Sekali"


def test_import_reports_every_bad_row_and_imports_nothing():
    bad = (
        HEADER
        + "Dinas Baik,DB,dinas-baik,office,,tidak,\n"
        + "Dinas Salah Jenis,DS,dinas-salah,kantor,,tidak,\n"
        + "Dinas Induk Hilang,DI,dinas-induk,upt,tidak-ada,tidak,\n"
        + "Dinas NIP,DN,dinas-nip,office,,mungkin,123\n"
        + ",,,office,,tidak,\n"
    )
    with pytest.raises(ImportFailed) as failure:
        import_agencies(io.StringIO(bad))
    errors = failure.value.errors
    assert [e.split(":")[0] for e in errors] == ["Baris 3", "Baris 4", "Baris 5", "Baris 6"]
    assert "tidak-ada" in errors[1]
    assert not Agency.objects.filter(slug="dinas-baik").exists()


def test_import_command_refuses_missing_columns(tmp_path):
    path = tmp_path / "pd.csv"
    path.write_text("nama,jenis\nDinas,office\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Kolom wajib tidak ada"):
        call_command("import_agencies", str(path), stdout=io.StringIO())


def test_import_command_imports(tmp_path):
    path = tmp_path / "pd.csv"
    path.write_text(HEADER + "Dinas Perhubungan,Dishub,dishub,office,,tidak,\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_agencies", str(path), stdout=out)
    assert "1 Perangkat Daerah diimpor" in out.getvalue()


def test_import_updates_existing_child_whose_parent_comes_later_in_file():
    import_agencies(io.StringIO(HEADER + "UPT Lama,UL,upt-lama,upt,,tidak,\n"))
    import_agencies(
        io.StringIO(
            HEADER
            + "UPT Lama Diubah,UL,upt-lama,upt,induk-baru,tidak,\n"
            + "Dinas Induk Baru,DIB,induk-baru,office,,tidak,\n"
        )
    )
    child = Agency.objects.get(slug="upt-lama")
    assert child.name == "UPT Lama Diubah"
    assert child.parent.slug == "induk-baru"

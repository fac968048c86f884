"""The drafting team page (Pasal 10 ayat (2)-(4)): decree and its scan, members, completeness."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from standards.models import DraftingTeam, TeamMember, TeamRole
from tests.consultations.conftest import pdf_bytes
from tests.consultations.test_uploads import with_object

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
# A PDF that runs a script when opened: the upload gate refuses it.
SCRIPTED_PDF = with_object(b"<< /S /JavaScript /JS (app.alert(1)) >>")


def team_url(agency):
    return reverse("standards:team", args=[agency.slug])


def decree(agency):
    return reverse("standards:team-decree-save", args=[agency.slug])


def add_member(agency):
    return reverse("standards:team-member-add", args=[agency.slug])


def member_data(name, role, **extra):
    data = {
        "anggota-name": name,
        "anggota-nip": "",
        "anggota-position": "Kepala Bidang",
        "anggota-role": role,
    }
    data.update({f"anggota-{k}": v for k, v in extra.items()})
    return data


def test_decree_with_pdf_scan_is_saved_and_downloadable(client, drafter_a, reviewer, agency_a):
    client.force_login(drafter_a)
    response = client.post(
        decree(agency_a),
        {
            "decree_number": "800/123/Disdukcapil",
            "decree_date": "2026-01-15",
            "decree_scan": SimpleUploadedFile("../SK Tim 2026.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == team_url(agency_a) + "#keputusan"
    team = DraftingTeam.objects.get(agency=agency_a)
    assert team.decree_number == "800/123/Disdukcapil"
    # stored through the upload gate: a random private name, the original kept as text
    assert team.decree_scan.name.startswith("private/drafting-teams/")
    assert "SK Tim" not in team.decree_scan.name and team.decree_scan.name.endswith(".pdf")
    assert team.decree_scan_name == "SK Tim 2026.pdf"
    assert team.decree_scan_type == "application/pdf"
    assert team.decree_scan_sha256 == hashlib.sha256(PDF).hexdigest()
    # readers of the agency download it through the application, never a public URL
    client.force_login(reviewer)
    scan = client.get(reverse("standards:team-decree-scan", args=[agency_a.slug]))
    assert scan.status_code == 200
    assert scan["Content-Type"] == "application/pdf"
    # an attachment in a sandbox, never rendered inline
    assert scan["Content-Disposition"].startswith("attachment;")
    assert 'filename="SK Tim 2026.pdf"' in scan["Content-Disposition"]
    assert scan["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert scan["X-Content-Type-Options"] == "nosniff"
    assert b"".join(scan.streaming_content) == PDF


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("sk.pdf", b"<html>not a pdf</html>", "application/pdf"), "bukan PDF"),
        (SimpleUploadedFile("sk.png", b"\x89PNG\r\n", "image/png"), "bukan PDF"),
        (
            SimpleUploadedFile("besar.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf"),
            "terlalu besar",
        ),
        (SimpleUploadedFile("sk.pdf", SCRIPTED_PDF, "application/pdf"), "skrip"),
        (SimpleUploadedFile("sk.pdf", PDF[: len(PDF) // 2], "application/pdf"), "rusak"),
    ],
    ids=["html-named-pdf", "png", "over-10-mb", "pdf-with-script", "truncated-pdf"],
)
def test_bad_scan_is_refused_with_a_clear_message(client, drafter_a, agency_a, upload, message):
    client.force_login(drafter_a)
    response = client.post(
        decree(agency_a),
        {"decree_number": "800/1", "decree_date": "2026-01-15", "decree_scan": upload},
    )
    html = response.content.decode()
    assert 'id="id_decree_scan_error"' in html
    assert message in html
    assert 'value="800/1"' in html  # the rest is kept
    assert not DraftingTeam.objects.filter(agency=agency_a, decree_number="800/1").exists()


def test_members_make_the_team_complete(client, drafter_a, agency_a, head_a):
    client.force_login(drafter_a)
    html = client.get(team_url(agency_a)).content.decode()
    assert "belum dibentuk" in html
    client.post(add_member(agency_a), member_data("Ahmad", TeamRole.CHAIR, user=str(head_a.pk)))
    html = client.get(team_url(agency_a)).content.decode()
    assert "tepat satu ketua" not in html
    assert "sekretaris" in html
    client.post(add_member(agency_a), member_data("Zainal", TeamRole.MEMBER))
    client.post(add_member(agency_a), member_data("Yulia", TeamRole.SECRETARY))
    html = client.get(team_url(agency_a)).content.decode()
    assert "Lengkap" in html
    # ketua, sekretaris, anggota in that order
    assert html.index("<td>Ahmad") < html.index("<td>Yulia") < html.index("<td>Zainal")
    assert TeamMember.objects.get(name="Ahmad").user == head_a


def test_second_chair_is_refused_beside_the_role(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    client.post(add_member(agency_a), member_data("Ahmad", TeamRole.CHAIR))
    response = client.post(add_member(agency_a), member_data("Budi", TeamRole.CHAIR))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Budi"' in html
    assert "form-errors" in html or 'id="id_anggota-role_error"' in html
    assert TeamMember.objects.filter(role=TeamRole.CHAIR).count() == 1


@pytest.mark.parametrize(
    "field,value,message",
    [("nip", "1970", "18 angka"), ("name", "Ahmad\u202e", "pengubah arah"), ("name", "", "kosong")],
)
def test_bad_member_input_is_refused(client, drafter_a, agency_a, field, value, message):
    client.force_login(drafter_a)
    data = member_data("Ahmad", TeamRole.MEMBER)
    data[f"anggota-{field}"] = value
    html = client.post(add_member(agency_a), data).content.decode()
    assert f'id="id_anggota-{field}_error"' in html
    assert message in html
    assert not TeamMember.objects.exists()


def test_user_of_another_agency_cannot_be_linked(client, drafter_a, drafter_b, agency_a):
    client.force_login(drafter_a)
    html = client.post(
        add_member(agency_a), member_data("Orang lain", TeamRole.MEMBER, user=str(drafter_b.pk))
    ).content.decode()
    assert 'id="id_anggota-user_error"' in html
    assert not TeamMember.objects.exists()


def test_member_is_edited_and_removed(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    client.post(add_member(agency_a), member_data("Ahmad", TeamRole.MEMBER))
    member = TeamMember.objects.get()
    edit = reverse("standards:team-member-edit", args=[agency_a.slug, member.pk])
    assert client.get(edit).status_code == 200
    prefix = f"anggota-{member.pk}"
    client.post(
        edit,
        {f"{prefix}-name": "Ahmad S.", f"{prefix}-role": TeamRole.SECRETARY, f"{prefix}-nip": ""},
    )
    member.refresh_from_db()
    assert (member.name, member.role) == ("Ahmad S.", TeamRole.SECRETARY)
    client.post(reverse("standards:team-member-delete", args=[agency_a.slug, member.pk]))
    assert not TeamMember.objects.exists()


@pytest.mark.parametrize("persona", ["secretariat", "reviewer"], indirect=True)
def test_readers_see_the_team_and_cannot_change_it(client, persona, drafter_a, agency_a):
    client.force_login(drafter_a)
    client.post(add_member(agency_a), member_data("Ahmad", TeamRole.CHAIR))
    member = TeamMember.objects.get()
    client.force_login(persona)
    html = client.get(team_url(agency_a)).content.decode()
    assert "Ahmad" in html
    assert "Tambah anggota" not in html
    assert client.post(add_member(agency_a), member_data("X", TeamRole.MEMBER)).status_code == 404
    assert client.post(decree(agency_a), {"decree_number": "1"}).status_code == 404
    delete = reverse("standards:team-member-delete", args=[agency_a.slug, member.pk])
    assert client.post(delete).status_code == 404
    assert TeamMember.objects.count() == 1


@pytest.mark.parametrize("persona", ["drafter_b", "coordinator"], indirect=True)
def test_others_get_404(client, persona, agency_a):
    client.force_login(persona)
    assert client.get(team_url(agency_a)).status_code == 404
    assert client.post(add_member(agency_a), member_data("X", TeamRole.MEMBER)).status_code == 404
    scan = reverse("standards:team-decree-scan", args=[agency_a.slug])
    assert client.get(scan).status_code == 404


def test_a_member_of_another_agency_team_is_404(client, drafter_a, drafter_b, agency_a, agency_b):
    client.force_login(drafter_b)
    client.post(add_member(agency_b), member_data("Milik B", TeamRole.MEMBER))
    theirs = TeamMember.objects.get()
    client.force_login(drafter_a)
    delete = reverse("standards:team-member-delete", args=[agency_a.slug, theirs.pk])
    assert client.post(delete).status_code == 404
    assert TeamMember.objects.exists()


def test_upt_points_to_its_parent_team(client, drafter_a, upt_of_a, agency_a):
    client.force_login(drafter_a)
    html = client.get(team_url(upt_of_a)).content.decode()
    assert "Pasal 17 ayat (1)" in html
    assert team_url(agency_a) in html
    assert client.post(add_member(upt_of_a), member_data("X", "member")).status_code == 404


def test_an_oversized_request_is_refused_before_it_is_read(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    response = client.post(
        decree(agency_a),
        {
            "decree_number": "800/2",
            "decree_date": "2026-01-15",
            "decree_scan": SimpleUploadedFile("sk.pdf", PDF + b"0" * (26 * 1024 * 1024)),
        },
    )
    html = response.content.decode()
    assert 'id="id_decree_scan_error"' in html
    assert "Kiriman terlalu besar" in html
    assert not DraftingTeam.objects.filter(agency=agency_a, decree_number="800/2").exists()

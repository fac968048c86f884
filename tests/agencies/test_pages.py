import pytest
from django.core import mail
from django.urls import reverse

from agencies.roles import CityRole

pytestmark = pytest.mark.django_db


def test_login_page_is_indonesian(client):
    response = client.get(reverse("login"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in content
    assert "Masuk ke Bontang SP" in content
    assert "Nama pengguna" in content
    assert 'href="#konten"' in content  # skip link


def test_wrong_password_gives_indonesian_error_and_keeps_username(client, drafter_a):
    response = client.post(reverse("login"), {"username": "penyusun_a", "password": "salah"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Masukkan nama pengguna" in content or "benar" in content
    assert 'value="penyusun_a"' in content


def test_staff_home_shows_drafters_agency_and_role(client, drafter_a):
    client.force_login(drafter_a)
    content = client.get(reverse("staff-home")).content.decode()
    assert "Dinas Kependudukan dan Pencatatan Sipil" in content
    assert "Penyusun" in content
    assert "Tugas saya" in content


def test_staff_home_shows_coordination_rights(client, coordinator, village):
    client.force_login(coordinator)
    content = client.get(reverse("staff-home")).content.decode()
    assert str(CityRole.COORDINATOR.label) in content
    assert "Kelurahan Tanjung Laut" in content


def test_staff_home_does_not_show_other_agencies(client, drafter_a, agency_b):
    client.force_login(drafter_a)
    content = client.get(reverse("staff-home")).content.decode()
    assert agency_b.name not in content


def test_user_text_is_escaped_on_staff_home(client, agency_a):
    from tests.conftest import make_member

    user = make_member(agency_a, first_name="<script>alert(1)</script>", username="xss")
    client.force_login(user)
    content = client.get(reverse("staff-home")).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_logout_needs_post(client, drafter_a):
    client.force_login(drafter_a)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("staff-home")).status_code == 302


def test_password_reset_sends_indonesian_mail(client, drafter_a):
    response = client.post(reverse("password_reset"), {"email": drafter_a.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Atur ulang kata sandi" in mail.outbox[0].subject
    assert "/kelola/sandi/atur/" in mail.outbox[0].body


def test_password_change(client, drafter_a):
    client.force_login(drafter_a)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "sandi-uji-123",
            "new_password1": "Bontang-2026-baru",
            "new_password2": "Bontang-2026-baru",
        },
    )
    assert response.status_code == 302
    drafter_a.refresh_from_db()
    assert drafter_a.check_password("Bontang-2026-baru")


def test_security_headers_and_csp(client):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp


def test_htmx_comes_from_our_static_files(client):
    content = client.get(reverse("login")).content.decode()
    assert 'src="/static/django_htmx/htmx-2.min.js"' in content
    assert "http://" not in content.replace("http://testserver", "")
    assert "https://" not in content


def test_public_home_lists_agencies(client, agency_a, upt_of_a):
    content = client.get(reverse("home")).content.decode()
    assert agency_a.name in content
    assert upt_of_a.name not in content


def test_health(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.content == b"ok"


def test_admin_is_indonesian_and_lists_agencies(client, superuser, agency_a):
    client.force_login(superuser)
    content = client.get("/admin/agencies/agency/").content.decode()
    assert "Perangkat Daerah" in content
    assert agency_a.name in content
    history = client.get(f"/admin/agencies/agency/{agency_a.pk}/history/")
    assert history.status_code == 200

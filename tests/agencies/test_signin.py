"""Login throttle per account and address, and the reset-mail limit (issue 17 point 1)."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

PASSWORD = "sandi-uji-123"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


@pytest.fixture
def staff_user():
    return UserFactory(username="penyusun", email="penyusun@contoh.bontangkota.go.id")


def _login(client, url, username, password, address):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, follow=False
    )


def test_thirty_wrong_passwords_then_the_right_one_is_refused_with_a_reason(
    client, staff_user, caplog
):
    url = reverse("login")
    for _attempt in range(30):
        response = _login(client, url, "penyusun", "salah", ATTACKER)
    assert response.status_code == 429
    with caplog.at_level(logging.WARNING, logger="security"):
        response = _login(client, url, "penyusun", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert any("login throttled" in r.getMessage() for r in caplog.records)


def test_the_same_account_still_logs_in_from_another_address(client, staff_user):
    url = reverse("login")
    for _attempt in range(30):
        _login(client, url, "penyusun", "salah", ATTACKER)
    response = _login(client, url, "penyusun", PASSWORD, COLLEAGUE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_a_few_mistakes_do_not_lock_and_a_success_starts_the_count_again(
    client, staff_user, settings
):
    url = reverse("login")
    for _round in range(3):
        for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT - 1):
            assert _login(client, url, "penyusun", "salah", ATTACKER).status_code == 200
        assert _login(client, url, "penyusun", PASSWORD, ATTACKER).status_code == 302
        client.logout()


def test_one_address_guessing_many_accounts_is_stopped(client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 6
    UserFactory(username="korban")
    url = reverse("login")
    for index in range(6):
        _login(client, url, f"akun{index}", "salah", ATTACKER)
    response = _login(client, url, "korban", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert _login(client, url, "korban", PASSWORD, COLLEAGUE).status_code == 302


def test_the_admin_login_is_throttled_too(client, settings):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        _login(client, url, "admin", "salah", ATTACKER)
    response = _login(client, url, "admin", PASSWORD, ATTACKER)
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert _login(client, url, "admin", PASSWORD, COLLEAGUE).status_code == 302


def _reset(client, email, address):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_are_limited_per_account(client, staff_user, settings):
    settings.PASSWORD_RESET_PER_ADDRESS = 100
    for index in range(12):
        response = _reset(client, staff_user.email, f"10.0.0.{index + 1}")
        assert response.status_code == 302
        assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_ACCOUNT


def test_reset_requests_are_limited_per_address(client, settings):
    users = [UserFactory(username=f"pegawai{i}") for i in range(12)]
    statuses = [_reset(client, user.email, ATTACKER).status_code for user in users]
    limit = settings.PASSWORD_RESET_PER_ADDRESS
    assert statuses == [302] * limit + [429] * (12 - limit)
    assert len(mail.outbox) == limit
    refused = _reset(client, "siapa@contoh.go.id", ATTACKER)
    assert "Terlalu banyak permintaan atur ulang kata sandi" in refused.content.decode()
    assert _reset(client, users[-1].email, COLLEAGUE).status_code == 302
    assert len(mail.outbox) == limit + 1


def test_known_and_unknown_addresses_get_the_same_answer(client, staff_user, settings):
    for _attempt in range(settings.PASSWORD_RESET_PER_ADDRESS):
        known = _reset(client, staff_user.email, "10.0.1.1")
        unknown = _reset(client, "tidak-ada@contoh.go.id", "10.0.1.2")
        assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_ACCOUNT

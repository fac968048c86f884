"""The client's address behind a reverse proxy (issue 17 point 8): from the configured
header only, only when the request comes from a trusted proxy."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from documents.ratelimit import client_ip
from tests.factories import UserFactory

PROXY = "127.0.0.1"


def _request(remote=PROXY, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_off_by_default_the_header_is_ignored(settings):
    assert settings.CLIENT_IP_HEADER == ""
    assert client_ip(_request(HTTP_X_REAL_IP="203.0.113.9")) == PROXY


def test_the_configured_header_gives_the_address_behind_a_trusted_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(_request(HTTP_X_REAL_IP="203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request(HTTP_X_REAL_IP="2001:db8::1")) == "2001:db8::1"


def test_a_client_talking_directly_cannot_choose_its_address(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(_request("198.51.100.4", HTTP_X_REAL_IP="203.0.113.9")) == "198.51.100.4"


def test_forwarded_for_gives_the_entry_the_proxy_appended(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = _request("10.1.2.3", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_garbage_in_the_header_falls_back_to_the_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(_request(HTTP_X_REAL_IP="<script>")) == PROXY
    assert client_ip(_request()) == PROXY


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_cache")
def test_citizens_behind_the_proxy_have_their_own_login_budget(client, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    UserFactory(username="penyusun")
    url = reverse("login")

    def login(password, address):
        return client.post(
            url,
            {"username": "penyusun", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_REAL_IP=address,
        )

    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        login("salah", "203.0.113.9")
    assert login("sandi-uji-123", "203.0.113.9").status_code == 429
    assert login("sandi-uji-123", "198.51.100.20").status_code == 302

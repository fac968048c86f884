"""Staff pages are never stored (issue 17 point 7): `Cache-Control: private, no-store`."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name,args",
    [
        ("staff-home", []),
        ("standards:decree-list", []),
        ("standards:service-list", ["disdukcapil"]),
        ("monitoring:application-list", ["disdukcapil"]),
        ("password_change", []),
    ],
)
def test_staff_pages_say_private_no_store(client, drafter_a, name, args):
    client.force_login(drafter_a)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_login_page_redirects_and_refusals_under_kelola_too(client, drafter_a):
    assert client.get(reverse("login"))["Cache-Control"] == "private, no-store"
    assert client.get(reverse("staff-home"))["Cache-Control"] == "private, no-store"  # 302
    client.force_login(drafter_a)
    refused = client.get(reverse("monitoring:application-list", args=["tidak-ada"]))
    assert refused.status_code == 404
    assert refused["Cache-Control"] == "private, no-store"


def test_public_pages_keep_their_own_caching(client):
    response = client.get(reverse("home"))
    assert "no-store" not in response.get("Cache-Control", "")

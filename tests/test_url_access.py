"""Deny by default: every URL needs a login unless it is on the explicit public list
(tests/support/routes.py: PUBLIC_ROUTES)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.support.routes import APP_ROUTES, PUBLIC_ROUTES, is_public

SAMPLE_VALUES = {
    "int": "1",
    "slug": "contoh",
    "str": "contoh",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "contoh",
}


def _concrete(route: str) -> str:
    def substitute(match):
        converter, _sep, _name = match.group(1).rpartition(":")
        return SAMPLE_VALUES.get(converter or "str", "contoh")

    path = re.sub(r"<([^>]+)>", substitute, route)
    return "/" + path.lstrip("^").rstrip("$").replace("\\Z", "")


def test_public_list_names_only_existing_routes():
    routes = {"^" + route + "$" for route, _pattern in APP_ROUTES}
    assert set(PUBLIC_ROUTES) <= routes


@pytest.mark.parametrize("route,pattern", APP_ROUTES, ids=[r for r, _p in APP_ROUTES])
def test_only_listed_routes_skip_login(route, pattern):
    view = pattern.callback
    opens_anonymously = getattr(view, "login_required", True) is False
    assert opens_anonymously == is_public(route), (
        f"/{route} is {'open' if opens_anonymously else 'closed'} to anonymous users "
        f"but {'is' if is_public(route) else 'is not'} on the public list"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", [r for r, _p in APP_ROUTES if not is_public(r)], ids=lambda r: r or "/"
)
def test_non_public_routes_send_anonymous_users_to_login(client, route):
    for method in (client.get, client.post):
        response = method(_concrete(route))
        assert response.status_code == 302, f"{method.__name__} /{route}"
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.django_db
def test_admin_sends_anonymous_users_to_its_login(client):
    response = client.get("/admin/agencies/agency/")
    assert response.status_code == 302
    assert response["Location"].split("?")[0] in ("/admin/login/", reverse(settings.LOGIN_URL))

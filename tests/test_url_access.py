"""Deny by default: every URL needs a login unless it is on the explicit public list."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Patterns that anonymous citizens may open, by route (regex of the full path).
PUBLIC_ROUTES = [
    r"^$",
    r"^sehat/$",
    r"^kelola/masuk/$",
    r"^kelola/sandi/lupa/$",
    r"^kelola/sandi/lupa/terkirim/$",
    r"^kelola/sandi/atur/<uidb64>/<token>/$",
    r"^kelola/sandi/atur/selesai/$",
    r"^verifikasi/$",
    r"^verifikasi/<str:code>/$",
    r"^verifikasi/<str:code>/unduh/$",
    r"^pd/<slug:agency_slug>/maklumat/$",
    # The portal (portal.views.public) and the open data (portal.views.api).
    r"^cari/$",
    r"^pd/<slug:agency_slug>/$",
    r"^pd/<slug:agency_slug>/layanan/<slug:service_slug>/$",
    r"^pd/<slug:agency_slug>/layanan/<slug:service_slug>/perubahan/<int:version>/$",
    r"^embed/pd/<slug:agency_slug>/$",
    r"^api/v1/$",
    r"^api/v1/pd/$",
    r"^api/v1/pd/<slug:agency_slug>/$",
    r"^api/v1/pd/<slug:agency_slug>/maklumat/$",
    r"^api/v1/pd/<slug:agency_slug>/layanan/<slug:service_slug>/$",
    r"^api/v1/standar.json$",
    r"^api/v1/standar.csv$",
    r"^api/v1/schema/$",
    r"^api/v1/docs/$",
    r"^survei/<slug:agency_slug>/<slug:service_slug>/$",
    r"^survei/<slug:agency_slug>/<slug:service_slug>/terima-kasih/$",
]
# The admin guards itself (it sends anonymous users to its own login page).
ADMIN_PREFIX = "admin/"

SAMPLE_VALUES = {
    "int": "1",
    "slug": "contoh",
    "str": "contoh",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "contoh",
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _concrete(route: str) -> str:
    def substitute(match):
        converter, _sep, _name = match.group(1).rpartition(":")
        return SAMPLE_VALUES.get(converter or "str", "contoh")

    path = re.sub(r"<([^>]+)>", substitute, route)
    return "/" + path.lstrip("^").rstrip("$").replace("\\Z", "")


ALL_ROUTES = sorted(_walk(get_resolver().url_patterns), key=lambda item: item[0])
APP_ROUTES = [(route, p) for route, p in ALL_ROUTES if not route.startswith(ADMIN_PREFIX)]


def _is_public(route: str) -> bool:
    return any(
        re.match(public, "^" + route + ("$" if not route.endswith("$") else ""))
        or public == "^" + route + "$"
        for public in PUBLIC_ROUTES
    )


def test_public_list_names_only_existing_routes():
    routes = {"^" + route + "$" for route, _pattern in APP_ROUTES}
    assert set(PUBLIC_ROUTES) <= routes


@pytest.mark.parametrize("route,pattern", APP_ROUTES, ids=[r for r, _p in APP_ROUTES])
def test_only_listed_routes_skip_login(route, pattern):
    view = pattern.callback
    opens_anonymously = getattr(view, "login_required", True) is False
    assert opens_anonymously == _is_public(route), (
        f"/{route} is {'open' if opens_anonymously else 'closed'} to anonymous users "
        f"but {'is' if _is_public(route) else 'is not'} on the public list"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", [r for r, _p in APP_ROUTES if not _is_public(r)], ids=lambda r: r or "/"
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

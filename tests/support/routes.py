"""Every URL pattern of the project, walked from the URLconf, for the tests that hold a
rule for all of them (tests/test_url_access.py: deny by default; tests/test_other_agency_404.py:
another agency's object is 404)."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

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
    r"^api/<path:rest>$",
    r"^survei/<slug:agency_slug>/<slug:service_slug>/$",
    r"^survei/<slug:agency_slug>/<slug:service_slug>/terima-kasih/$",
]
# The admin guards itself (it sends anonymous users to its own login page).
ADMIN_PREFIX = "admin/"

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


ALL_ROUTES = sorted(_walk(get_resolver().url_patterns), key=lambda item: item[0])
APP_ROUTES = [(route, p) for route, p in ALL_ROUTES if not route.startswith(ADMIN_PREFIX)]


def is_public(route: str) -> bool:
    return any(
        re.match(public, "^" + route + ("$" if not route.endswith("$") else ""))
        or public == "^" + route + "$"
        for public in PUBLIC_ROUTES
    )


STAFF_ROUTES = [(route, p) for route, p in APP_ROUTES if not is_public(route)]


def parameters(route: str) -> list[tuple[str, str]]:
    """The route's parameters in order, as (name, the literal segment just before it)."""
    found = []
    for match in PARAMETER.finditer(route):
        before = route[: match.start()].rstrip("/").rpartition("/")[2]
        found.append((match.group("name"), "" if before.startswith("<") else before))
    return found


def fill(route: str, values: dict[str, object]) -> str:
    """The route as a path, each parameter replaced by its value."""
    path = PARAMETER.sub(lambda m: str(values[m.group("name")]), route)
    return "/" + path.lstrip("^").rstrip("$").replace("\\Z", "")

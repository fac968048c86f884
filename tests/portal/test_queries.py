"""Query counts of the public pages do not grow with the number of rows."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_are_constant_small_vs_large(client, settings, force, agency_a):
    settings.PORTAL_CACHE_SECONDS = 0  # measure the work, not the cache
    (small,) = force(name="Layanan Kecil", slug="kecil", steps=1, requirements=1)
    urls_small = {
        "home": "/",
        "agency": reverse("portal:public-agency", args=[agency_a.slug]),
        "service": reverse("portal:public-service", args=[agency_a.slug, "kecil"]),
        "search": "/cari/?q=layanan",
        "embed": reverse("portal:public-embed", args=[agency_a.slug]),
        "api": reverse("portal:api-agency", args=[agency_a.slug]),
        "json": reverse("portal:api-standards-json"),
        "csv": reverse("portal:api-standards-csv"),
        "api_service": reverse("portal:api-service", args=[agency_a.slug, "kecil"]),
    }
    before = {name: _count(client, url) for name, url in urls_small.items()}
    (large,) = force(name="Layanan Besar", slug="besar", steps=12, requirements=15)
    force(name="Layanan Lain", slug="lain", services=8)
    after = {name: _count(client, url) for name, url in urls_small.items()}
    after["service"] = _count(
        client, reverse("portal:public-service", args=[agency_a.slug, "besar"])
    )
    after["api_service"] = _count(
        client, reverse("portal:api-service", args=[agency_a.slug, "besar"])
    )
    print(f"query counts: {after}")
    assert after == before
    assert max(after.values()) <= 20


def test_service_page_reads_its_publication_and_the_survey(
    client, settings, akta, django_assert_num_queries
):
    """One query: the publication with its agency, its decree document's code and the
    agency's survey (docs/decisions/0007, 0012)."""
    settings.PORTAL_CACHE_SECONDS = 0
    url = reverse("portal:public-service", args=[akta.service.agency.slug, "akta-kelahiran"])
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_cached_page_costs_at_most_the_session_check(client, akta, django_assert_max_num_queries):
    url = reverse("portal:public-service", args=[akta.service.agency.slug, "akta-kelahiran"])
    assert client.get(url)["X-Portal-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        response = client.get(url)
    assert response["X-Portal-Cache"] == "hit"


def test_lists_read_their_publications_in_one_query(
    client, settings, force, agency_a, django_assert_num_queries
):
    """The agency page, the embed and the API's standard read publications, not rows."""
    settings.PORTAL_CACHE_SECONDS = 0
    force(name="Layanan", slug="layanan", services=5)
    # The agency with its Maklumat in force and its survey; its publications.
    with django_assert_num_queries(2):
        client.get(reverse("portal:public-agency", args=[agency_a.slug]))
    with django_assert_num_queries(1):  # the standard's publication with its agency
        client.get(reverse("portal:api-service", args=[agency_a.slug, "layanan-0"]))


def test_public_pages_never_read_the_session(client, akta, drafter_a, django_assert_num_queries):
    """Deny by default asks the view first (bontang_sp.middleware): a public page reads no
    session, so it is not `Vary: Cookie` (a shared cache may serve it to everyone) and a
    logged-in visitor's cached page costs no query either."""
    url = reverse("portal:public-service", args=[akta.service.agency.slug, "akta-kelahiran"])
    assert "Cookie" not in client.get(url)["Vary"]
    client.force_login(drafter_a)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response["X-Portal-Cache"] == "hit"
    assert "Cookie" not in response["Vary"]
    assert client.get(reverse("staff-home")).status_code == 200  # the session still works

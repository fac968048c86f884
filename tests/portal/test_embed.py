"""The embed for agency websites: framing allowed there only, no cookies, links on top."""

from __future__ import annotations

from django.urls import reverse


def test_embed_may_be_framed_and_sets_no_cookie(client, akta, agency_a):
    response = client.get(reverse("portal:public-embed", args=[agency_a.slug]))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not response.cookies
    content = response.content.decode()
    assert '<base target="_blank">' in content
    assert "Penerbitan Akta Kelahiran" in content
    assert "csrfmiddlewaretoken" not in content and "<script" not in content


def test_embed_cached_twice_keeps_its_headers(client, akta, agency_a):
    url = reverse("portal:public-embed", args=[agency_a.slug])
    client.get(url)
    response = client.get(url)
    assert response["X-Portal-Cache"] == "hit"
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_other_public_pages_still_refuse_framing(client, akta, agency_a):
    for url in ("/", reverse("portal:public-agency", args=[agency_a.slug])):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_staff_page_shows_the_snippet(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    content = client.get(reverse("standards:service-list", args=[agency_a.slug])).content.decode()
    assert "&lt;iframe src=&quot;" in content or "&lt;iframe src=" in content
    assert reverse("portal:public-embed", args=[agency_a.slug]) in content


def test_unknown_agency_embed_is_404(client, db):
    assert client.get("/embed/pd/tidak-ada/").status_code == 404

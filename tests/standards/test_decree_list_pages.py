"""Staff lists page by page (issue 17 point 9): no silent cap, Indonesian labels, the
filter kept across pages, and the same number of queries on every page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from standards.models import Decree, DecreeStatus

pytestmark = pytest.mark.django_db


def _decrees(agency, count, status=DecreeStatus.DRAFT):
    Decree.objects.bulk_create(
        Decree(agency=agency, title=f"Keputusan uji {i:03d}", status=status) for i in range(count)
    )


def _rows(html: str) -> int:
    return len(re.findall(r'href="/kelola/keputusan/\d+/"', html))


def test_the_decree_list_pages_past_200_rows(client, agency_a, drafter_a, settings):
    _decrees(agency_a, 230)
    client.force_login(drafter_a)
    url = reverse("standards:decree-list")
    first = client.get(url).content.decode()
    assert _rows(first) == 50
    assert "Halaman 1 dari 5 (230 baris)" in first
    assert 'rel="next" href="?halaman=2"' in first and 'rel="prev"' not in first
    last = client.get(url, {"halaman": 5}).content.decode()
    assert _rows(last) == 30
    assert 'rel="prev" href="?halaman=4"' in last and 'rel="next"' not in last
    # every decree is on exactly one page
    seen = set()
    for number in range(1, 6):
        html = client.get(url, {"halaman": number}).content.decode()
        seen |= set(re.findall(r'href="/kelola/keputusan/(\d+)/"', html))
    assert len(seen) == 230
    # a number out of range gives the last page, not an error
    assert _rows(client.get(url, {"halaman": "99"}).content.decode()) == 30
    assert _rows(client.get(url, {"halaman": "abc"}).content.decode()) == 50


def test_the_status_filter_is_kept_across_pages(client, agency_a, drafter_a):
    _decrees(agency_a, 60)
    _decrees(agency_a, 5, status=DecreeStatus.SUBMITTED)
    client.force_login(drafter_a)
    html = client.get(reverse("standards:decree-list"), {"status": "draft"}).content.decode()
    assert "Halaman 1 dari 2 (60 baris)" in html
    assert 'href="?status=draft&amp;halaman=2"' in html


def test_every_page_costs_the_same_queries(
    client, agency_a, drafter_a, django_assert_max_num_queries
):
    _decrees(agency_a, 60)
    client.force_login(drafter_a)
    url = reverse("standards:decree-list")
    with django_assert_max_num_queries(14) as first:
        client.get(url)
    _decrees(agency_a, 120)
    for number in (1, 2, 4):
        with django_assert_max_num_queries(len(first.captured_queries)):
            client.get(url, {"halaman": number})


def test_the_review_queue_pages_too(client, agency_a, reviewer, django_assert_max_num_queries):
    _decrees(agency_a, 70, status=DecreeStatus.SUBMITTED)
    client.force_login(reviewer)
    url = reverse("standards:review-queue")
    with django_assert_max_num_queries(14) as first:
        html = client.get(url).content.decode()
    assert _rows(html) == 50
    assert "Halaman 1 dari 2 (70 baris)" in html
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert _rows(client.get(url, {"halaman": 2}).content.decode()) == 20

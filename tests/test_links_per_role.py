"""Links only where they open (issue 17 point 4): each demo role on the seeded city
follows every same-site link of its staff pages (two clicks from /kelola/, GET only,
never signing out) and meets no 404, no 500 and no page it may not open."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.support.links import crawl

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture
def demo_city(monkeypatch, settings):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-Bontang-2026")
    # The crawl opens verification pages many times: not a guessing client.
    settings.VERIFY_RATE_LIMIT = 10_000
    call_command("seed_demo", stdout=io.StringIO())


def test_every_link_on_each_roles_pages_opens(client, demo_city):
    users = list(get_user_model().objects.filter(is_active=True).order_by("username"))
    assert len(users) >= 10  # every demo role
    broken, pages = {}, {}
    for user in users:
        client.force_login(user)
        result = crawl(client)
        pages[user.username] = len(result.visited)
        if result.broken:
            broken[user.username] = result.broken
        client.logout()
    print("pages visited per role:", pages)
    assert broken == {}, "\n".join(
        f"{who}: {source} -> {url} ({status})"
        for who, links in broken.items()
        for source, url, status in links
    )
    assert all(count >= 5 for count in pages.values()), pages

"""The notifications page: the user's own notifications, read and unread, marked as read
one by one or all at once; the header shows the unread count with one query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import Notification
from agencies.notifications import notify

pytestmark = pytest.mark.django_db


def _write(user, n, **kw):
    return [
        Notification.objects.create(recipient=user, subject=f"Perihal {i}", body="Isi", **kw)
        for i in range(n)
    ]


def test_lists_own_notifications_and_counts_unread_in_the_header(client, drafter_a, drafter_b):
    mine = _write(drafter_a, 3, url="/kelola/keputusan/")
    _write(drafter_b, 2)
    Notification.objects.filter(pk=mine[0].pk).update(subject="Sudah dibaca lama")
    client.force_login(drafter_a)
    client.post(reverse("notification-read", args=[mine[0].pk]))
    page = client.get(reverse("notifications")).content.decode()
    assert page.count('class="notification-unread"') == 2
    assert page.count('class="notification-read"') == 1
    assert "Perihal 1" in page and page.count("Perihal") == 2  # drafter_b's never shown
    assert (
        '<span class="notification-count">2<' in client.get(reverse("staff-home")).content.decode()
    )


def test_marking_another_users_notification_changes_nothing(client, drafter_a, drafter_b):
    (theirs,) = _write(drafter_b, 1)
    client.force_login(drafter_a)
    response = client.post(reverse("notification-read", args=[theirs.pk]))
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_and_open_follows_the_link(client, drafter_a):
    notes = _write(drafter_a, 4, url="/kelola/keputusan/")
    client.force_login(drafter_a)
    opened = client.post(reverse("notification-read", args=[notes[0].pk]), {"buka": "1"})
    assert opened["Location"] == "/kelola/keputusan/"
    client.post(reverse("notifications-read-all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    page = client.get(reverse("notifications")).content.decode()
    assert 'class="notification-count"' not in page


def test_a_link_to_another_site_is_never_followed(client, drafter_a):
    (note,) = _write(drafter_a, 1, url="https://contoh.invalid/")
    client.force_login(drafter_a)
    response = client.post(reverse("notification-read", args=[note.pk]), {"buka": "1"})
    assert response["Location"] == reverse("notifications")


def test_notify_writes_unread_rows(drafter_a):
    notify(recipients=[drafter_a], subject="Tugas", body="Isi")
    assert Notification.objects.get().read_at is None


def test_header_count_is_one_query(client, drafter_a):
    _write(drafter_a, 30)
    client.force_login(drafter_a)
    client.get(reverse("staff-home"))
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("password_change")).content.decode()
    assert '<span class="notification-count">30<' in page
    unread = [q["sql"] for q in captured.captured_queries if "agencies_notification" in q["sql"]]
    assert len(unread) == 1 and "COUNT(*)" in unread[0] and '"read_at" IS NULL' in unread[0]


def test_public_pages_never_count(client, drafter_a):
    _write(drafter_a, 3)
    client.force_login(drafter_a)
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("home"))
    assert not any("agencies_notification" in q["sql"] for q in captured.captured_queries)

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from agencies.models import Notification
from agencies.notifications import MAX_ATTEMPTS, deliver, notify
from agencies.tasks import resend_unsent_notifications

pytestmark = pytest.mark.django_db(transaction=True)


def test_notification_is_sent_after_commit(drafter_a):
    with transaction.atomic():
        notify(recipients=[drafter_a], subject="Tugas baru", body="Ada rancangan.", url="/kelola/")
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [drafter_a.email]
    assert "http://127.0.0.1:8000/kelola/" in mail.outbox[0].body
    assert Notification.objects.get().sent_at is not None


def test_rolled_back_act_sends_nothing(drafter_a):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipients=[drafter_a], subject="Tugas", body="x")
        raise RuntimeError("the act failed")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_mail_server_down_keeps_the_notification_and_the_sweeper_sends_it(drafter_a, settings):
    settings.EMAIL_BACKEND = "tests.support.mail.DownEmailBackend"
    with transaction.atomic():
        notify(recipients=[drafter_a], subject="Tugas", body="x")
    notification = Notification.objects.get()
    assert notification.sent_at is None
    assert notification.attempts >= 1
    assert "mail server down" in notification.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    assert resend_unsent_notifications() == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert len(mail.outbox) == 1
    assert resend_unsent_notifications() == 0


def test_delivery_is_idempotent(drafter_a):
    with transaction.atomic():
        (notification,) = notify(recipients=[drafter_a], subject="Tugas", body="x")
    assert deliver(notification.pk) is True
    assert len(mail.outbox) == 1


def test_attempts_are_capped(drafter_a, settings):
    settings.EMAIL_BACKEND = "tests.support.mail.DownEmailBackend"
    with transaction.atomic():
        (notification,) = notify(recipients=[drafter_a], subject="Tugas", body="x")
    for _ in range(MAX_ATTEMPTS + 3):
        deliver(notification.pk)
    notification.refresh_from_db()
    assert notification.attempts == MAX_ATTEMPTS


def test_same_key_is_never_sent_twice(drafter_a, head_a):
    with transaction.atomic():
        notify(recipients=[drafter_a, head_a], subject="Pengingat", body="x", key="skm:2026:1")
    with transaction.atomic():
        notify(recipients=[drafter_a, head_a], subject="Pengingat", body="x", key="skm:2026:1")
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


def test_users_without_email_or_inactive_get_nothing(drafter_a, head_a):
    drafter_a.email = ""
    drafter_a.save()
    head_a.is_active = False
    head_a.save()
    with transaction.atomic():
        assert notify(recipients=[drafter_a, head_a], subject="x", body="y") == []

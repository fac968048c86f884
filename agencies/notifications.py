"""Notifications by e-mail: written with the act, sent after commit, retried until sent."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def notify(
    *, recipients: Iterable, subject: str, body: str, url: str = "", key: str | None = None
) -> list[Notification]:
    """Write one notification per recipient in the caller's transaction; send on commit.

    With `key`, a notification already written under the same key (per recipient) is not
    written again: reminders are never sent twice for the same thing.
    """
    created = []
    for user in {u.pk: u for u in recipients if u.email and u.is_active}.values():
        row_key = f"{key}:{user.pk}" if key else None
        if row_key and Notification.objects.filter(key=row_key).exists():
            continue
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        recipient=user, subject=subject[:200], body=body, url=url, key=row_key
                    )
                )
        except IntegrityError:  # the same key written concurrently
            continue
    for notification in created:
        transaction.on_commit(lambda pk=notification.pk: _enqueue(pk))
    return created


def _enqueue(pk: int) -> None:
    from .tasks import send_notification

    try:
        send_notification.delay(pk)
    except Exception:  # noqa: BLE001 - broker down: the sweeper sends it later
        logger.warning("notification %s not queued; the sweeper will retry", pk, exc_info=True)


def deliver(pk: int) -> bool:
    """Send one notification once; returns True when it is (or already was) sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .get(pk=pk)
        )
        if notification.sent_at is not None or notification.attempts >= MAX_ATTEMPTS:
            return notification.sent_at is not None
        notification.attempts += 1
        body = notification.body
        if notification.url:
            body += f"\n\n{settings.SITE_URL}{notification.url}"
        try:
            send_mail(
                notification.subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [notification.recipient.email],
            )
        except Exception as error:  # noqa: BLE001 - SMTP of any kind: keep it for a retry
            notification.last_error = repr(error)[:2000]
            notification.save(update_fields=["attempts", "last_error"])
            return False
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["attempts", "sent_at", "last_error"])
        return True


def unsent(older_than: timedelta = timedelta(minutes=2)):
    return Notification.objects.filter(
        sent_at__isnull=True,
        attempts__lt=MAX_ATTEMPTS,
        created_at__lt=timezone.now() - older_than,
    )


# --- reading them on the notifications page -----------------------------------------


def unread_count(user) -> int:
    """The header's figure: one count on the partial index of unread rows."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_mark_read(*, actor, pk: int | None = None) -> int:
    """Mark one of the actor's notifications (or, without pk, all of them) as read.
    Another user's notification is never touched; returns how many were marked."""
    unread = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())

from __future__ import annotations

from celery import shared_task
from django.db import connection

from .models import Agency
from .notifications import deliver, unsent


@shared_task(ignore_result=False)
def health_check() -> dict:
    """Run by a worker to show it reaches the database (`manage.py check_services`)."""
    return {"database": connection.vendor, "agencies": Agency.objects.count()}


class MailNotSent(Exception):
    pass


@shared_task(
    bind=True,
    autoretry_for=(MailNotSent,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=6,
    acks_late=True,
)
def send_notification(self, notification_id: int) -> None:
    if not deliver(notification_id):
        raise MailNotSent(notification_id)


@shared_task
def resend_unsent_notifications() -> int:
    """Beat: send what a broker outage or a worker crash left behind."""
    count = 0
    for pk in unsent().values_list("pk", flat=True)[:500]:
        deliver(pk)
        count += 1
    return count

from __future__ import annotations

from celery import shared_task

from .reminders import send_reminders


@shared_task(acks_late=True)
def send_monitoring_reminders() -> int:
    """Daily (beat): SKM due, evaluations due, acts waiting, follow-ups past due; idempotent."""
    return send_reminders()

from __future__ import annotations

from celery import shared_task
from django.db import connection

from .models import Agency


@shared_task(ignore_result=False)
def health_check() -> dict:
    """Run by a worker to show it reaches the database (`manage.py check_services`)."""
    return {"database": connection.vendor, "agencies": Agency.objects.count()}

"""Celery tasks of the standards app.

`freeze_decree_lampiran` renders and stores, once, the lampiran of a decree's standards
when their text is frozen for evaluation (on submission): the decree's PDF is assembled
from them later (standards/decrees/parts.py, docs/decisions/0013). It is only a head start:
a lampiran missing when the decree is rendered is rendered then, so a lost task costs time,
never a document.
"""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=360)
def freeze_decree_lampiran(decree_id: int) -> int:
    from .decrees.parts import freeze_decree_lampiran as freeze
    from .models import Decree

    decree = Decree.objects.select_related("agency").filter(pk=decree_id).first()
    if decree is None:
        return 0
    return freeze(decree)


def enqueue_freeze(decree_id: int) -> None:
    """Queue the task; never raises (the decree's render does the work when it is lost)."""
    try:
        freeze_decree_lampiran.delay(decree_id)
    except Exception:
        logger.exception("Keputusan %s: gagal mengantrekan pembuatan lampiran.", decree_id)

"""Celery tasks of the documents app: render one document, sweep lost jobs.

`render_document` is thin: the job's state lives in the Document row (documents.jobs)
and the PDF comes from documents.render. It takes a primary key, is idempotent (a ready
or failed document is left alone; an issued one is ready by construction and so never
rendered again), runs with acks_late + reject_on_worker_lost (a worker killed mid-render
has the message redelivered), has soft and hard time limits, and retries with
exponential backoff while the attempts counted in the database stay under the cap.

`sweep_stale_documents` runs from Celery beat (settings.CELERY_BEAT_SCHEDULE) and
queues again the jobs left pending or rendering: an enqueue that failed because the
broker was down, or a message lost with its worker.

With no broker (CELERY_TASK_ALWAYS_EAGER) both run in-process and everything still works.
"""

from __future__ import annotations

import logging
import random

from celery import shared_task

from . import jobs
from .render import render_document_pdf
from .signing.services import is_signed_electronically, produce_pdf

logger = logging.getLogger(__name__)

SOFT_TIME_LIMIT = 90  # seconds: SoftTimeLimitExceeded inside the render, recorded as an error
HARD_TIME_LIMIT = 120  # seconds: the worker process is killed; the message is redelivered
BACKOFF_BASE = 10  # seconds, doubled on every retry
BACKOFF_MAX = 600


def backoff(retries: int) -> int:
    """10 s, 20 s, 40 s ... at most 10 minutes, with up to 20% jitter."""
    delay = min(BACKOFF_MAX, BACKOFF_BASE * 2**retries)
    return int(delay * (1 + random.random() * 0.2))


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=HARD_TIME_LIMIT,
    max_retries=None,  # the cap is Document.attempts (documents.models.MAX_ATTEMPTS)
    ignore_result=True,
)
def render_document(self, document_id: int) -> str:
    while True:
        document = jobs.claim(document_id)
        if document is None:
            return "skipped"
        try:
            pdf = (
                produce_pdf(document)
                if is_signed_electronically(document)
                else render_document_pdf(document)
            )
        except Exception as error:
            logger.warning(
                "Dokumen %s: percobaan %s gagal: %s", document_id, document.attempts, error
            )
            if not jobs.fail(document_id, error):
                return "failed"
            if self.request.is_eager:
                continue  # no broker: the next attempt at once, in-process
            raise self.retry(exc=error, countdown=backoff(self.request.retries)) from error
        return "ready" if jobs.store(document_id, pdf) else "duplicate"


@shared_task(ignore_result=True)
def sweep_stale_documents() -> int:
    """Queue again every render job with no activity for a few minutes; returns how many."""
    from .services import enqueue_render

    ids = jobs.stale_ids()
    for document_id in ids:
        enqueue_render(document_id)
    if ids:
        logger.info("Penyapu dokumen: %s pekerjaan diantrekan ulang.", len(ids))
    return len(ids)

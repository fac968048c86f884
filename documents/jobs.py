"""The render job's states, kept in the Document row under a row lock.

    pending --claim--> rendering --store--> ready (issued too when issue_when_ready)
       ^                   |
       +----fail (retry)---+--fail (attempts >= MAX_ATTEMPTS)--> failed

`claim` counts the attempt before any work, so a delivery that kills its worker (and is
redelivered: acks_late + reject_on_worker_lost) still counts, and a poison document ends
as failed instead of looping. Two deliveries may render at once (a redelivery racing a
slow first run); `store` keeps the first result and drops the second, so there is always
exactly one file. The PDF is rendered outside any transaction: no lock is held for seconds.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from agencies.published import portal_changed

from .models import DOCUMENT_MOVES, MAX_ATTEMPTS, Document, DocumentStatus
from .render import RenderedPdf

logger = logging.getLogger(__name__)

# A job pending or rendering for longer than this is presumed lost (its message, or the
# worker that ran it) and is queued again by the sweeper. Longer than the task's hard limit.
STALE_AFTER = timedelta(minutes=5)
ERROR_MAX = 2000


def claim(document_id: int) -> Document | None:
    """Start an attempt: the document to render, or None when there is nothing to do."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status in (DocumentStatus.READY, DocumentStatus.FAILED):
            return None
        if document.attempts >= MAX_ATTEMPTS:
            _fail(document, document.last_error or "batas percobaan tercapai")
            return None
        document.attempts += 1
        DOCUMENT_MOVES.move(document, "claim")
        document.last_activity_at = timezone.now()
        document.save(update_fields=["attempts", "status", "last_activity_at", "updated_at"])
        return document


def store(document_id: int, pdf: RenderedPdf) -> bool:
    """Keep the rendered bytes unless another delivery already did; True when kept."""
    saved_name = ""
    try:
        with transaction.atomic():
            document = Document.objects.select_for_update().get(pk=document_id)
            if document.status == DocumentStatus.READY:
                logger.info("Dokumen %s sudah siap; hasil kiriman ganda dibuang.", document_id)
                return False
            document.file.save("document.pdf", ContentFile(pdf.content), save=False)
            saved_name = document.file.name
            now = timezone.now()
            document.sha256 = pdf.sha256
            document.size = pdf.size
            document.page_count = pdf.page_count
            DOCUMENT_MOVES.move(document, "store")
            document.last_error = ""
            document.rendered_at = now
            document.last_activity_at = now
            fields = ["file", "sha256", "size", "page_count", "status", "last_error"]
            fields += ["rendered_at", "last_activity_at", "updated_at"]
            if document.issue_when_ready and not document.issued:
                document.issued = True
                document.issued_at = now
                fields += ["issued", "issued_at"]
                if document.public:
                    portal_changed()  # a public page links it from now (a decree in force)
            document.save(update_fields=fields)
    except BaseException:
        # Not committed: no row points at the file, so it must not stay behind.
        if saved_name:
            Document._meta.get_field("file").storage.delete(saved_name)
        raise
    logger.info("Dokumen %s siap: %s halaman.", document_id, pdf.page_count)
    return True


def fail(document_id: int, error: BaseException | str) -> bool:
    """Record a failed attempt. True when another attempt is allowed (back to pending)."""
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status == DocumentStatus.READY:
            return False
        if document.attempts >= MAX_ATTEMPTS:
            _fail(document, message)
            return False
        DOCUMENT_MOVES.move(document, "retry")
        document.last_error = message[:ERROR_MAX]
        document.last_activity_at = timezone.now()
        document.save(update_fields=["status", "last_error", "last_activity_at", "updated_at"])
        return True


def _fail(document: Document, message: str) -> None:
    DOCUMENT_MOVES.move(document, "give_up")
    document.last_error = message[:ERROR_MAX]
    document.last_activity_at = timezone.now()
    document.save(update_fields=["status", "last_error", "last_activity_at", "updated_at"])
    logger.error("Dokumen %s gagal dibuat: %s", document.pk, document.last_error)


def stale_ids(now=None) -> list[int]:
    """Jobs pending or rendering with no activity for STALE_AFTER; their clock is reset.

    Those that already used every attempt (the worker died on the last one) are failed.
    """
    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    requeue = []
    with transaction.atomic():
        stale = (
            Document.objects.select_for_update(skip_locked=True)
            .unfinished()
            .filter(last_activity_at__lt=cutoff)
            .order_by("last_activity_at")[:200]
        )
        for document in stale:
            if document.attempts >= MAX_ATTEMPTS:
                _fail(document, document.last_error or "pekerja berhenti saat membuat dokumen")
                continue
            document.last_activity_at = now
            document.save(update_fields=["last_activity_at", "updated_at"])
            requeue.append(document.pk)
    return requeue

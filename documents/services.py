"""Writes to the document registry: request, issue, supersede, revoke, retry.

A document is asked for in the caller's transaction: `document_request` writes the
`Document` row (pending) there, so the request commits or rolls back with the act that
asked for it, and queues the render task only on commit. If the broker is down or frozen
the enqueue fails within seconds (3 s socket timeouts), is logged, and the row stays
pending: the sweeper (`documents.tasks.sweep_stale_documents`) queues it later.

Each Document is rendered once: its bytes, SHA-256 and verification code belong together
for good. A new preview of the same standard is a new Document (the older unissued ones of
the same kind and subject are marked superseded by it); an issued document is frozen and
is never rendered again.
"""

from __future__ import annotations

import logging
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.published import portal_changed

from .models import DOCUMENT_MOVES, Document, DocumentKind, DocumentStatus, new_verification_code

logger = logging.getLogger(__name__)

__all__ = [
    "document_issue",
    "document_request",
    "document_retry",
    "document_revoke",
    "document_supersede",
    "enqueue_render",
]


def enqueue_render(document_id: int) -> bool:
    """Queue the render task; never raises. False when the broker refused (the sweeper retries).

    With no broker (eager mode) the task runs here, in-process.
    """
    from .tasks import render_document

    try:
        render_document.delay(document_id)
    except Exception:
        logger.exception(
            "Dokumen %s: gagal mengantrekan pembuatan PDF; disapu ulang nanti.", document_id
        )
        return False
    return True


def _unique_code() -> str:
    for _attempt in range(10):
        code = new_verification_code()
        if not Document.objects.filter(code=code).exists():
            return code
    raise RuntimeError("no free verification code")  # pragma: no cover - 30**10 codes


@transaction.atomic
def document_request(
    *,
    kind: str,
    subject: models.Model | None,
    agency: Agency,
    title: str,
    public: bool = False,
    issue_when_ready: bool = False,
    reference_number: str = "",
    reference_date: date | None = None,
    actor=None,
    supersede_drafts: bool = True,
) -> Document:
    """Write a pending Document in the caller's transaction and queue its render on commit.

    No permission check here: the calling service checked that `actor` may do the act.

    `issue_when_ready` issues (freezes) it as soon as it is rendered (a decree that was set,
    a Maklumat poster). With `supersede_drafts`, older unissued documents of the same kind
    and subject are marked superseded by this one. A pending, not yet started request of the
    same kind and subject (a double click) is returned instead of a second one.
    """
    DocumentKind(kind)  # ValueError on an unknown kind
    content_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    object_id = subject.pk if subject is not None else None
    if subject is not None and not issue_when_ready:
        waiting = (
            Document.objects.select_for_update()
            .filter(
                content_type=content_type,
                object_id=object_id,
                kind=kind,
                status=DocumentStatus.PENDING,
                attempts=0,
                issued=False,
                issue_when_ready=False,
            )
            .order_by("-id")
            .first()
        )
        if waiting is not None:
            return waiting
    document = Document.objects.create(
        kind=kind,
        agency=agency,
        title=title[:300],
        content_type=content_type,
        object_id=object_id,
        code=_unique_code(),
        public=public,
        issue_when_ready=issue_when_ready,
        reference_number=reference_number,
        reference_date=reference_date,
        requested_by=actor,
        last_activity_at=timezone.now(),
    )
    if subject is not None and supersede_drafts:
        older = (
            Document.objects.select_for_update()
            .filter(content_type=content_type, object_id=object_id, kind=kind, issued=False)
            .filter(superseded_by__isnull=True)
            .exclude(pk=document.pk)
        )
        now = timezone.now()
        for previous in older:
            previous.superseded_by = document
            previous.superseded_at = now
            previous.save(update_fields=["superseded_by", "superseded_at", "updated_at"])
    transaction.on_commit(lambda: enqueue_render(document.pk))
    return document


@transaction.atomic
def document_issue(
    *,
    document: Document,
    reference_number: str | None = None,
    reference_date: date | None = None,
    public: bool | None = None,
) -> Document:
    """Freeze a rendered document as issued (its bytes and hash never change again)."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.status != DocumentStatus.READY:
        raise ValidationError(_("Dokumen belum selesai dibuat sehingga belum dapat diterbitkan."))
    fields = []
    if not locked.issued:
        locked.issued = True
        locked.issued_at = timezone.now()
        fields += ["issued", "issued_at"]
    if reference_number is not None:
        locked.reference_number = reference_number
        fields.append("reference_number")
    if reference_date is not None:
        locked.reference_date = reference_date
        fields.append("reference_date")
    if public is not None:
        locked.public = public
        fields.append("public")
    if fields:
        locked.save(update_fields=[*fields, "updated_at"])
        if locked.public:
            portal_changed()  # the portal may link it from now
    return locked


@transaction.atomic
def document_supersede(*, old: Document, new: Document) -> Document:
    """Record that `new` replaces `old` (a new decree for the same service, say)."""
    if old.pk == new.pk:
        raise ValidationError(_("Dokumen tidak dapat menggantikan dirinya sendiri."))
    locked = Document.objects.select_for_update().get(pk=old.pk)
    if locked.superseded_by_id and locked.superseded_by_id != new.pk:
        raise ValidationError(_("Dokumen ini sudah digantikan oleh dokumen lain."))
    # No cycles: `new` must not already be (transitively) replaced by `old`.
    successor, seen = new, set()
    while successor.superseded_by_id and successor.pk not in seen:
        seen.add(successor.pk)
        if successor.superseded_by_id == locked.pk:
            raise ValidationError(_("Penggantian dokumen tidak boleh melingkar."))
        successor = successor.superseded_by
    locked.superseded_by = new
    locked.superseded_at = timezone.now()
    locked.save(update_fields=["superseded_by", "superseded_at", "updated_at"])
    return locked


@transaction.atomic
def document_revoke(*, document: Document, reason: str, when=None) -> Document:
    """Record that an issued document was revoked (dicabut), with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Alasan pencabutan wajib diisi."))
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not locked.issued:
        raise ValidationError(_("Hanya dokumen yang sudah diterbitkan yang dapat dicabut."))
    if locked.revoked_at is None:
        locked.revoked_at = when or timezone.now()
        locked.revoke_reason = reason
        locked.save(update_fields=["revoked_at", "revoke_reason", "updated_at"])
    return locked


@transaction.atomic
def document_retry(*, document: Document) -> Document:
    """Give a failed document a fresh set of attempts (after the cause was fixed)."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.issued or locked.status == DocumentStatus.READY:
        raise ValidationError(_("Dokumen yang sudah jadi tidak dibuat ulang."))
    if locked.status != DocumentStatus.FAILED:
        return locked
    DOCUMENT_MOVES.move(locked, "restart")
    locked.attempts = 0
    locked.last_activity_at = timezone.now()
    locked.save(update_fields=["status", "attempts", "last_activity_at", "updated_at"])
    transaction.on_commit(lambda: enqueue_render(locked.pk))
    return locked

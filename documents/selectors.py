"""Reads of documents: by code, by hash, and a subject's latest document of a kind."""

from __future__ import annotations

from django.db import models

from .models import Document, DocumentStatus, normalise_code


def document_by_code(code: str) -> Document | None:
    """The document with this verification code (typed in any case, with dashes or spaces)."""
    return (
        Document.objects.select_related("agency", "superseded_by")
        .filter(code=normalise_code(code))
        .first()
    )


def issued_documents_with_hash(sha256: str) -> models.QuerySet[Document]:
    return Document.objects.issued().filter(sha256=sha256).select_related("agency")


def latest_document(*, subject: models.Model, kind: str) -> Document | None:
    """The newest document of `kind` about `subject` (any status), or None."""
    return Document.objects.for_subject(subject).filter(kind=kind).order_by("-id").first()


def latest_ready_document(*, subject: models.Model, kind: str) -> Document | None:
    """The newest rendered document of `kind` about `subject`, or None."""
    return (
        Document.objects.for_subject(subject)
        .filter(kind=kind, status=DocumentStatus.READY)
        .order_by("-id")
        .first()
    )

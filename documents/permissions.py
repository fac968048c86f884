"""The one answer to "may this user download this document".

Deny by default: a document is downloadable only when it is rendered, and then by
everyone when it is issued and public, otherwise only by those who may read its agency
(its own people and the city-wide roles: agencies.permissions.may_read).
"""

from __future__ import annotations

from agencies.permissions import may_read

from .models import Document


def may_download(user, document: Document) -> bool:
    if not document.is_ready or not document.file:
        return False
    if document.issued and document.public:
        return True
    return may_read(user, document.agency)


def is_public_download(document: Document) -> bool:
    """Whether the verification page offers the file to everyone."""
    return document.is_ready and document.issued and document.public and bool(document.file)

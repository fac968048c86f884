"""Decrees on service standards (Pasal 12): the acts' table and its guards (`workflow`,
`guards`), what each act does besides the move (`effects`), the writes around them
(`services`), the act forms (`forms`), the reads (`queries`), the decree's text and PDF
(`documents`, `parts`) and the hook for coming into force (`in_force`).

The names below are the package's writes, for `from standards import decrees`.
"""

from .effects import DECREE_KINDS, decree_documents
from .services import (
    ACTIVE_STATUSES,
    BASE_LEGAL_REFERENCES,
    decree_attach_signed_scan,
    decree_create,
    decree_pass,
    decree_ratify,
    decree_record,
    decree_return,
    decree_revoke,
    decree_set,
    decree_submit,
    decree_update_text,
    decree_withdraw,
    default_considerations,
    default_legal_references,
    default_title,
    issuer_title,
    recorded_decree_create,
    review_note_address,
    revision_start,
)
from .workflow import act

__all__ = [
    "ACTIVE_STATUSES",
    "BASE_LEGAL_REFERENCES",
    "DECREE_KINDS",
    "act",
    "decree_attach_signed_scan",
    "decree_create",
    "decree_documents",
    "decree_pass",
    "decree_ratify",
    "decree_record",
    "decree_return",
    "decree_revoke",
    "decree_set",
    "decree_submit",
    "decree_update_text",
    "decree_withdraw",
    "default_considerations",
    "default_legal_references",
    "default_title",
    "issuer_title",
    "recorded_decree_create",
    "review_note_address",
    "revision_start",
]

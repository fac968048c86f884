"""Template tags of the documents app: static files for print, a subject's latest document."""

from __future__ import annotations

from django import template

from documents.render import static_file_url
from documents.selectors import latest_document as _latest_document

register = template.Library()


@register.simple_tag
def print_static(name: str) -> str:
    """The file:// URL of a static file, the only kind of URL the PDF renderer fetches."""
    return static_file_url(name)


@register.simple_tag
def latest_document(subject, kind: str):
    """{% latest_document standard "standard_preview" as preview %}: the newest, or None."""
    if subject is None or getattr(subject, "pk", None) is None:
        return None
    return _latest_document(subject=subject, kind=kind)


@register.filter
def sentence_end(text) -> str:
    """A name or phrase closing a sentence: a full stop, unless it already ends with one
    ("Dewi Kartika, S.E., M.M." never gets "M.M..")."""
    text = str(text or "").rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."

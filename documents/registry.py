"""Builders: how each kind of document gets its template and context.

`documents` sits below the apps whose objects it renders, so it never imports them.
Each of those apps registers a builder for its kinds in its own `documents.py` module:

    from documents.models import DocumentKind
    from documents.registry import register_builder

    def build_standard_preview(document):
        standard = ...  # read again from the database, from document.subject
        return "documents/standard_preview.html", {"standard": standard}

    register_builder(DocumentKind.STANDARD_PREVIEW, build_standard_preview)

The registry imports every installed app's `documents` module the first time a
builder is looked up (as the admin discovers `admin.py`), so no AppConfig.ready()
and no setting has to list them, and a broken module of one app cannot stop Django
from starting: it fails the render of its own documents, which records the error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule

logger = logging.getLogger(__name__)

Builder = Callable[[Any], tuple[str, dict]]

_builders: dict[str, Builder] = {}
_renderers: dict[str, Callable[[Any], Any]] = {}
_imported: set[str] = set()
_lock = threading.Lock()


class UnknownDocumentKind(LookupError):
    pass


def register_builder(kind: str, builder: Builder) -> Builder:
    """Register `builder(document) -> (template_name, context)` for a kind.

    Registering a kind again replaces its builder (a module imported twice stays harmless).
    """
    _builders[str(kind)] = builder
    return builder


def register_renderer(kind: str, renderer: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Register `renderer(document) -> RenderedPdf` for a kind whose PDF is assembled
    from parts (documents.assembly) instead of one template; it wins over a builder."""
    _renderers[str(kind)] = renderer
    return renderer


def get_renderer(kind: str) -> Callable[[Any], Any] | None:
    autodiscover()
    return _renderers.get(str(kind))


def autodiscover() -> None:
    """Import `<app>.documents` of every installed app that has one (once each)."""
    with _lock:
        for config in apps.get_app_configs():
            if config.name in _imported:
                continue
            if not module_has_submodule(config.module, "documents"):
                _imported.add(config.name)
                continue
            try:
                import_module(f"{config.name}.documents")
            except Exception:
                logger.exception("Builder dokumen %s.documents gagal dimuat.", config.name)
                continue
            _imported.add(config.name)


def get_builder(kind: str) -> Builder:
    autodiscover()
    try:
        return _builders[str(kind)]
    except KeyError:
        raise UnknownDocumentKind(kind) from None

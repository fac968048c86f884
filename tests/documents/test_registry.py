"""Builders: found in each app's documents.py without any registration elsewhere."""

from __future__ import annotations

import pytest

from documents import registry
from documents.models import DocumentKind, DocumentStatus
from documents.services import document_request


def test_the_standard_preview_builder_is_found_by_itself():
    from standards.documents import build_standard_preview

    assert registry.get_builder(DocumentKind.STANDARD_PREVIEW) is build_standard_preview


def test_an_unknown_kind_is_an_error():
    with pytest.raises(registry.UnknownDocumentKind):
        registry.get_builder("no_such_kind")


@pytest.mark.django_db
def test_a_kind_without_builder_fails_with_its_error(
    agency_a, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.delitem(registry._builders, DocumentKind.OTHER, raising=False)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            kind=DocumentKind.OTHER, subject=None, agency=agency_a, title="Lainnya"
        )
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "UnknownDocumentKind" in document.last_error


def test_a_broken_module_of_one_app_does_not_hide_the_others(monkeypatch):
    import importlib

    real_import = importlib.import_module

    def flaky(name, *args):
        if name == "consultations.documents":
            raise ImportError("consultations.documents is broken")
        return real_import(name, *args)

    monkeypatch.setattr(registry, "import_module", flaky)
    monkeypatch.setattr(registry, "_imported", set())
    registry.autodiscover()
    assert "standards" in registry._imported
    assert "consultations" not in registry._imported
    assert registry.get_builder(DocumentKind.STANDARD_PREVIEW)


def test_the_decree_kinds_are_assembled_from_parts():
    from standards.decrees.parts import render_decree_pdf

    for kind in (DocumentKind.DRAFT_DECREE, DocumentKind.DECREE, DocumentKind.MAYOR_DECREE):
        assert registry.get_renderer(kind) is render_decree_pdf
    assert registry.get_renderer(DocumentKind.STANDARD_PREVIEW) is None


def test_a_renderer_wins_over_the_builder(monkeypatch):
    from documents.models import Document
    from documents.render import RenderedPdf, render_document_pdf

    made = RenderedPdf(content=b"%PDF-1.7", sha256="0" * 64, page_count=1)
    monkeypatch.setitem(registry._renderers, DocumentKind.OTHER, lambda document, **_options: made)
    assert render_document_pdf(Document(kind=DocumentKind.OTHER)) is made

"""With CI's real Redis broker and Celery worker (TEST_SERVICES=1): a signing job whose
worker died mid-job is finished by the redelivery or by the sweeper, signed once."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from bontang_sp.celery import app as celery_app
from documents import jobs
from documents import services as document_services
from documents.models import Document, DocumentKind, DocumentStatus, SigningRequest
from documents.signing.validation import validate_signatures
from documents.tasks import render_document, sweep_stale_documents
from standards import decrees
from tests.documents.signing_fixtures import evaluated_decree, give_certificate, read, set_signed
from tests.documents.test_worker import wait_until_finished

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lost_signing_job(monkeypatch, settings, tte_ca, agency_a, drafter_a, reviewer, head_a):
    """A decree set with TTE whose job a worker took and was killed on (never finished)."""
    give_certificate(tte_ca, head_a)
    decree = evaluated_decree(agency_a, drafter_a, reviewer, head_a)
    # The worker stores files in its own MEDIA_ROOT: read them from there.
    settings.MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", django_settings.BASE_DIR / "media"))
    monkeypatch.setattr(document_services, "enqueue_render", lambda document_id: False)
    decree = set_signed(decree, head_a)
    monkeypatch.undo()
    document = decrees.decree_documents(decree).get(kind=DocumentKind.DRAFT_DECREE)
    assert jobs.claim(document.pk) is not None  # a worker took it ... and was killed
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield document
    celery_app.conf.task_always_eager = True


def _finished(document: Document) -> Document:
    return wait_until_finished(document, timeout=90)  # signing: render, then sign


def _signed_once(document: Document) -> None:
    assert document.status == DocumentStatus.READY, document.last_error
    assert document.issued
    report = validate_signatures(read(document))
    assert report.all_ok and [s.role for s in report.signatures] == ["head"]
    request = SigningRequest.objects.get(document=document)
    assert request.signed_at is not None and bytes(request.sealed_passphrase) == b""


def test_the_redelivered_signing_job_signs_the_decree(lost_signing_job):
    result = render_document.apply_async(args=[lost_signing_job.pk], ignore_result=False)
    assert result.get(timeout=90) == "ready"
    document = _finished(lost_signing_job)
    assert document.attempts == 2
    _signed_once(document)


def test_the_sweeper_requeues_a_lost_signing_job(lost_signing_job):
    Document.objects.filter(pk=lost_signing_job.pk).update(
        last_activity_at=timezone.now() - timedelta(minutes=6)
    )
    assert sweep_stale_documents() == 1  # queued to the real broker, run by the worker
    document = _finished(lost_signing_job)
    _signed_once(document)

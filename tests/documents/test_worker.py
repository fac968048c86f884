"""With CI's real Redis broker and Celery worker: a render job ends with exactly one ready
document, however often its message is delivered (run by .ci/run with TEST_SERVICES=1)."""

from __future__ import annotations

import time

import pytest
from django.contrib.contenttypes.models import ContentType

from bontang_sp.celery import app as celery_app
from documents.models import Document, DocumentKind, DocumentStatus
from documents.services import document_request
from documents.tasks import render_document

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_worker(settings):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield celery_app
    celery_app.conf.task_always_eager = True


def wait_until_finished(document: Document, timeout: float = 60) -> Document:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if not document.is_unfinished:
            return document
        time.sleep(0.25)
    raise AssertionError(f"still {document.status} after {timeout} s: {document.last_error}")


def _deliver(document_id: int):
    """One more delivery of the render message, with a result to wait for."""
    return render_document.apply_async(args=[document_id], ignore_result=False)


def test_a_redelivered_render_leaves_one_ready_document(real_worker, agency_a, standard):
    document = document_request(
        kind=DocumentKind.STANDARD_PREVIEW, subject=standard, agency=agency_a, title="Pratinjau"
    )  # autocommit: queued to the broker at once
    document = wait_until_finished(document)
    assert document.status == DocumentStatus.READY, document.last_error
    first = (document.sha256, document.file.name, document.rendered_at, document.attempts)

    # The same message delivered again after the first run finished (a lost ack).
    assert _deliver(document.pk).get(timeout=30) == "skipped"
    assert _deliver(document.pk).get(timeout=30) == "skipped"

    document.refresh_from_db()
    assert (document.sha256, document.file.name, document.rendered_at, document.attempts) == first
    assert Document.objects.filter(status=DocumentStatus.READY).count() == 1


def test_two_deliveries_at_once_keep_the_first_result(real_worker, agency_a, standard):
    # No on_commit enqueue here: create the row directly, then deliver twice at the same time,
    # as a redelivery racing a slow first run would (the worker runs two processes).
    document = Document.objects.create(
        kind=DocumentKind.STANDARD_PREVIEW,
        agency=agency_a,
        title="Pratinjau",
        content_type=ContentType.objects.get_for_model(standard),
        object_id=standard.pk,
    )
    results = [_deliver(document.pk), _deliver(document.pk)]
    outcomes = sorted(result.get(timeout=60) for result in results)

    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    assert outcomes.count("ready") == 1
    assert set(outcomes) <= {"ready", "duplicate", "skipped"}
    assert document.attempts <= 2
    assert Document.objects.filter(status=DocumentStatus.READY).count() == 1


def test_a_delivery_after_a_worker_died_mid_render_finishes_the_job(
    real_worker, agency_a, standard
):
    from documents import jobs

    document = Document.objects.create(
        kind=DocumentKind.STANDARD_PREVIEW,
        agency=agency_a,
        title="Pratinjau",
        content_type=ContentType.objects.get_for_model(standard),
        object_id=standard.pk,
    )
    assert jobs.claim(document.pk) is not None  # a worker took it ... and was killed

    assert _deliver(document.pk).get(timeout=60) == "ready"  # reject_on_worker_lost: again

    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.attempts == 2

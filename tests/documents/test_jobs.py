"""Durable render jobs: written with the act, queued on commit, idempotent, retried,
capped, swept, and never re-rendering an issued document."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from documents import jobs, tasks
from documents.models import MAX_ATTEMPTS, Document, DocumentKind, DocumentStatus
from documents.render import RenderedPdf
from documents.services import document_issue, document_request, document_retry
from standards.documents import request_standard_preview
from tests.documents.conftest import make_ready_document

pytestmark = pytest.mark.django_db

FAKE_PDF = RenderedPdf(content=b"%PDF-1.7\n%%EOF\n", sha256="a" * 64, page_count=1)


class CountingRender:
    """Stands in for documents.render.render_document_pdf; fails the first `failures` calls."""

    def __init__(self, failures: int = 0, error: Exception | None = None):
        self.calls = 0
        self.failures = failures
        self.error = error or RuntimeError("pango meledak")

    def __call__(self, document):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return FAKE_PDF


@pytest.fixture
def fake_render(monkeypatch):
    def install(**kwargs):
        render = CountingRender(**kwargs)
        monkeypatch.setattr(tasks, "render_document_pdf", render)
        return render

    return install


def _request(standard, actor, capture, execute=True):
    with capture(execute=execute):
        document = request_standard_preview(actor=actor, standard=standard)
    document.refresh_from_db()
    return document


def test_request_writes_a_pending_row_and_renders_on_commit(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    render = fake_render()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = request_standard_preview(actor=drafter_a, standard=standard)
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.PENDING
    assert render.calls == 0
    assert len(callbacks) == 1

    callbacks[0]()
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.attempts == 1
    assert document.requested_by == drafter_a


def test_a_rolled_back_act_leaves_no_document_and_queues_nothing(standard, drafter_a, fake_render):
    render = fake_render()
    with pytest.raises(RuntimeError), transaction.atomic():
        request_standard_preview(actor=drafter_a, standard=standard)
        raise RuntimeError("the act failed")
    assert not Document.objects.exists()
    assert render.calls == 0


def test_a_ready_document_is_not_rendered_twice(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    render = fake_render()
    document = _request(standard, drafter_a, django_capture_on_commit_callbacks)
    assert render.calls == 1

    assert tasks.render_document.delay(document.pk).get() == "skipped"
    assert tasks.render_document.delay(document.pk).get() == "skipped"

    assert render.calls == 1
    document.refresh_from_db()
    assert document.attempts == 1


def test_a_failing_render_is_retried_then_succeeds(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    render = fake_render(failures=2)
    document = _request(standard, drafter_a, django_capture_on_commit_callbacks)

    assert render.calls == 3
    assert document.status == DocumentStatus.READY
    assert document.attempts == 3
    assert document.last_error == ""


def test_a_poison_document_fails_after_the_cap_with_its_error(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    render = fake_render(failures=99)
    document = _request(standard, drafter_a, django_capture_on_commit_callbacks)

    assert render.calls == MAX_ATTEMPTS
    assert document.status == DocumentStatus.FAILED
    assert document.attempts == MAX_ATTEMPTS
    assert "pango meledak" in document.last_error
    # A failed document stays failed until someone retries it.
    assert tasks.render_document.delay(document.pk).get() == "skipped"
    assert render.calls == MAX_ATTEMPTS


def test_redeliveries_count_as_attempts(standard, drafter_a, django_capture_on_commit_callbacks):
    # A worker killed mid-render: the claim counted the attempt, the message comes back.
    with django_capture_on_commit_callbacks(execute=False):
        document = request_standard_preview(actor=drafter_a, standard=standard)
    for _ in range(MAX_ATTEMPTS):
        assert jobs.claim(document.pk) is not None  # ... and the worker dies here
    assert jobs.claim(document.pk) is None
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED


def test_retry_of_a_failed_document_starts_over(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    fake_render(failures=99)
    document = _request(standard, drafter_a, django_capture_on_commit_callbacks)
    render = fake_render()
    with django_capture_on_commit_callbacks(execute=True):
        document_retry(document=document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert render.calls == 1


def test_a_second_delivery_that_finishes_late_keeps_the_first_file(standard, agency_a):
    document = document_request(
        kind=DocumentKind.STANDARD_PREVIEW, subject=standard, agency=agency_a, title="x"
    )
    first = jobs.claim(document.pk)
    second = jobs.claim(document.pk)  # redelivered while the first still renders
    assert first and second
    assert jobs.store(document.pk, FAKE_PDF) is True
    other = RenderedPdf(content=b"%PDF-1.7\n%other\n%%EOF\n", sha256="b" * 64, page_count=1)
    assert jobs.store(document.pk, other) is False

    document.refresh_from_db()
    assert document.sha256 == FAKE_PDF.sha256
    assert document.file.read() == FAKE_PDF.content
    folder = os.path.dirname(document.file.storage.path(document.file.name))
    assert len(os.listdir(folder)) == 1


def test_an_issued_document_is_never_rendered_again(agency_a, standard, fake_render):
    render = fake_render()
    document = make_ready_document(agency_a, subject=standard)
    document = document_issue(document=document, reference_number="100.3.3/001/DISDUKCAPIL")
    sha, name = document.sha256, document.file.name

    assert tasks.render_document.delay(document.pk).get() == "skipped"
    with pytest.raises(ValidationError):
        document_retry(document=document)
    document.refresh_from_db()
    assert (document.sha256, document.file.name, document.issued) == (sha, name, True)
    assert render.calls == 0


def test_the_database_refuses_an_issued_document_that_is_not_ready(agency_a):
    document = make_ready_document(agency_a, issued=True)
    document.status = DocumentStatus.PENDING
    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()


def test_only_a_ready_document_can_be_issued(standard, agency_a):
    document = document_request(
        kind=DocumentKind.DECREE, subject=standard, agency=agency_a, title="Keputusan"
    )
    with pytest.raises(ValidationError):
        document_issue(document=document)


def test_issue_when_ready_freezes_on_the_first_render(
    standard, agency_a, fake_render, django_capture_on_commit_callbacks
):
    fake_render()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            kind=DocumentKind.MAKLUMAT,
            subject=standard,
            agency=agency_a,
            title="Maklumat",
            public=True,
            issue_when_ready=True,
        )
    document.refresh_from_db()
    assert document.issued and document.issued_at and document.public
    assert document.is_in_force


def test_a_double_click_returns_the_waiting_request(standard, drafter_a):
    first = request_standard_preview(actor=drafter_a, standard=standard)  # not yet committed
    second = request_standard_preview(actor=drafter_a, standard=standard)
    assert first.pk == second.pk
    assert Document.objects.count() == 1


def test_a_new_preview_supersedes_the_older_ones(
    standard, drafter_a, fake_render, django_capture_on_commit_callbacks
):
    fake_render()
    old = _request(standard, drafter_a, django_capture_on_commit_callbacks)
    new = _request(standard, drafter_a, django_capture_on_commit_callbacks)
    old.refresh_from_db()
    assert new.pk != old.pk
    assert old.superseded_by == new
    assert new.superseded_by is None


def test_drafter_of_another_agency_cannot_ask_for_a_preview(standard, drafter_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        request_standard_preview(actor=drafter_b, standard=standard)
    assert not Document.objects.exists()


# --- the sweeper and a broker that is down ---------------------------------------------


def _age(document, minutes):
    Document.objects.filter(pk=document.pk).update(
        last_activity_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_a_broker_down_at_request_time_loses_nothing(
    standard, drafter_a, fake_render, monkeypatch, django_capture_on_commit_callbacks
):
    render = fake_render()

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.render_document, "delay", broker_down)
    document = _request(standard, drafter_a, django_capture_on_commit_callbacks)
    assert document.status == DocumentStatus.PENDING  # the act succeeded; the job waits
    assert render.calls == 0

    monkeypatch.undo()
    monkeypatch.setattr(tasks, "render_document_pdf", render)
    assert tasks.sweep_stale_documents.delay().get() == 0  # not stale yet
    _age(document, 6)
    assert tasks.sweep_stale_documents.delay().get() == 1

    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert render.calls == 1


def test_the_sweeper_requeues_a_render_whose_worker_died(
    standard, agency_a, fake_render, django_capture_on_commit_callbacks
):
    render = fake_render()
    with django_capture_on_commit_callbacks(execute=False):
        document = document_request(
            kind=DocumentKind.STANDARD_PREVIEW, subject=standard, agency=agency_a, title="x"
        )
    jobs.claim(document.pk)  # rendering ... and the worker is killed
    _age(document, 10)

    assert tasks.sweep_stale_documents.delay().get() == 1
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.attempts == 2
    assert render.calls == 1


def test_the_sweeper_leaves_fresh_and_finished_jobs_alone(agency_a, standard, fake_render):
    render = fake_render()
    fresh = document_request(
        kind=DocumentKind.REPORT, subject=standard, agency=agency_a, title="baru"
    )
    done = make_ready_document(agency_a)
    _age(done, 60)
    assert tasks.sweep_stale_documents.delay().get() == 0
    fresh.refresh_from_db()
    assert fresh.status == DocumentStatus.PENDING
    assert render.calls == 0


def test_the_sweeper_fails_a_job_that_used_every_attempt(agency_a, standard, fake_render):
    fake_render()
    document = document_request(
        kind=DocumentKind.REPORT, subject=standard, agency=agency_a, title="x"
    )
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.RENDERING, attempts=MAX_ATTEMPTS
    )
    _age(document, 30)
    assert tasks.sweep_stale_documents.delay().get() == 0
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED


def test_backoff_grows_and_is_capped():
    assert 10 <= tasks.backoff(0) <= 12
    assert 40 <= tasks.backoff(2) <= 48
    assert tasks.backoff(20) <= tasks.BACKOFF_MAX * 1.2


def test_the_task_has_time_limits_and_late_acknowledgement():
    task = tasks.render_document
    assert task.acks_late and task.reject_on_worker_lost
    assert 0 < task.soft_time_limit < task.time_limit


def test_the_sweeper_is_on_the_beat_schedule(settings):
    entries = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "documents.tasks.sweep_stale_documents" in entries

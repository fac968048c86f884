"""The editor's "Buat pratinjau PDF" button: request, htmx status polling, download."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from documents.models import Document, DocumentStatus
from standards.documents import request_standard_preview

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _urls(standard):
    return {
        name: reverse(f"standards:standard-preview-{name}", args=[standard.pk])
        for name in ("request", "status", "download")
    }


def test_post_without_javascript_redirects_back_to_the_editor(client, drafter_a, standard):
    client.force_login(drafter_a)
    editor = reverse("standards:standard-detail", args=[standard.pk])

    response = client.post(_urls(standard)["request"], {"next": editor + "#pratinjau-pdf"})

    assert response.status_code == 302
    assert response["Location"] == editor + "#pratinjau-pdf"
    assert Document.objects.for_subject(standard).count() == 1


def test_an_outside_next_url_is_ignored(client, drafter_a, standard):
    client.force_login(drafter_a)
    response = client.post(_urls(standard)["request"], {"next": "https://evil.example/"})
    assert response["Location"].startswith(reverse("standards:standard-detail", args=[standard.pk]))


def test_htmx_post_returns_a_status_that_polls_until_ready(
    client, drafter_a, standard, django_capture_on_commit_callbacks
):
    client.force_login(drafter_a)
    urls = _urls(standard)

    # The request's transaction has not committed yet in this test: the job is pending.
    response = client.post(urls["request"], **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="{urls["status"]}"' in page
    assert "Sedang dibuat" in page

    document = Document.objects.for_subject(standard).get()
    from documents.services import enqueue_render

    enqueue_render(document.pk)  # what the commit would have done

    page = client.get(urls["status"], **HTMX).content.decode()
    assert "hx-trigger" not in page  # polling stops
    assert urls["download"] in page
    assert "Siap" in page

    download = client.get(urls["download"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_failed_render_stops_polling_and_says_so(client, drafter_a, standard):
    document = request_standard_preview(actor=drafter_a, standard=standard)
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED)
    client.force_login(drafter_a)
    page = client.get(_urls(standard)["status"], **HTMX).content.decode()
    assert "hx-trigger" not in page
    assert "gagal dibuat" in page


def test_status_without_javascript_is_a_page(client, drafter_a, standard):
    request_standard_preview(actor=drafter_a, standard=standard)
    client.force_login(drafter_a)
    response = client.get(_urls(standard)["status"])
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "Muat ulang status" in response.content.decode()


@pytest.mark.parametrize("persona", ["drafter_b", "secretariat", "reviewer"], indirect=True)
def test_only_drafters_of_the_agency_may_ask_for_a_preview(client, standard, persona):
    client.force_login(persona)
    response = client.post(_urls(standard)["request"])
    assert response.status_code == 404
    assert not Document.objects.exists()


def test_readers_follow_the_status_and_download_but_others_do_not(
    client, drafter_a, drafter_b, secretariat, standard
):
    request_standard_preview(actor=drafter_a, standard=standard)
    urls = _urls(standard)
    client.force_login(secretariat)
    assert client.get(urls["status"], **HTMX).status_code == 200
    assert client.get(urls["download"]).status_code == 404  # nothing ready yet
    client.force_login(drafter_b)
    assert client.get(urls["status"], **HTMX).status_code == 404


def test_preview_button_renders_the_form_and_current_status(drafter_a, standard):
    request = RequestFactory().get(reverse("standards:standard-detail", args=[standard.pk]))
    request.user = drafter_a
    html = render_to_string(
        "standards/_preview_button.html",
        {"standard": standard, "may_draft": True},
        request=request,
    )
    assert "Buat pratinjau PDF" in html
    assert f'action="{_urls(standard)["request"]}"' in html
    assert "Belum ada pratinjau PDF." in html

    html = render_to_string(
        "standards/_preview_button.html",
        {"standard": standard, "may_draft": False},
        request=request,
    )
    assert "Buat pratinjau PDF" not in html

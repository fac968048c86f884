"""Downloads: issued public documents for everyone; the others only for those who may
read the agency; always as an attachment with nosniff and a sandboxing CSP."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from documents.models import DocumentKind
from documents.services import document_issue
from tests.documents.conftest import make_ready_document

pytestmark = pytest.mark.django_db


def _download(client, document):
    return client.get(reverse("documents:download", args=[document.code]))


@pytest.fixture
def draft(agency_a, standard):
    return make_ready_document(agency_a, subject=standard, kind=DocumentKind.STANDARD_PREVIEW)


@pytest.fixture
def public_issued(agency_a):
    return document_issue(document=make_ready_document(agency_a, public=True))


@pytest.fixture
def private_issued(agency_a):
    return document_issue(document=make_ready_document(agency_a, public=False))


def _assert_served_safely(response, document):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.code in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == document.file.open("rb").read()


def test_anyone_downloads_an_issued_public_document(client, public_issued):
    _assert_served_safely(_download(client, public_issued), public_issued)


@pytest.mark.parametrize("which", ["draft", "private_issued"])
def test_anonymous_users_are_sent_to_log_in_for_the_others(client, request, which):
    document = request.getfixturevalue(which)
    response = _download(client, document)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("drafter_a", True),
        ("head_a", True),
        ("drafter_b", False),
        ("head_b", False),
        ("secretariat", True),
        ("reviewer", True),
        ("mayor_office", True),
        ("coordinator", False),
    ],
    indirect=["persona"],
)
def test_drafts_are_for_those_who_may_read_the_agency(client, draft, persona, allowed):
    client.force_login(persona)
    response = _download(client, draft)
    if allowed:
        _assert_served_safely(response, draft)
    else:
        assert response.status_code == 404


def test_a_document_not_yet_rendered_cannot_be_downloaded(client, drafter_a, standard, agency_a):
    from documents.services import document_request

    document = document_request(
        kind=DocumentKind.STANDARD_PREVIEW, subject=standard, agency=agency_a, title="x"
    )
    client.force_login(drafter_a)
    assert _download(client, document).status_code == 404


def test_files_live_in_a_private_folder_outside_any_url(public_issued):
    assert public_issued.file.name.startswith("private/documents/")
    assert settings.MEDIA_URL == "/media-not-served/"
    assert public_issued.code not in public_issued.file.name

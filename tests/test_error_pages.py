"""Error pages with DEBUG off (issue 17 point 6): Indonesian, in the site's layout, JSON
under /api/, and a 500 page that answers while the database is down."""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory

from bontang_sp import errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def _is_site_page(response, heading: str) -> str:
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert f'<h1 id="judul-galat">{heading}</h1>' in html
    assert 'class="site-header"' in html and "Pemerintah Kota Bontang" in html
    for english in ("Not Found", "Server Error", "Bad Request", "Forbidden"):
        assert english not in html
    return html


def test_404_is_indonesian_in_the_site_layout(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = _is_site_page(response, "Halaman tidak ditemukan")
    assert 'href="/"' in html


def test_404_of_an_unpublished_page_too(client):
    response = client.get("/pd/tidak-ada/layanan/apa-saja/")
    assert response.status_code == 404
    _is_site_page(response, "Halaman tidak ditemukan")


def test_404_under_api_is_json(client):
    response = client.get("/api/v1/tidak-ada/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "detail": errors.PAGES[404][1],
        "status": 404,
    }


def test_any_view_under_api_gets_json_errors():
    """Path-based: whichever framework serves /api/, Django's handlers answer in JSON."""
    request = RequestFactory().get("/api/v2/apa-saja/")
    for handler, status in (
        (errors.bad_request, 400),
        (errors.permission_denied, 403),
        (errors.page_not_found, 404),
    ):
        response = handler(request, Exception())
        assert response.status_code == status
        assert json.loads(response.content)["status"] == status
    assert json.loads(errors.server_error(request).content)["status"] == 500


def test_400_for_a_host_we_do_not_serve(client):
    response = client.get("/", HTTP_HOST="penipu.example")
    assert response.status_code == 400
    _is_site_page(response, "Permintaan tidak dapat diproses")


def test_403_for_a_form_without_its_token_explains_it():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/kelola/masuk/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = _is_site_page(response, "Akses ditolak")
    assert "Muat ulang halaman, lalu kirim lagi." in html


def test_403_page_from_a_refused_view():
    request = RequestFactory().get("/kelola/apa-saja/")
    request.user = AnonymousUser()
    response = errors.permission_denied(request, Exception())
    assert response.status_code == 403
    _is_site_page(response, "Akses ditolak")


def test_403_page_says_the_reason_it_was_given():
    from django.core.exceptions import PermissionDenied

    request = RequestFactory().get("/kelola/apa-saja/")
    request.user = AnonymousUser()
    response = errors.permission_denied(request, PermissionDenied("Hanya Kepala <PD>."))
    html = _is_site_page(response, "Akses ditolak")
    assert "Hanya Kepala &lt;PD&gt;." in html
    api = errors.permission_denied(RequestFactory().get("/api/v1/x/"), PermissionDenied("Tidak."))
    assert json.loads(api.content)["detail"] == "Tidak."


def _refuse(self, *args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


@contextmanager
def database_down():
    """Every query fails, as when PostgreSQL is stopped."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "_cursor", _refuse)
        yield


def test_500_with_the_database_down_on_the_portal():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/")
    assert response.status_code == 500
    _is_site_page(response, "Terjadi gangguan pada sistem")


def test_500_with_the_database_down_for_a_signed_in_official(drafter_a):
    client = Client(raise_request_exception=False)
    client.force_login(drafter_a)
    with database_down():
        response = client.get("/kelola/")
    assert response.status_code == 500
    _is_site_page(response, "Terjadi gangguan pada sistem")
    assert response["Cache-Control"] == "private, no-store"


def test_500_under_api_with_the_database_down_is_json():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/api/v1/pd/")
    assert response.status_code == 500
    assert json.loads(response.content)["status"] == 500


def test_the_500_page_reads_nothing(django_assert_num_queries):
    request = RequestFactory().get("/pd/disdukcapil/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    assert response.status_code == 500

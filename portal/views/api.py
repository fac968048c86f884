"""The open, read-only API under /api/v1/ on django-ninja: answers validated against the
schemas of `portal.schemas`, the OpenAPI 3.1 description generated from them
(`/api/v1/schema/`), a small documentation page, and the CSV/JSON downloads.

Every answer carries an ETag of the portal generation (published data changes only when a
decree comes into force or is revoked) and Cache-Control, so a client asks again cheaply.
Errors under /api/ are JSON `{"detail": ..., "status": ...}` (Indonesian), never HTML.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import condition, require_safe
from ninja import NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import Status
from pydantic import Field

from bontang_sp.errors import api_error
from maklumat.selectors import public_maklumat

from .. import api as data
from .. import public
from ..schemas import (
    AgencyDetail,
    AgencyPage,
    ApiError,
    ApiIndex,
    Maklumat,
    Standard,
    StandardList,
)

__all__ = ["open_api", "urlpatterns"]

logger = logging.getLogger(__name__)

MAX_AGE = 300
PAGE_SIZE = 100
MAX_PAGE_SIZE = 100  # a larger page_size is served at this size
NOT_FOUND = "Tidak ditemukan atau tidak berlaku."
SCHEMA_VERSION = "openapi-3"  # bump when the schema changes (its ETag)


class _Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


open_api = NinjaAPI(
    title="Standar Pelayanan Kota Bontang — API data terbuka",
    version="1.0.0",
    description=(
        "Data Standar Pelayanan yang berlaku (komponen penyampaian pelayanan, Pasal 9 "
        "ayat (1) Perwali Bontang 31/2018) dan Maklumat Pelayanan (Pasal 14 ayat (3)). "
        "Hanya baca; setiap jawaban membawa ETag dan Cache-Control."
    ),
    openapi_url=None,  # served by `schema` below, with its ETag
    docs_url=None,  # the documentation page needs no script (`docs`)
    urls_namespace="portal",
    renderer=_Renderer(),
    openapi_extra={"info": {"license": {"name": "Data terbuka Pemerintah Kota Bontang"}}},
)


# --- errors: JSON, in Indonesian ---------------------------------------------------------


def _error(request, status: int, detail: str, **extra) -> HttpResponse:
    """The shape of every error under /api/ (bontang_sp.errors.api_error)."""
    return open_api.create_response(
        request, {"detail": detail, "status": status, **extra}, status=status
    )


@open_api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, NOT_FOUND)


@open_api.exception_handler(NinjaValidationError)
def _bad_request(request, exc):
    fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors})
    return _error(request, 400, "Permintaan tidak valid.", fields=fields)


@open_api.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, exc.status_code, str(exc))


@open_api.exception_handler(Exception)
def _server_error(request, exc):
    logger.exception("open API error on %s", request.path)
    return _error(request, 500, "Terjadi kesalahan pada server. Silakan coba lagi.")


# --- ETag and Cache-Control --------------------------------------------------------------


def _etag(request, *args, **kwargs) -> str:
    return f"portal-{public.portal_generation()}"


def _maklumat_etag(request, agency_slug: str, **kwargs) -> str:
    # A Maklumat is set apart from decrees: its own version joins the generation.
    try:
        maklumat = public_maklumat(public.public_agency(agency_slug))
    except Http404:
        maklumat = None
    return f"portal-{public.portal_generation()}-m{maklumat.pk if maklumat else 0}"


def _cached_for_clients(etag_func: Callable = _etag) -> Callable:
    """ETag/If-None-Match (304) and Cache-Control on an operation's answers."""

    def decorator(run: Callable) -> Callable:
        @wraps(run)
        def wrapped(request, *args, **kwargs):
            response = run(request, *args, **kwargs)
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return condition(etag_func=etag_func)(wrapped)

    return decorator


def _get(route: str, name: str, *, etag: Callable = _etag, **options) -> Callable:
    """A GET operation named `portal:<name>` with the client cache headers."""

    def decorator(view: Callable) -> Callable:
        operation = open_api.get(route, url_name=name, operation_id=name, **options)
        return operation(decorate_view(_cached_for_clients(etag))(view))

    return decorator


_NOT_FOUND = {404: ApiError}


# --- operations --------------------------------------------------------------------------


@_get("/", "api-index", response=ApiIndex, include_in_schema=False, by_alias=True)
def index(request):
    return {
        "agencies": request.build_absolute_uri("pd/"),
        "standards_json": request.build_absolute_uri("standar.json"),
        "standards_csv": request.build_absolute_uri("standar.csv"),
        "schema": request.build_absolute_uri("schema/"),
    }


class PageQuery(Schema):
    page: int = Field(1, ge=1, description="Nomor halaman, mulai dari 1")
    page_size: int = Field(
        PAGE_SIZE, ge=1, description=f"Baris per halaman (paling banyak {MAX_PAGE_SIZE})"
    )


def _page_url(request, page: int, size: int) -> str:
    return request.build_absolute_uri(f"{request.path}?page={page}&page_size={size}")


@_get("/pd/", "api-agencies", response=AgencyPage, summary="Daftar Perangkat Daerah")
def agencies(request, query: Query[PageQuery]):
    rows = data.agencies()
    size = min(query.page_size, MAX_PAGE_SIZE)
    start = (query.page - 1) * size
    return {
        "count": len(rows),
        "page": query.page,
        "page_size": size,
        "next": _page_url(request, query.page + 1, size) if start + size < len(rows) else None,
        "previous": _page_url(request, query.page - 1, size) if query.page > 1 else None,
        "results": rows[start : start + size],
    }


@_get(
    "/pd/{slug:agency_slug}/",
    "api-agency",
    response={200: AgencyDetail, **_NOT_FOUND},
    summary="Satu Perangkat Daerah, kontak dan layanannya yang berlaku",
)
def agency(request, agency_slug: str):
    found = public.public_agency_with_count(agency_slug)
    return {
        **data.agency_data(found),
        "contacts": data.agency_contacts(found),
        "services": [
            {
                "slug": row.slug,
                "name": row.name,
                "kind": row.kind,
                "api_url": data.public_url("portal:api-service", found.slug, row.slug),
            }
            for row in public.agency_standards(found)
        ],
    }


@_get(
    "/pd/{slug:agency_slug}/maklumat/",
    "api-maklumat",
    etag=_maklumat_etag,
    response={200: Maklumat, **_NOT_FOUND},
    summary="Maklumat Pelayanan yang berlaku",
)
def maklumat(request, agency_slug: str):
    found = public.public_agency(agency_slug)
    answer = data.maklumat_data(found, public_maklumat(found))
    if answer is None:
        return Status(404, {"detail": "Maklumat belum ditetapkan.", "status": 404})
    return answer


@_get(
    "/pd/{slug:agency_slug}/layanan/{slug:service_slug}/",
    "api-service",
    response={200: Standard, **_NOT_FOUND},
    summary="Standar Pelayanan yang berlaku untuk satu layanan",
)
def service(request, agency_slug: str, service_slug: str):
    published = public.published_standard(agency_slug, service_slug)
    agency = published.agency
    row = public.PublishedRow(
        published.standard_id, service_slug, agency["slug"], agency["name"], published.content
    )
    return data.published_standard_data(row)


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@_get(
    "/standar.json",
    "api-standards-json",
    response=StandardList,
    summary="Unduh semua Standar Pelayanan yang berlaku (JSON)",
)
def standards_json(request, response: HttpResponse):
    _download(response, "standar-pelayanan-bontang.json")
    answer = public.cached("api:standards.json", data.published_standards)
    return {"results": answer}


@_get(
    "/standar.csv",
    "api-standards-csv",
    summary="Unduh semua Standar Pelayanan yang berlaku (CSV)",
    description="Sel yang diawali = + - @ tab atau CR diberi awalan ' .",
    openapi_extra={
        "responses": {
            200: {
                "description": "OK",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def standards_csv(request):
    text = public.cached(
        "api:standards.csv", lambda: data.standards_csv(data.published_standards())
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    return _download(response, "standar-pelayanan-bontang.csv")


def openapi_schema() -> dict:
    """The OpenAPI 3.1 description, generated from the operations and schemas."""
    schema = open_api.get_openapi_schema(path_prefix="/api/v1/")
    return json.loads(json.dumps(schema, cls=_Renderer.encoder_class))  # plain JSON keys


@_get(
    "/schema/", "api-schema", etag=lambda request, **kw: SCHEMA_VERSION, summary="Skema OpenAPI ini"
)
def schema(request):
    return openapi_schema()


# --- outside ninja: the documentation page and unknown paths -----------------------------


@login_not_required
@require_safe
def docs(request):
    """A readable page of the schema (no script: the CSP allows none from elsewhere)."""
    return render(request, "portal/api_docs.html", {"schema": openapi_schema()})


@login_not_required
def unknown(request, rest: str = ""):
    return api_error(404)


def _public(patterns: list) -> list:
    """Ninja's URL patterns, open without login (the API is public and read-only)."""
    for pattern in patterns:
        login_not_required(pattern.callback)
    return patterns


urlpatterns = [
    path("api/v1/docs/", docs, name="api-docs"),
    path("api/v1/", include(_public(open_api.urls[0]))),
    # Last: any other path under /api/ answers a JSON 404, not the site's HTML page.
    path("api/<path:rest>", unknown, name="api-unknown"),
]

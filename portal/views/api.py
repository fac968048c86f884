"""The open, read-only API under /api/v1/ (plain Django views answering JSON), its
OpenAPI 3 schema and a small documentation page, and the CSV/JSON downloads.

Every answer carries an ETag of the portal generation (published data changes only when a
decree comes into force or is revoked) and Cache-Control, so a client asks again cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import condition, require_safe

from maklumat.selectors import public_maklumat

from .. import api, public
from ..openapi import SCHEMA

__all__ = ["urlpatterns"]

MAX_AGE = 300


def _etag(request, *args, **kwargs) -> str:
    return f"portal-{public.portal_generation()}"


def _maklumat_etag(request, agency_slug: str) -> str:
    # A Maklumat is set apart from decrees: its own version joins the generation.
    agency = public.public_agency(agency_slug)
    maklumat = public_maklumat(agency)
    return f"portal-{public.portal_generation()}-m{maklumat.pk if maklumat else 0}"


def open_data(etag_func: Callable = _etag) -> Callable:
    """Public, GET only, with ETag/If-None-Match and Cache-Control."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return login_not_required(require_safe(condition(etag_func=etag_func)(wrapped)))

    return decorator


def _json(data) -> JsonResponse:
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


@open_data()
def index(request):
    return _json(
        {
            "agencies": request.build_absolute_uri("pd/"),
            "standards_json": request.build_absolute_uri("standar.json"),
            "standards_csv": request.build_absolute_uri("standar.csv"),
            "schema": request.build_absolute_uri("schema/"),
        }
    )


@open_data()
def agencies(request):
    return _json({"results": api.agencies()})


@open_data()
def agency(request, agency_slug: str):
    found = public.public_agency(agency_slug)
    standards = public.agency_standards(found)
    return _json(
        {
            **api.agency_data(found),
            "contacts": api.agency_contacts(found),
            "services": [
                {
                    "slug": s.service.slug,
                    "name": s.service.name,
                    "kind": s.service.kind,
                    "api_url": api.public_url("portal:api-service", found.slug, s.service.slug),
                }
                for s in standards
            ],
        }
    )


@open_data()
def service(request, agency_slug: str, service_slug: str):
    found = public.public_agency(agency_slug)
    return _json(api.standard_data(public.public_standard(found, service_slug)))


@open_data(_maklumat_etag)
def maklumat(request, agency_slug: str):
    found = public.public_agency(agency_slug)
    data = api.maklumat_data(found, public_maklumat(found))
    if data is None:
        return JsonResponse({"detail": "Maklumat belum ditetapkan."}, status=404)
    return _json(data)


@open_data()
def standards_json(request):
    data = public.cached(
        "api:standards.json", lambda: list(map(api.standard_data, api.in_force_standards()))
    )
    response = _json({"results": data})
    response["Content-Disposition"] = 'attachment; filename="standar-pelayanan-bontang.json"'
    return response


@open_data()
def standards_csv(request):
    text = public.cached("api:standards.csv", lambda: api.standards_csv(api.in_force_standards()))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="standar-pelayanan-bontang.csv"'
    return response


@open_data(lambda request: "openapi-1")
def schema(request):
    return _json(SCHEMA)


@login_not_required
@require_safe
def docs(request):
    """A readable page of the schema (no script: the CSP allows none from elsewhere)."""
    return render(request, "portal/api_docs.html", {"schema": SCHEMA})


urlpatterns = [
    path("api/v1/", index, name="api-index"),
    path("api/v1/pd/", agencies, name="api-agencies"),
    path("api/v1/pd/<slug:agency_slug>/", agency, name="api-agency"),
    path("api/v1/pd/<slug:agency_slug>/maklumat/", maklumat, name="api-maklumat"),
    path(
        "api/v1/pd/<slug:agency_slug>/layanan/<slug:service_slug>/",
        service,
        name="api-service",
    ),
    path("api/v1/standar.json", standards_json, name="api-standards-json"),
    path("api/v1/standar.csv", standards_csv, name="api-standards-csv"),
    path("api/v1/schema/", schema, name="api-schema"),
    path("api/v1/docs/", docs, name="api-docs"),
]

"""The public portal (Pasal 9, Pasal 14 ayat (3)): home and search, an agency's page, a
standard in force, what changed between versions, and the embed for agency websites.

No login, no cookies: nothing here reads the session or renders a CSRF token, so a page
is the same for everyone and is cached whole (`portal.public.cached`) until a decree
comes into force or is revoked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.urls import path
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from bontang_sp.jinja2 import request_url
from standards import diff
from standards.models import ServiceKind

from .. import public, search

__all__ = ["urlpatterns"]

BROWSER_MAX_AGE = 60  # seconds a browser may reuse a page before asking again
SEARCH_PARAMS = ("q", "pd", "jenis", "halaman")


def _query_key(params: tuple[str, ...], query_string: str, encoding: str | None) -> str:
    """The named parameters of a query string, in their order and cut to 100 characters,
    as request.GET has them (a page's cache key). A query asked again (a popular search)
    is not parsed again: parsing cost a fifth of a cache hit."""
    if not params:
        return ""
    if len(query_string) > QUERY_KEYS_REMEMBERED_LENGTH:
        return _parsed_query_key(params, query_string, encoding)
    return _remembered_query_key(params, query_string, encoding)


def _parsed_query_key(params: tuple[str, ...], query_string: str, encoding: str | None) -> str:
    query = QueryDict(query_string.encode("iso-8859-1"), encoding=encoding)  # as WSGIRequest.GET
    return urlencode([(p, query.get(p, "")[:100]) for p in params])


QUERY_KEYS_REMEMBERED_LENGTH = 300  # longer query strings are parsed each time
_remembered_query_key = lru_cache(maxsize=1024)(_parsed_query_key)


def portal_page(*params: str) -> Callable:
    """Serve the view's 200 responses from the portal cache, keyed by path and the named
    query parameters (any other parameter is ignored, so it cannot fill the cache)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            query = _query_key(params, request.META.get("QUERY_STRING", ""), request.encoding)
            key = f"page:{request.path}?{query}"
            state = {"hit": True}

            def produce() -> tuple[int, bytes, str]:
                state["hit"] = False
                response = view(request, *args, **kwargs)
                return response.status_code, response.content, response["Content-Type"]

            status, content, content_type = public.cached(key, produce)
            response = HttpResponse(content, status=status, content_type=content_type)
            response["Cache-Control"] = f"public, max-age={BROWSER_MAX_AGE}"
            response["X-Portal-Cache"] = "hit" if state["hit"] else "miss"
            return response

        return login_not_required(require_safe(wrapped))

    return decorator


def _absolute(path_: str) -> str:
    return settings.SITE_URL + path_


def _page(request, template: str, context: dict, *, using: str = "jinja2") -> HttpResponse:
    """The page rendered by the portal's Jinja2 templates (the embed: a Django template);
    named, so the Django engine listed first is not searched for it in vain first."""
    context = {"canonical_url": _absolute(request.path), **context}
    if using == "jinja2":
        context["url"] = request_url()
    return HttpResponse(render_to_string(template, context, using=using))


@portal_page()
def home(request):
    """`/`: search box and the Perangkat Daerah with how many standards are in force."""
    agencies = list(public.agencies_with_counts())
    return _page(
        request,
        "portal/home.html",
        {
            "agencies": agencies,
            "total_in_force": sum(a.in_force_count for a in agencies),
            "kinds": ServiceKind.choices,
            "query": "",
        },
    )


@portal_page(*SEARCH_PARAMS)
def search_results(request):
    """`/cari/`: standards in force across agencies, filtered by agency and kind."""
    query = request.GET.get("q", "")[: search.MAX_QUERY]
    agency_slug = request.GET.get("pd", "")[:80]
    kind = request.GET.get("jenis", "")
    page = search.search_standards(
        query, agency_slug=agency_slug, kind=kind, page=request.GET.get("halaman", 1)
    )
    base_query = urlencode({"q": query, "pd": agency_slug, "jenis": kind})
    return _page(
        request,
        "portal/search.html",
        {
            "query": query,
            "agency_slug": agency_slug,
            "kind": kind,
            "kinds": ServiceKind.choices,
            "agencies": list(public.agencies_with_counts().filter(in_force_count__gt=0)),
            "page": page,
            "hits": search.hits(page, query),
            "max_results": search.MAX_RESULTS,
            "base_query": base_query,
        },
    )


@portal_page()
def agency_detail(request, agency_slug: str):
    """`/pd/<agency>/`: its services in force, its Maklumat, its contacts (Pasal 9 ayat (2))."""
    page = public.agency_page(agency_slug)
    return _page(
        request,
        "portal/agency.html",
        {
            "agency": page.agency,
            "rows": page.rows,
            "has_maklumat": page.has_maklumat,
            # No empty "Kontak" card when the agency recorded none (issue 18 point 7).
            "has_contacts": page.has_contacts,
            "survey": page.survey,
        },
    )


@portal_page()
def service_detail(request, agency_slug: str, service_slug: str):
    """`/pd/<agency>/layanan/<service>/`: the standard in force (Pasal 9 ayat (1)), from its
    publication (portal.publication): the parts rendered when it was written, joined with
    what changes after the act."""
    published = public.published_page(agency_slug, service_slug)
    return _page(
        request,
        "portal/service.html",
        {
            "agency": published.agency,
            "standard": published,
            "p": published.page,
            "service": published.page["service"],
            "body": published.body,
            "survey": published.survey,
            "service_slug": service_slug,
        },
    )


@portal_page()
def service_changes(request, agency_slug: str, service_slug: str, version: int):
    """What changed in `version` against the version it replaced: delivery components only."""
    agency = public.public_agency(agency_slug)
    current = public.public_standard(agency, service_slug)
    old, new = public.standard_for_diff(current, version)
    return _page(
        request,
        "portal/changes.html",
        {
            "agency": agency,
            "service": current.service,
            "current": current,
            "older": old,
            "newer": new,
            "comparison": diff.public_diff(old, new),
        },
    )


@csp_replace({"frame-ancestors": ["*"]})
@xframe_options_exempt
@portal_page()
def embed_agency(request, agency_slug: str):
    """`/embed/pd/<agency>/`: a compact list for an iframe on the agency's own website
    (Pasal 9 ayat (2)). Framing is allowed here only; links open the portal on top."""
    agency = public.public_agency(agency_slug)
    standards = public.agency_standards(agency)
    return _page(
        request,
        "portal/embed.html",
        {
            "agency": agency,
            "rows": standards,
            "site_url": settings.SITE_URL,
        },
        using="django",
    )


urlpatterns = [
    path("cari/", search_results, name="public-search"),
    path("pd/<slug:agency_slug>/", agency_detail, name="public-agency"),
    path(
        "pd/<slug:agency_slug>/layanan/<slug:service_slug>/",
        service_detail,
        name="public-service",
    ),
    path(
        "pd/<slug:agency_slug>/layanan/<slug:service_slug>/perubahan/<int:version>/",
        service_changes,
        name="public-changes",
    ),
    path("embed/pd/<slug:agency_slug>/", embed_agency, name="public-embed"),
]

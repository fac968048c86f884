"""Search across every agency's standards in force: service names, requirements, products.

On PostgreSQL: full-text search with the `indonesian` configuration (Snowball stemmer);
elsewhere (SQLite in development) a case-insensitive substring match of every word.
Only `ServiceStandard.objects.in_force()` is searched (Pasal 9 ayat (1)), by what its
publication says (the service's name, description and kind as set; the requirements and
the product are rows of the version, frozen with it), so the results agree with the page.

Highlights are built from escaped pieces (`escape`, `format_html`), never by marking the
citizen's text safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import FilteredRelation, Prefetch, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from standards.models import (
    ComponentKind,
    Requirement,
    ServiceKind,
    ServiceStandard,
    StandardComponent,
)

__all__ = ["PAGE_SIZE", "SearchHit", "highlight", "hits", "query_terms", "search_standards"]

PAGE_SIZE = 20
MAX_QUERY = 100
MAX_TERMS = 8
SNIPPET = 160


# The service as published (portal.publication): name, description and kind as set.
PUBLISHED_NAME = "publication__content__service__name"
PUBLISHED_KIND = "publication__content__service__kind"


def published(key: str) -> KeyTextTransform:
    """The text of `content["service"][key]` of the standard's publication."""
    return KeyTextTransform(key, KeyTransform("service", "publication__content"))


def query_terms(query: str) -> list[str]:
    """The words of a query (at most MAX_TERMS, each at least 2 characters)."""
    words = re.findall(r"\w+", (query or "")[:MAX_QUERY])
    return [w for w in words if len(w) >= 2][:MAX_TERMS]


def _fulltext(base: QuerySet, query: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchVector

    config = "indonesian"
    document = (
        SearchVector(published("name"), weight="A", config=config)
        + SearchVector(published("description"), weight="C", config=config)
        + SearchVector("requirements__description", weight="B", config=config)
        + SearchVector("product__text", weight="B", config=config)
    )
    matching = (
        base.annotate(
            product=FilteredRelation("components", condition=Q(components__kind="product")),
            document=document,
        )
        .filter(document=SearchQuery(query, config=config, search_type="websearch"))
        .values("pk")
    )
    return base.filter(pk__in=matching)


def _substring(base: QuerySet, terms: list[str]) -> QuerySet:
    matching = base
    for term in terms:
        matching = matching.filter(
            Q(**{PUBLISHED_NAME + "__icontains": term})
            | Q(requirements__description__icontains=term)
            | Q(components__kind=ComponentKind.PRODUCT, components__text__icontains=term)
        )
    return base.filter(pk__in=matching.values("pk"))


def search_standards(
    query: str, *, agency_slug: str = "", kind: str = "", page: int | str = 1
) -> Page:
    """A page of standards in force matching `query` (all of them when it is empty),
    optionally of one agency and one kind of service, by agency and service name.
    The page's standards carry `requirements` and `product_components` prefetched, and
    `published_name` and `published_kind_label` from their publication."""
    base = ServiceStandard.objects.in_force()
    if agency_slug:
        base = base.filter(service__agency__slug=agency_slug)
    if kind in ServiceKind.values:
        base = base.filter(**{PUBLISHED_KIND: kind})
    terms = query_terms(query)
    if terms:
        if connection.vendor == "postgresql":
            base = _fulltext(base, " ".join(terms))
        else:
            base = _substring(base, terms)
    results = (
        base.select_related("service__agency")
        .annotate(
            published_name=published("name"),
            published_kind_label=published("kind_label"),
        )
        .prefetch_related(
            Prefetch(
                "requirements", queryset=Requirement.objects.only("standard_id", "description")
            ),
            Prefetch(
                "components",
                queryset=StandardComponent.objects.filter(kind=ComponentKind.PRODUCT),
                to_attr="product_components",
            ),
        )
        .order_by("service__agency__name", "published_name")
    )
    return Paginator(results, PAGE_SIZE).get_page(page)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of a term wrapped in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out = SafeString("")
    last = 0
    for match in pattern.finditer(text):
        out += escape(text[last : match.start()])
        out += format_html("<mark>{}</mark>", match.group(0))
        last = match.end()
    return out + escape(text[last:])


def _excerpt(text: str, terms: list[str]) -> str:
    """About SNIPPET characters of `text` around its first match."""
    if len(text) <= SNIPPET:
        return text
    lowered = text.lower()
    positions = [lowered.find(t.lower()) for t in terms if t.lower() in lowered]
    start = max(0, min(positions) - SNIPPET // 3) if positions else 0
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


@dataclass(frozen=True)
class SearchHit:
    standard: ServiceStandard
    title: SafeString
    matched_label: str
    matched_text: SafeString


def hits(page: Page, query: str) -> list[SearchHit]:
    """The page's standards with their name highlighted and the first requirement or
    product that matched, so a citizen sees why a service was found."""
    from django.utils.translation import gettext as _

    terms = query_terms(query)
    found: list[SearchHit] = []
    for standard in page.object_list:
        label, text = "", ""
        candidates = [(_("Persyaratan"), r.description) for r in standard.requirements.all()]
        candidates += [(_("Produk"), c.text) for c in standard.product_components]
        for candidate_label, candidate in candidates:
            if any(t.lower() in candidate.lower() for t in terms):
                label, text = candidate_label, _excerpt(candidate, terms)
                break
        found.append(
            SearchHit(
                standard=standard,
                title=highlight(standard.published_name or "", terms),
                matched_label=label,
                matched_text=highlight(text, terms) if text else SafeString(""),
            )
        )
    return found

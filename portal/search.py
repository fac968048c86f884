"""Search across every agency's standards in force: service names, requirements, products.

On PostgreSQL: full-text search with the `indonesian` configuration (Snowball stemmer)
and trigram word similarity (pg_trgm) for typos in service names, requirements and
products on GIN indexes (docs/decisions/0012); elsewhere (SQLite in development) a
case-insensitive substring match of every word, and typos in names matched in Python.
Either way a match in the service's name ranks first.
Only `ServiceStandard.objects.in_force()` is searched (Pasal 9 ayat (1)), by what its
publication says (the service's name and kind as set; the requirements and the product
are rows of the version, frozen with it), so the results agree with the page.

Highlights are built from escaped pieces (`escape`, `format_html`), never by marking the
citizen's text safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Func, Prefetch, Q, QuerySet, TextField
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, Length
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from standards.models import (
    ComponentKind,
    Requirement,
    ServiceKind,
    ServiceStandard,
    StandardComponent,
)

__all__ = [
    "MAX_RESULTS",
    "PAGE_SIZE",
    "SearchHit",
    "highlight",
    "hits",
    "query_terms",
    "search_standards",
]

PAGE_SIZE = 20
MAX_QUERY = 100
MAX_TERMS = 8
MAX_RESULTS = 1000  # counted; a citizen refines the query long before
SNIPPET = 160
WORD_SIMILARITY = 0.5  # pg_trgm's default of 0.6 misses two typos in two words
CONFIG = "indonesian"  # PostgreSQL's Snowball stemmer for Indonesian


# The service as published (portal.publication): name, description and kind as set, so the
# results agree with the page until a new decree (Pasal 9 ayat (1)).


def published(key: str) -> KeyTextTransform:
    """The text of `content["service"][key]` of the standard's publication."""
    return KeyTextTransform(key, KeyTransform("service", "publication__content"))


def _as_published(key: str, column: str) -> Coalesce:
    """The published value, or the row's own while a standard's publication is not yet
    written (`manage.py publish_standards` writes the missing ones)."""
    return Coalesce(published(key), F(column), output_field=TextField())


def query_terms(query: str) -> list[str]:
    """The words of a query (at most MAX_TERMS, each at least 2 characters)."""
    words = re.findall(r"\w+", (query or "")[:MAX_QUERY])
    return [w for w in words if len(w) >= 2][:MAX_TERMS]


# Each expression on a column is the one its GIN index is built on (migration
# 0002_search_indexes); the published name is read from the publication's JSON.
def _vector(expression) -> Func:
    from django.contrib.postgres.search import SearchVectorField

    return Func(
        F(expression) if isinstance(expression, str) else expression,
        template=f"to_tsvector('{CONFIG}'::regconfig, %(expressions)s)",
        output_field=SearchVectorField(),
    )


def _postgres_tiers(base: QuerySet, terms: list[str], typos: bool) -> tuple[QuerySet, QuerySet]:
    """(matches in the service's name, matches only in a requirement or the product): every
    word of the query, stemmed by the `indonesian` configuration; with `typos`, names by
    trigram word similarity (pg_trgm). Each starts from its GIN index."""
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchQuery

    text = " ".join(terms)
    if typos:
        with connection.cursor() as cursor:  # "akte kelahran" in "Penerbitan Akta Kelahiran": 0.56
            cursor.execute("SET pg_trgm.word_similarity_threshold = %s", [WORD_SIMILARITY])
        return base.filter(TrigramWordSimilar(F("published_name"), text)), base.none()
    query = SearchQuery(text, config=CONFIG)
    named = base.annotate(v=_vector("published_name")).filter(v=query)
    required = Requirement.objects.order_by().annotate(v=_vector("description"))
    produced = StandardComponent.objects.order_by().filter(kind=ComponentKind.PRODUCT)
    produced = produced.annotate(v=_vector("text"))
    found = (
        required.filter(v=query)
        .values("standard_id")
        .union(produced.filter(v=query).values("standard_id"))
    )
    others = base.filter(pk__in=found).exclude(pk__in=named.order_by().values("pk"))
    return named, others


def _similar(word: str, candidate: str) -> bool:
    """A word of the query matches a word of a name with a typo or two (SQLite's stand-in
    for pg_trgm): the name's word begins with it, or they start alike and are close."""
    if candidate.startswith(word):
        return True
    return word[:1] == candidate[:1] and SequenceMatcher(None, word, candidate).ratio() >= 0.75


def _substring_tiers(base: QuerySet, terms: list[str], typos: bool) -> tuple[QuerySet, QuerySet]:
    """Substrings of every word (in the name, a requirement or the product); with `typos`,
    names matched word by word in Python over the names in force (a city's few hundred,
    on the development database)."""
    if typos:
        words = [t.lower() for t in terms]
        named = Q(
            pk__in=[
                pk
                for pk, name in base.values_list("pk", "published_name")
                if all(any(_similar(w, n) for n in re.findall(r"\w+", name.lower())) for w in words)
            ]
        )
        return base.filter(named), base.none()
    named, found = Q(), base
    for term in terms:
        named &= Q(published_name__icontains=term)
        found = found.filter(
            Q(published_name__icontains=term)
            | Q(requirements__description__icontains=term)
            | Q(components__kind=ComponentKind.PRODUCT, components__text__icontains=term)
        )
    return base.filter(named), base.filter(pk__in=found.values("pk")).exclude(named)


class RankedResults:
    """For a Paginator: the matches in the service's name (ranked first), then those only
    in a requirement or the product, each tier sorted on its own (a shorter name before a
    longer one) and read as ids once, at most MAX_RESULTS; a page reads its own rows."""

    def __init__(self, named: QuerySet, others: QuerySet, rows: QuerySet) -> None:
        self.tiers, self.rows = (named, others), rows

    @cached_property
    def ids(self) -> list[int]:
        ids: list[int] = []
        for tier in self.tiers:
            if len(ids) < MAX_RESULTS:
                ids += tier.values_list("pk", flat=True)[: MAX_RESULTS - len(ids)]
        return ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, window: slice) -> list[ServiceStandard]:
        ids = self.ids[window]
        found = self.rows.in_bulk(ids)
        return [found[pk] for pk in ids]


def _ranked(base: QuerySet, terms: list[str], typos: bool) -> RankedResults:
    tiers = _postgres_tiers if connection.vendor == "postgresql" else _substring_tiers
    shortest = ("name_length", "service__agency__name", "published_name", "pk")
    named, others = (
        t.annotate(name_length=Length("published_name")).order_by(*shortest)
        for t in tiers(base, terms, typos)
    )
    return RankedResults(named, others, _with_rows(ServiceStandard.objects.all()))


def _with_rows(standards: QuerySet) -> QuerySet:
    """With what the results page shows: agency, the published name and kind,
    requirements and products."""
    standards = standards.annotate(
        published_name=_as_published("name", "service__name"),
        published_kind_label=published("kind_label"),
    )
    return standards.select_related("service__agency").prefetch_related(
        Prefetch("requirements", queryset=Requirement.objects.only("standard_id", "description")),
        Prefetch(
            "components",
            queryset=StandardComponent.objects.filter(kind=ComponentKind.PRODUCT),
            to_attr="product_components",
        ),
    )


def search_standards(
    query: str, *, agency_slug: str = "", kind: str = "", page: int | str = 1
) -> Page:
    """A page of standards in force matching `query`, best first (a match in the
    service's name, then in a requirement or the product; all standards by agency and
    service name when it is empty), optionally of one agency and one kind of service.
    When no standard has the query's words, service names with typos are looked for
    ("akte kelahran" finds Akta Kelahiran). Names and kinds are those published. The
    page's standards carry `requirements` and `product_components` prefetched, and
    `published_name` and `published_kind_label` from their publication."""
    base = ServiceStandard.objects.in_force().annotate(
        published_name=_as_published("name", "service__name"),
        published_kind=_as_published("kind", "service__kind"),
    )
    if agency_slug:
        base = base.filter(service__agency__slug=agency_slug)
    if kind in ServiceKind.values:
        base = base.filter(published_kind=kind)
    terms = query_terms(query)
    if not terms:
        everything = _with_rows(base).order_by("service__agency__name", "published_name", "pk")
        return Paginator(everything, PAGE_SIZE).get_page(page)
    paginator = Paginator(_ranked(base, terms, typos=False), PAGE_SIZE)
    if paginator.count == 0:
        paginator = Paginator(_ranked(base, terms, typos=True), PAGE_SIZE)
    return paginator.get_page(page)


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

"""Search across every agency's standards in force: service names, requirements, products.

The search reads one narrow table, `SearchEntry` (portal.search_index): a row per standard
in force as its publication says (Pasal 9 ayat (1)), so the results agree with the page.
On PostgreSQL: full-text search with the `indonesian` configuration (Snowball stemmer) on
the entries' stored vectors, and trigram word similarity (pg_trgm) for typos in names, all
from GIN indexes (docs/decisions/0012); elsewhere (SQLite in development) a
case-insensitive substring match of every word, and typos in names matched in Python.
Either way a match in the service's name ranks first, and a page reads its own rows
through `ServiceStandard.objects.in_force()`.

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
from django.db.models import F, Q, QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from agencies.models import Agency
from standards.models import ServiceKind, ServiceStandard

from .models import SearchEntry
from .search_index import CONFIG

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
# The order within a tier, read from the index `search_rank`: a shorter name first.
RANK = ("name_length", "agency_name", "name", "standard_id")
LISTING = ("agency_name", "name", "standard_id")  # no query: by agency, then name


def query_terms(query: str) -> list[str]:
    """The words of a query (at most MAX_TERMS, each at least 2 characters)."""
    words = re.findall(r"\w+", (query or "")[:MAX_QUERY])
    return [w for w in words if len(w) >= 2][:MAX_TERMS]


def _postgres_tiers(entries: QuerySet, terms: list[str], typos: bool) -> list[QuerySet]:
    """[matches in the service's name, matches of every word in the name, requirements and
    product together but not in the name alone]: every word of the query, stemmed by the
    `indonesian` configuration; with `typos`, names by trigram word similarity (pg_trgm).
    Each starts from its GIN index."""
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchQuery

    text = " ".join(terms)
    if typos:
        with connection.cursor() as cursor:  # "akte kelahran" in "Penerbitan Akta Kelahiran": 0.56
            cursor.execute("SET pg_trgm.word_similarity_threshold = %s", [WORD_SIMILARITY])
        return [entries.filter(TrigramWordSimilar(F("name"), text))]
    query = SearchQuery(text, config=CONFIG)
    return [
        entries.filter(name_vector=query),
        entries.filter(text_vector=query).exclude(name_vector=query),
    ]


def _similar(word: str, candidate: str) -> bool:
    """A word of the query matches a word of a name with a typo or two (SQLite's stand-in
    for pg_trgm): the name's word begins with it, or they start alike and are close."""
    if candidate.startswith(word):
        return True
    return word[:1] == candidate[:1] and SequenceMatcher(None, word, candidate).ratio() >= 0.75


def _substring_tiers(entries: QuerySet, terms: list[str], typos: bool) -> list[QuerySet]:
    """Substrings of every word (in the name; in the name, requirements and product);
    with `typos`, names matched word by word in Python over the names in force (a city's
    few hundred, on the development database)."""
    if typos:
        words = [t.lower() for t in terms]
        named = [
            pk
            for pk, name in entries.values_list("pk", "name")
            if all(any(_similar(w, n) for n in re.findall(r"\w+", name.lower())) for w in words)
        ]
        return [entries.filter(pk__in=named)]
    named, found = Q(), Q()
    for term in terms:
        named &= Q(name__icontains=term)
        found &= (
            Q(name__icontains=term) | Q(requirements__icontains=term) | Q(product__icontains=term)
        )
    return [entries.filter(named), entries.filter(found).exclude(named)]


class RankedResults:
    """For a Paginator: the tiers in order (a match in the service's name first), each
    read in its own order from an index as ids once, at most MAX_RESULTS in all; a page
    reads its own rows."""

    def __init__(self, tiers: list[QuerySet]) -> None:
        self.tiers = tiers

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
        """The window's standards, with their service and agency, and the entry's
        `published_name` and `published_kind_label`; read through `in_force()`, so an
        entry left behind by a bug never shows a standard not in force."""
        ids = self.ids[window]
        rows = ServiceStandard.objects.in_force().select_related("service__agency", "search_entry")
        found = rows.in_bulk(ids)
        page = [found[pk] for pk in ids if pk in found]
        for standard in page:
            standard.published_name = standard.search_entry.name
            standard.published_kind_label = standard.search_entry.kind_label
        return page


def _entries(agency_slug: str, kind: str) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    if agency_slug:  # the agency's id first (one row by its unique slug), then its entries
        entries = entries.filter(agency_id__in=Agency.objects.filter(slug=agency_slug).values("pk"))
    if kind in ServiceKind.values:
        entries = entries.filter(kind=kind)
    return entries


def search_standards(
    query: str, *, agency_slug: str = "", kind: str = "", page: int | str = 1
) -> Page:
    """A page of standards in force matching `query`, best first (a match in the
    service's name, then in a requirement or the product; all standards by agency and
    service name when it is empty), optionally of one agency and one kind of service.
    When no standard has the query's words, service names with typos are looked for
    ("akte kelahran" finds Akta Kelahiran). Names and kinds are those published. The
    page's standards carry `search_entry` (its `requirements`, one per line, and
    `product`), and `published_name` and `published_kind_label`."""
    entries = _entries(agency_slug, kind)
    terms = query_terms(query)
    if not terms:
        return Paginator(RankedResults([entries.order_by(*LISTING)]), PAGE_SIZE).get_page(page)
    tiers = _postgres_tiers if connection.vendor == "postgresql" else _substring_tiers
    paginator = Paginator(
        RankedResults([t.order_by(*RANK) for t in tiers(entries, terms, False)]), PAGE_SIZE
    )
    if paginator.count == 0:
        found = RankedResults([t.order_by(*RANK) for t in tiers(entries, terms, True)])
        paginator = Paginator(found, PAGE_SIZE)
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
        entry = standard.search_entry
        candidates = [(_("Persyaratan"), r) for r in entry.requirements.splitlines()]
        candidates += [(_("Produk"), entry.product)] if entry.product else []
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

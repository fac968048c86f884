"""Search across every agency's standards in force: service names, requirements, products.

The search reads one narrow table, `SearchEntry` (portal.search_index): a row per standard
in force as its publication says (Pasal 9 ayat (1)), so the results agree with the page.
On PostgreSQL: full-text search with the `indonesian` configuration (Snowball stemmer) on
the entries' stored vectors from GIN indexes (docs/decisions/0012); elsewhere (SQLite in
development) a case-insensitive substring match of every word. A query that finds nothing
is tried again with its words replaced by the closest words of service names
(`SearchWord`: by trigram similarity, pg_trgm, or in Python on SQLite).
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
from django.db.models import Q, QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from agencies.models import Agency
from standards.models import ServiceKind, ServiceStandard

from .models import SearchEntry, SearchWord
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
# The order within a tier, read from the index `search_rank`: a shorter name first.
RANK = ("name_length", "agency_name", "name", "standard_id")
LISTING = ("agency_name", "name", "standard_id")  # no query: by agency, then name


def query_terms(query: str) -> list[str]:
    """The words of a query (at most MAX_TERMS, each at least 2 characters)."""
    words = re.findall(r"\w+", (query or "")[:MAX_QUERY])
    return [w for w in words if len(w) >= 2][:MAX_TERMS]


Alternatives = list[list[str]]  # for each word of the query, the words it may stand for
Tiers = tuple[list[QuerySet], QuerySet]  # the tiers in order, and all of them together


def _tsquery(alternatives: Alternatives):
    from django.contrib.postgres.search import SearchQuery

    if all(len(words) == 1 for words in alternatives):
        return SearchQuery(" ".join(w for (w,) in alternatives), config=CONFIG)
    query = None
    for words in alternatives:
        either = None
        for word in words:
            one = SearchQuery(word, config=CONFIG)
            either = one if either is None else either | one
        query = either if query is None else query & either
    return query


def _postgres_tiers(entries: QuerySet, alternatives: Alternatives, names_only: bool) -> Tiers:
    """([every word in the service's name, every word in the name, requirements and
    product together but not in the name alone], every word anywhere): words stemmed by
    the `indonesian` configuration, each tier from a GIN index; `names_only`: the first."""
    query = _tsquery(alternatives)
    named = entries.filter(name_vector=query)
    if names_only:
        return [named], named
    found = entries.filter(text_vector=query)  # the name is part of the text
    return [named, found.exclude(name_vector=query)], found


def _substring_tiers(entries: QuerySet, alternatives: Alternatives, names_only: bool) -> Tiers:
    """The same tiers by case-insensitive substrings (SQLite, development)."""
    named, found = Q(), Q()
    for words in alternatives:
        in_name, anywhere = Q(), Q()
        for word in words:
            in_name |= Q(name__icontains=word)
            anywhere |= (
                Q(name__icontains=word)
                | Q(requirements__icontains=word)
                | Q(product__icontains=word)
            )
        named &= in_name
        found &= anywhere
    if names_only:
        return [entries.filter(named)], entries.filter(named)
    return [entries.filter(named), entries.filter(found).exclude(named)], entries.filter(found)


def _similar(word: str, candidate: str) -> bool:
    """A word of the query matches a word of a name with a typo or two (SQLite's stand-in
    for pg_trgm): the name's word begins with it, or they start alike and are close."""
    if candidate.startswith(word):
        return True
    return word[:1] == candidate[:1] and SequenceMatcher(None, word, candidate).ratio() >= 0.75


# pg_trgm: the CORRECTIONS words of names most alike each word of the query, among those
# at least pg_trgm.similarity_threshold (0.3) alike; one query on the GIN trigram index.
CORRECTIONS = 5
CORRECTIONS_SQL = (
    "SELECT t.term, w.word FROM unnest(%s::text[]) AS t(term) CROSS JOIN LATERAL"
    " (SELECT word FROM portal_searchword WHERE word %% t.term"
    "  ORDER BY similarity(word, t.term) DESC, word LIMIT %s) AS w"
)


def _corrections(terms: list[str]) -> Alternatives:
    """For each word of the query, the words of service names it may be a misspelling
    of ("kelurga": "keluarga"), the closest first, or itself when names have it; [] when
    one has none."""
    words = [t.lower() for t in terms]
    found: dict[str, list[str]] = {w: [] for w in words}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(CORRECTIONS_SQL, [words, CORRECTIONS])
            for term, word in cursor.fetchall():
                found[term].append(word)
    else:  # a city's few thousand words, compared in Python
        known = list(SearchWord.objects.values_list("word", flat=True))
        for term in words:
            alike = [w for w in known if _similar(term, w)]
            alike.sort(key=lambda w: (w != term, -SequenceMatcher(None, term, w).ratio(), w))
            found[term] = alike[:CORRECTIONS]
    # A word that names have as it is was not misspelt: it stays alone.
    alternatives = [[w] if w in found[w] else found[w] for w in words]
    return alternatives if all(alternatives) else []


class RankedResults:
    """For a Paginator: the tiers in order (a match in the service's name first), each
    in its own order (an index's), counted at most MAX_RESULTS in all; a page reads only
    its own ids and rows."""

    def __init__(self, tiers: list[QuerySet], everything: QuerySet) -> None:
        self.tiers, self.everything = tiers, everything

    @cached_property
    def total(self) -> int:
        return self.everything.order_by()[:MAX_RESULTS].count()

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def _ids(self, start: int, stop: int) -> list[int]:
        """The ids at positions start..stop of the tiers laid end to end."""
        ids: list[int] = []
        offset = 0  # where the current tier starts
        for n, tier in enumerate(self.tiers):
            if stop <= offset:
                break
            got = list(tier.values_list("pk", flat=True)[max(start - offset, 0) : stop - offset])
            ids += got
            if n + 1 == len(self.tiers) or len(ids) == stop - start:
                break
            if got:  # this tier ended within the window
                offset = max(start, offset) + len(got)
            elif start > offset:  # it ended before the window: how long was it?
                offset += tier.order_by()[: start - offset].count()
        return ids

    def __getitem__(self, window: slice) -> list[ServiceStandard]:
        """The window's standards, with their service, agency and entry, and
        `published_name` and `published_kind_label`; read through `in_force()`, so an
        entry left behind by a bug never shows a standard not in force."""
        ids = self._ids(window.start or 0, min(window.stop, self.total))
        if not ids:
            return []
        rows = ServiceStandard.objects.in_force().select_related("service__agency", "search_entry")
        found = rows.defer("search_entry__name_vector", "search_entry__text_vector").in_bulk(ids)
        page = [found[pk] for pk in ids if pk in found]
        for standard in page:
            entry = standard.search_entry
            standard.published_name = entry.name
            standard.published_kind_label = ServiceKind(entry.kind).label
        return page


def _entries(agency_slug: str, kind: str) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    if agency_slug:  # the agency's id first (one row by its unique slug), then its entries
        entries = entries.filter(agency_id__in=Agency.objects.filter(slug=agency_slug).values("pk"))
    if kind in ServiceKind.values:
        entries = entries.filter(kind=kind)
    return entries


def _ranked(tiers: Tiers) -> RankedResults:
    ordered, everything = tiers
    return RankedResults([t.order_by(*RANK) for t in ordered], everything)


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
        listing = RankedResults([entries.order_by(*LISTING)], entries)
        return Paginator(listing, PAGE_SIZE).get_page(page)
    tiers = _postgres_tiers if connection.vendor == "postgresql" else _substring_tiers
    paginator = Paginator(_ranked(tiers(entries, [[t] for t in terms], False)), PAGE_SIZE)
    if paginator.count == 0:
        corrected = _corrections(terms)  # a fallback: found words are never widened
        if corrected:
            paginator = Paginator(_ranked(tiers(entries, corrected, True)), PAGE_SIZE)
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

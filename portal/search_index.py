"""The search's own table (`SearchEntry`, docs/decisions/0012): one narrow row per standard
in force, as its publication says, so a citizen's query reads one table with no joins.

Written in the transaction that writes the standard's publication (`index_publications`,
from `portal.publication`), replaced when a new version of the service is published (one
entry per service) and deleted when the standard leaves force otherwise: its decree
revoked, its service deactivated (`sync_services`, a listener of
`standards.in_force.in_force_changed`). `manage.py publish_standards` rebuilds every entry
(`rebuild`). On PostgreSQL the entries carry `tsvector`s of the `indonesian` configuration
(the name; the name, requirements and product), computed in the same insert. The words of
the names (`SearchWord`) are what a misspelt word of a query is compared with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import Func, Value

from standards.models import ServiceStandard

from .models import Publication, SearchEntry, SearchWord

__all__ = [
    "CONFIG",
    "content_fields",
    "entry_for",
    "index_publications",
    "name_words",
    "published_fields",
    "rebuild",
    "sync_services",
    "write_entries",
]

CONFIG = "indonesian"  # PostgreSQL's Snowball stemmer for Indonesian (no stop words)
BATCH = 2000


WORD = re.compile(r"\w+")


def name_words(name: str) -> set[str]:
    """The words of a name as the typo lookup compares them (lower case, 2-50 letters)."""
    return {w for w in WORD.findall(name.lower()) if 2 <= len(w) <= 50}


def _vector(text: str) -> Func:
    return Func(
        Value(text),
        template=f"strip(to_tsvector('{CONFIG}'::regconfig, %(expressions)s))",
        output_field=SearchVectorField(),
    )


def published_fields(*, name: str, kind: str, requirements: Iterable[str], product: str) -> dict:
    """An entry's columns from what was published: the name and kind as set, the
    requirements one per line (a requirement's own line breaks become spaces), the
    product; on PostgreSQL the vectors of the name, and of the name, requirements and
    product (computed by the database in the insert itself)."""
    requirements = "\n".join(" ".join(text.split()) for text in requirements)
    fields = {
        "name": name,
        "name_length": len(name),
        "kind": kind,
        "requirements": requirements,
        "product": product,
    }
    if connection.vendor == "postgresql":
        fields["name_vector"] = _vector(name)
        fields["text_vector"] = _vector("\n".join((name, requirements, product)))
    return fields


def content_fields(content: dict, service) -> dict:
    """`published_fields` of a publication's content (`service`: the row's own name and
    kind, for a content without them)."""
    published = content.get("service", {})
    return published_fields(
        name=published.get("name") or service.name,
        kind=published.get("kind") or service.kind,
        requirements=[
            item["description"]
            for group in content.get("requirement_kinds", [])
            for item in group["items"]
        ],
        product=content.get("texts", {}).get("product", ""),
    )


def entry_for(standard: ServiceStandard, fields: dict) -> SearchEntry:
    """The (unsaved) entry of `standard` (its service and agency loaded)."""
    return SearchEntry(
        standard_id=standard.pk,
        service_id=standard.service_id,
        agency_id=standard.service.agency_id,
        agency_name=standard.service.agency.name,
        **fields,
    )


def _from_publication(publication: Publication, standard: ServiceStandard) -> SearchEntry:
    return entry_for(standard, content_fields(publication.content, standard.service))


def _add_words(entries: Iterable[SearchEntry]) -> None:
    words = set().union(*(name_words(e.name) for e in entries))
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True, batch_size=BATCH
    )


@transaction.atomic
def write_entries(entries: list[SearchEntry]) -> None:
    """The one writer: `entries` replace whatever their services had (a superseded
    version's entry goes with it), and their names' words join the typo lookup's."""
    for start in range(0, len(entries), BATCH):
        batch = entries[start : start + BATCH]
        SearchEntry.objects.filter(service_id__in=[e.service_id for e in batch]).delete()
        SearchEntry.objects.bulk_create(batch)
    _add_words(entries)


def index_publications(published: Iterable[tuple[Publication, ServiceStandard]]) -> None:
    """The entries of the publications just written (inside their transaction), in one
    write whatever their number (a decree of many standards)."""
    write_entries([_from_publication(publication, standard) for publication, standard in published])


def _publications():
    return Publication.objects.select_related("standard__service__agency").filter(
        standard__in=ServiceStandard.objects.in_force()
    )


@transaction.atomic
def sync_services(service_ids: Iterable[int]) -> None:
    """The entries of these services agree with what is in force: gone when the
    standard left force (decree revoked, service deactivated), back when a service is
    active again."""
    service_ids = list(service_ids)
    SearchEntry.objects.filter(service_id__in=service_ids).exclude(
        standard__in=ServiceStandard.objects.in_force()
    ).delete()
    missing = _publications().filter(
        standard__service_id__in=service_ids, standard__search_entry__isnull=True
    )
    write_entries([_from_publication(p, p.standard) for p in missing])


@transaction.atomic
def rebuild() -> int:
    """Every entry and word again from the publications of the standards in force;
    returns how many entries there are."""
    SearchEntry.objects.exclude(standard__in=ServiceStandard.objects.in_force()).delete()
    SearchWord.objects.all().delete()
    entries = [_from_publication(p, p.standard) for p in _publications().iterator(BATCH)]
    write_entries(entries)
    return len(entries)

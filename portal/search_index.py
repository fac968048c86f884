"""The search's own table (`SearchEntry`, docs/decisions/0012): one narrow row per standard
in force, as its publication says, so a citizen's query reads one table with no joins.

Written in the transaction that writes the standard's publication (`index_publication`,
from `portal.publication`), replaced when a new version of the service is published (one
entry per service) and deleted when the standard leaves force otherwise: its decree
revoked, its service deactivated (`sync_services`, a listener of
`standards.in_force.in_force_changed`). `manage.py publish_standards` rebuilds every entry
(`rebuild`). On PostgreSQL the entries carry `tsvector`s of the `indonesian` configuration
(the name; the name, requirements and product), filled by one UPDATE per batch.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from standards.models import ServiceKind, ServiceStandard

from .models import Publication, SearchEntry

__all__ = [
    "CONFIG",
    "VECTORS_SQL",
    "content_fields",
    "entry_for",
    "index_publication",
    "published_fields",
    "rebuild",
    "sync_services",
    "write_entries",
]

CONFIG = "indonesian"  # PostgreSQL's Snowball stemmer for Indonesian (no stop words)
BATCH = 2000


# The one definition of the vectors, for the writer and the migration that fills the
# table: the name alone (tier 1 of the results), and the name with every requirement and
# the product (tier 2).
VECTORS_SQL = (
    "UPDATE portal_searchentry SET name_vector = to_tsvector('indonesian'::regconfig, name),"
    " text_vector = to_tsvector('indonesian'::regconfig,"
    " name || E'\\n' || requirements || E'\\n' || product)"
    " WHERE standard_id = ANY(%s)"
)


def published_fields(
    *, name: str, kind: str, requirements: Iterable[str], product: str, kind_label: str = ""
) -> dict:
    """An entry's texts: the name and kind as published, the requirements one per line
    (a requirement's own line breaks become spaces)."""
    return {
        "name": name,
        "name_length": len(name),
        "kind": kind,
        "kind_label": kind_label
        or (str(ServiceKind(kind).label) if kind in ServiceKind.values else ""),
        "requirements": "\n".join(" ".join(text.split()) for text in requirements),
        "product": product,
    }


def content_fields(content: dict, service) -> dict:
    """`published_fields` of a publication's content (`service`: the row's own name and
    kind, for a content without them)."""
    published = content.get("service", {})
    return published_fields(
        name=published.get("name") or service.name,
        kind=published.get("kind") or service.kind,
        kind_label=published.get("kind_label", ""),
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


@transaction.atomic
def write_entries(entries: list[SearchEntry]) -> None:
    """The one writer: `entries` replace whatever their services had (a superseded
    version's entry goes with it); on PostgreSQL their vectors are computed in the
    database."""
    for start in range(0, len(entries), BATCH):
        batch = entries[start : start + BATCH]
        SearchEntry.objects.filter(service_id__in=[e.service_id for e in batch]).delete()
        SearchEntry.objects.bulk_create(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(VECTORS_SQL, [[e.standard_id for e in batch]])


def index_publication(publication: Publication, standard: ServiceStandard) -> None:
    """The entry of `standard`'s publication just written (inside its transaction)."""
    write_entries([_from_publication(publication, standard)])


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
    """Every entry again from the publications of the standards in force; returns how
    many there are."""
    SearchEntry.objects.exclude(standard__in=ServiceStandard.objects.in_force()).delete()
    entries = [_from_publication(p, p.standard) for p in _publications().iterator(BATCH)]
    write_entries(entries)
    return len(entries)

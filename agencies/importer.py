"""Import agencies from a CSV file: every row checked first, then all or nothing.

Columns (header row required; only `name`, `slug` and `kind` must be filled):
name, short_name, slug, kind, parent_slug, decreed_by_mayor, address, phone,
email, website, head_name, head_rank, head_nip.
`kind` takes the code of AgencyKind (office, board, district, village, upt, ...);
`decreed_by_mayor` takes ya/tidak, 1/0 or true/false.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Agency
from .services import sync_agency_permissions

COLUMNS = (
    "name",
    "short_name",
    "slug",
    "kind",
    "parent_slug",
    "decreed_by_mayor",
    "address",
    "phone",
    "email",
    "website",
    "head_name",
    "head_rank",
    "head_nip",
)
TRUE_WORDS = {"ya", "y", "1", "true", "benar"}
FALSE_WORDS = {"tidak", "t", "0", "false", "salah", ""}


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _row_to_agency(values: dict[str, str]) -> Agency:
    flag = values["decreed_by_mayor"].lower()
    if flag not in TRUE_WORDS | FALSE_WORDS:
        raise ValidationError({"decreed_by_mayor": "isi dengan ya atau tidak."})
    agency = Agency.objects.filter(slug=values["slug"]).first() or Agency()
    for field in COLUMNS:
        if field not in ("parent_slug", "decreed_by_mayor"):
            setattr(agency, field, values[field])
    agency.decreed_by_mayor = flag in TRUE_WORDS
    agency.full_clean(exclude=["parent"])
    return agency


def import_agencies(lines: Iterable[str]) -> int:
    """Validate every row, then save them all in one transaction; returns the row count."""
    reader = csv.DictReader(lines)
    missing = {"name", "slug", "kind"} - set(reader.fieldnames or [])
    if missing:
        raise ImportFailed([f"Kolom wajib tidak ada: {', '.join(sorted(missing))}."])
    rows = [
        (number, {column: (row.get(column) or "").strip() for column in COLUMNS})
        for number, row in enumerate(reader, start=2)
    ]
    file_slugs = [values["slug"] for _number, values in rows]
    known_slugs = set(Agency.objects.values_list("slug", flat=True)) | set(file_slugs)
    errors: list[str] = []
    parsed: list[tuple[Agency, str]] = []
    for number, values in rows:
        if values["slug"] and file_slugs.count(values["slug"]) > 1:
            errors.append(f"Baris {number}: slug '{values['slug']}' muncul lebih dari sekali.")
            continue
        try:
            if values["parent_slug"] and values["parent_slug"] not in known_slugs:
                raise ValidationError(
                    {"parent_slug": f"induk '{values['parent_slug']}' tidak dikenal."}
                )
            parsed.append((_row_to_agency(values), values["parent_slug"]))
        except ValidationError as error:
            details = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            errors.append(f"Baris {number}: {details}")
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        saved = {agency.slug: agency for agency in Agency.objects.all()}
        # Parents first: a row may name a parent that a later row creates.
        pending = parsed
        done: set[int] = set()
        while pending:
            ready = [(a, p) for a, p in pending if not p or p in saved]
            if not ready:
                raise ImportFailed(["Induk saling menunjuk (melingkar); tidak ada yang diimpor."])
            for agency, parent_slug in ready:
                agency.parent = saved[parent_slug] if parent_slug else None
                agency.save()
                saved[agency.slug] = agency
                done.add(id(agency))
                sync_agency_permissions(agency)
            pending = [(a, p) for a, p in pending if id(a) not in done]
    return len(parsed)

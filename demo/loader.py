"""Load the demo city's standards from data: demo/data/*.yaml, one file per agency.

Each agency's file is turned into a workbook in the import template's format
(standards.spreadsheet.writer) and loaded through the same importer a person uses, so
the demo is checked by the editor's rules and the completeness check. Standards that
carry an earlier decree enter the register in force through the `record` act by the
agency's head (the mayor's office for PTSP and PATEN); the others stay drafts, and
`demo.workflow` carries some of them through the whole life of a decree.

The items of `demo_standards()` are the content shape `demo.builder` also writes, without
the importer's checks, for the benchmarks and the tests (docs/decisions/0019).

Idempotent: a service that already has a standard is left out of its workbook, a team
that already has members is left alone.

The data files
--------------
common.yaml      texts, legal bases and channels referred to as "@name"
city.yaml        agencies beyond agencies/seed.py, heads who record decrees, drafting
                 teams, and the inventory of services without a standard
standards/*.yaml one agency each: `defaults` merged into every standard, and `standards`
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from agencies.models import Agency, MembershipRole, WorkUnit
from agencies.services import membership_set, sync_agency_permissions
from demo.builder import CONTACT_FIELDS, read_data
from standards import decrees
from standards.legal_citations import default_issuer, split_issuer_from_title
from standards.models import ComponentKind, Decree, DecreeStatus, Service, TeamMember
from standards.services import SYSTEM, drafting_team_for, team_member_save, team_save
from standards.spreadsheet.importer import import_workbook
from standards.spreadsheet.reader import read_upload
from standards.spreadsheet.template import (
    CHANNELS,
    LEGAL_BASES,
    REQUIREMENTS,
    SERVICES,
    STANDARDS,
    STEPS,
    TEXTS,
)
from standards.spreadsheet.writer import export_workbook

__all__ = ["DATA", "agency_files", "demo_standards", "demo_teams", "seed_demo_standards"]

DATA = Path(__file__).parent / "data"


@cache
def _yaml(name: str) -> dict:
    return read_data(DATA / name)


def _with_issuer(basis: dict) -> dict:
    """A legal basis of the data with its issuer: named in the data, or taken from a title
    that ends with it in brackets ("... (Peraturan Menteri Kesehatan)"), as the migration
    does for older rows (standards.legal_citations)."""
    if basis.get("issuer"):
        return basis
    issuer, title = split_issuer_from_title(basis["kind"], basis["title"])
    issuer = issuer or default_issuer(basis["kind"], str(basis["number"]), basis["year"], title)
    return {**basis, "issuer": issuer, "title": title}


def _common(section: str, value):
    """Resolve "@name" against common.yaml's section."""
    if isinstance(value, str) and value.startswith("@"):
        return _yaml("common.yaml")[section][value[1:]]
    return value


def agency_files() -> list[Path]:
    return sorted((DATA / "standards").glob("*.yaml"))


def demo_standards() -> list[dict]:
    """Every demo standard, with its agency's defaults merged in and references resolved:
    the content shape `workbook_content` and `demo.builder` read."""
    items = []
    for path in agency_files():
        data = _yaml(f"standards/{path.name}")
        defaults = data.get("defaults", {})
        for item in data["standards"]:
            items.append(_merged(data["agency"], defaults, item))
    return items


def demo_teams() -> dict:
    return _yaml("city.yaml")["teams"]


def _merged(agency: str, defaults: dict, item: dict) -> dict:
    merged = {"agency": agency, **{k: v for k, v in defaults.items() if k != "texts"}, **item}
    if item.get("lifecycle"):
        merged.pop("decree", None)  # carried through the workflow by demo.workflow
    merged["texts"] = {
        kind: _common("texts", text)
        for kind, text in {**defaults.get("texts", {}), **item.get("texts", {})}.items()
    }
    merged["contact"] = {**defaults.get("contact", {}), **item.get("contact", {})}
    channels = _common("channels", merged.get("channels", []))
    merged["channels"] = channels
    merged["legal_bases"] = [
        _with_issuer(_common("legal_bases", basis))
        for basis in [*defaults.get("base_legal_bases", []), *item.get("legal_bases", [])]
    ]
    merged["escalation"] = _common("texts", merged.get("escalation", "@escalation"))
    return merged


def _decimal(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def workbook_content(item: dict) -> dict:
    """One demo standard as the rows of the import template."""
    key, decree = item["key"], item.get("decree") or {}
    decree_date = decree.get("date")
    if isinstance(decree_date, str):
        decree_date = datetime.date.fromisoformat(decree_date)
    return {
        SERVICES.name: [
            {
                "key": key,
                "name": item["name"],
                "kind": item["kind"],
                "work_unit": item.get("work_unit", ""),
                "description": item.get("description", ""),
            }
        ],
        STANDARDS.name: [
            {
                "key": key,
                "fee_legal_basis": item.get("fee_legal_basis", ""),
                **{name: item["contact"].get(name, "") for name in CONTACT_FIELDS},
                "complaint_escalation": item["escalation"],
                "staff_count": item["staff_count"],
                "publish_management": bool(item.get("publish_management", False)),
                "decree_number": decree.get("number", ""),
                "decree_date": decree_date,
                "decree_signer": decree.get("signer", ""),
            }
        ],
        TEXTS.name: [
            {
                "key": key,
                "component": kind.value,
                "label": str(kind.label),
                "text": item["texts"][kind.value],
            }
            for kind in ComponentKind
            if item["texts"].get(kind.value)
        ],
        REQUIREMENTS.name: [
            {
                "key": key,
                "order": number,
                "description": row["description"],
                "kind": row.get("kind", "administrative"),
                "timing": row.get("timing", "start"),
                "step": row.get("step", 1),
                "notes": row.get("notes", ""),
            }
            for number, row in enumerate(item["requirements"], start=1)
        ],
        STEPS.name: [
            {
                "key": key,
                "order": number,
                "actor": row["actor"],
                "action": row["action"],
                "duration_value": _decimal(row["time"]),
                "duration_unit": row["unit"],
                "applicant_fee": row.get("fee", 0),
                "agency_cost": row.get("cost", 0),
                "output": row.get("output", ""),
            }
            for number, row in enumerate(item["steps"], start=1)
        ],
        LEGAL_BASES.name: [
            {
                "key": key,
                "order": number,
                "kind": basis["kind"],
                "issuer": basis["issuer"],
                "number": str(basis["number"]),
                "year": basis["year"],
                "title": basis["title"],
            }
            for number, basis in enumerate(item["legal_bases"], start=1)
        ],
        CHANNELS.name: [
            {"key": key, "order": number, "kind": row["kind"], "detail": row.get("detail", "")}
            for number, row in enumerate(item["channels"], start=1)
        ],
    }


def _inventory_content(name: str, kind: str) -> dict:
    return {
        SERVICES.name: [
            {
                "key": slugify(name)[:100],
                "name": name,
                "kind": kind,
                "work_unit": "",
                "description": "",
            }
        ]
    }


# --- seeding -------------------------------------------------------------------------


def _extra_agencies(city: dict) -> None:
    for values in city.get("extra_agencies", ()):
        fields = {k: v for k, v in values.items() if k not in ("slug", "work_units")}
        agency, created = Agency.objects.get_or_create(slug=values["slug"], defaults=fields)
        if created:
            sync_agency_permissions(agency)
        for unit in values.get("work_units", ()):
            WorkUnit.objects.get_or_create(agency=agency, name=unit)


def _heads(city: dict) -> dict[str, object]:
    """agency slug -> the head who imports (and records) its standards."""
    User = get_user_model()
    heads = {}
    for slug, person in city.get("heads", {}).items():
        user, created = User.objects.get_or_create(
            username=person["username"],
            defaults={"first_name": person["first_name"], "last_name": person["last_name"]},
        )
        if created:
            user.set_unusable_password()  # records decrees in the demo; never logs in
            user.save(update_fields=["password"])
        membership_set(
            actor=None, user=user, agency=Agency.objects.get(slug=slug), role=MembershipRole.HEAD
        )
        heads[slug] = user
    return heads


def _team(slug: str, spec: dict) -> None:
    team = drafting_team_for(Agency.objects.get(slug=slug))
    if team.members.exists():
        return
    team.decree_number = spec["decree_number"]
    team.decree_date = datetime.date.fromisoformat(spec["decree_date"])
    team_save(actor=SYSTEM, team=team)
    users = get_user_model().objects.in_bulk(
        [m["username"] for m in spec["members"] if m.get("username")], field_name="username"
    )
    for member in spec["members"]:
        team_member_save(
            actor=SYSTEM,
            member=TeamMember(
                team=team,
                name=member["name"],
                nip=member["nip"],
                position=member["position"],
                role=member["role"],
                user=users.get(member.get("username", "")),
            ),
        )


def _importer_for(agency: Agency, heads: dict):
    head = heads.get(agency.slug)
    if head is None:
        head = (
            get_user_model()
            .objects.filter(memberships__agency=agency, memberships__role=MembershipRole.HEAD)
            .first()
        )
    return head or SYSTEM


def _mayor_office():
    return get_user_model().objects.get(username="walikota")


@transaction.atomic
def seed_demo_standards() -> int:
    """Import every agency's demo workbook; returns how many standards were created.

    Needs the agencies of `agencies.seed.seed_bontang()` and the demo users.
    """
    city = _yaml("city.yaml")
    _extra_agencies(city)
    heads = _heads(city)
    for slug, spec in city["teams"].items():
        _team(slug, spec)
    by_agency: dict[str, list[dict]] = {}
    for item in demo_standards():
        by_agency.setdefault(item["agency"], []).append(item)
    for slug in city.get("inventory", {}):
        by_agency.setdefault(slug, [])
    created = 0
    for slug, items in by_agency.items():
        agency = Agency.objects.get(slug=slug)
        with_standard = set(
            Service.objects.filter(agency=agency, standards__isnull=False).values_list(
                "slug", flat=True
            )
        )
        contents = [workbook_content(item) for item in items if item["key"] not in with_standard]
        known = {item["name"] for item in items}
        contents += [
            _inventory_content(entry["name"], entry["kind"])
            for entry in city.get("inventory", {}).get(slug, ())
            if entry["name"] not in known
        ]
        parsed = read_upload(export_workbook(agency, contents), f"demo-{slug}.xlsx")
        plan, result = import_workbook(
            actor=_importer_for(agency, heads), agency=agency, parsed=parsed
        )
        if result is None:
            raise ValueError(f"demo workbook of {slug}: {plan.errors}")
        created += result.created_standards
        for decree in result.decrees:
            if decree.status == DecreeStatus.DRAFT and decree.by_mayor:
                decrees.decree_record(actor=_mayor_office(), decree=decree)
    return created


def recorded_decrees():
    return Decree.objects.filter(recorded=True)

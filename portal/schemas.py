"""The resources of the open API (/api/v1/) as pydantic schemas: django-ninja validates
every answer against them and generates the OpenAPI 3.1 description from them
(docs/decisions/0008-portal-app.md). Field names are the published contract: a change
here is a change for every client (tests/portal/test_api_contract.py)."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

__all__ = [
    "Agency",
    "AgencyDetail",
    "AgencyPage",
    "ApiError",
    "ApiIndex",
    "Maklumat",
    "Standard",
    "StandardList",
]

Url = str  # absolute http(s) URLs of the portal (SITE_URL)


class ApiError(Schema):
    detail: str = Field(description="Penjelasan singkat dalam bahasa Indonesia")
    status: int = Field(description="Kode status HTTP jawaban ini")


class ApiIndex(Schema):
    agencies: Url
    standards_json: Url
    standards_csv: Url
    schema_: Url = Field(alias="schema")


class Agency(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    in_force_count: int = Field(description="Layanan dengan Standar Pelayanan yang berlaku")
    url: Url
    api_url: Url


class AgencyPage(Schema):
    count: int
    page: int
    page_size: int
    next: Url | None
    previous: Url | None
    results: list[Agency]


class AgencyContacts(Schema):
    address: str
    phone: str
    email: str
    website: str
    head_name: str


class AgencyService(Schema):
    slug: str
    name: str
    kind: str
    api_url: Url


class AgencyDetail(Agency):
    contacts: AgencyContacts
    services: list[AgencyService]


class Maklumat(Schema):
    agency: str
    version: int
    set_on: str | None = Field(description="Tanggal penetapan (ISO 8601)")
    statement_promise: str
    statement_obligation: str
    statement_sanction: str
    compensation: str
    head_name: str
    url: Url


class RequirementItem(Schema):
    description: str
    kind: str
    notes: str


class RequirementGroup(Schema):
    timing: Literal["start", "staged", "end"]
    label: str
    items: list[RequirementItem]


class Requirements(Schema):
    text: str
    groups: list[RequirementGroup]


class Step(Schema):
    number: int
    actor: str
    action: str
    duration_value: int | float = Field(description="Angka; bilangan bulat bila bulat")
    duration_unit: Literal["minutes", "hours", "working_days"]
    applicant_fee: int
    output: str


class Procedure(Schema):
    text: str
    steps: list[Step]


class ServiceTime(Schema):
    text: str
    minutes: int
    display: str


class Fee(Schema):
    text: str
    amount: int
    free: bool
    display: str
    legal_basis: str


class Product(Schema):
    text: str


class ComplaintChannel(Schema):
    kind: str
    label: str
    detail: str


class Complaints(Schema):
    text: str
    officer: str
    phone: str
    email: str
    address: str
    escalation: str
    channels: list[ComplaintChannel]


class Standard(Schema):
    """A standard in force: the six delivery components (Pasal 9 ayat (1)), as published
    when its decree came into force."""

    agency: str
    agency_name: str
    service: str
    service_name: str
    service_kind: Literal["goods", "services", "administrative"]
    version: int
    in_force_since: str | None = Field(description="Tanggal mulai berlaku (ISO 8601)")
    url: Url
    requirements: Requirements
    procedure: Procedure
    service_time: ServiceTime
    fee: Fee
    product: Product
    complaints: Complaints


class StandardList(Schema):
    results: list[Standard]

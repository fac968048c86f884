"""Public reads of the portal and their cache (Pasal 9, Pasal 14 ayat (3)).

Every standard a citizen reads comes through `ServiceStandard.objects.in_force()`
(Pasal 9 ayat (1): the delivery components of standards in force are published);
drafts, submitted, superseded and revoked versions never reach a public page, except
that a superseded version's delivery components appear in the public diff of the
version that replaced it ("Apa yang berubah").

Published data changes only when a decree comes into force or is revoked, so rendered
pages are cached under a key that carries the *portal generation*; the decree services
call `portal_changed()` on those acts, which bumps the generation after commit, so
every cached page is stale at once without scanning keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from markupsafe import Markup

from agencies.models import Agency, AgencyKind
from agencies.published import (  # noqa: F401 - the portal's cache API, re-exported
    PORTAL_GENERATION_KEY,
    cached,
    forget_generation,
    portal_cache_seconds,
    portal_changed,
    portal_generation,
)
from bontang_sp.prepared import Prepared
from documents.models import Document, DocumentKind
from maklumat.selectors import with_current_maklumat
from monitoring.selectors import portal_survey_columns, portal_survey_from
from standards.models import (
    DELIVERY_COMPONENTS,
    ComponentKind,
    Decree,
    DecreeStandard,
    DecreeStatus,
    Requirement,
    RequirementTiming,
    ServiceStandard,
    StandardStatus,
)
from standards.selectors import components_in_order, standards_with_rows

__all__ = [
    "AGENCY_CONTACT_FIELDS",
    "AgencyPage",
    "PORTAL_GENERATION_KEY",
    "RequirementGroup",
    "agencies_with_counts",
    "agency_page",
    "agency_standards",
    "complaint_contacts",
    "cached",
    "earlier_versions",
    "final_decree_document",
    "forget_generation",
    "in_force_decree",
    "portal_changed",
    "portal_generation",
    "public_agency",
    "public_agency_with_count",
    "public_components",
    "public_decree_document",
    "public_standard",
    "PublishedPage",
    "PublishedRow",
    "PublishedStandard",
    "current_content",
    "published_page",
    "published_rows",
    "published_standard",
    "requirement_groups",
    "standard_for_diff",
]

PUBLIC_DECREE_KINDS = (DocumentKind.DECREE, DocumentKind.MAYOR_DECREE)
# Agencies listed on the home page even when they have nothing in force yet; UPT and
# schools appear once one of their services has a standard in force.
LISTED_KINDS_EXCLUDED = (AgencyKind.UPT, AgencyKind.SCHOOL)


# The cache of published pages lives in agencies.published (lower apps bump it too).


# --- agencies ---------------------------------------------------------------------------


def _in_force_count() -> Coalesce:
    """Services of the agency (OuterRef) whose standard is in force, counted through
    `ServiceStandard.objects.in_force()` itself (Pasal 9 ayat (2))."""
    in_force = (
        ServiceStandard.objects.in_force()
        .filter(service__agency=OuterRef("pk"))
        .order_by()
        .values("service__agency")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(in_force), 0)


def agencies_with_counts() -> QuerySet[Agency]:
    """Active agencies with `in_force_count` (one query)."""
    return (
        Agency.objects.active()
        .annotate(in_force_count=_in_force_count())
        .filter(~Q(kind__in=LISTED_KINDS_EXCLUDED) | Q(in_force_count__gt=0))
        .only("name", "short_name", "slug", "kind")
        .order_by("name")
    )


def public_agency(slug: str) -> Agency:
    """An active agency by slug, or 404."""
    return get_object_or_404(Agency.objects.active(), slug=slug)


def public_agency_with_count(slug: str) -> Agency:
    """`public_agency` with `in_force_count`, as `agencies_with_counts` counts it."""
    agencies = Agency.objects.active().annotate(in_force_count=_in_force_count())
    return get_object_or_404(agencies, slug=slug)


@dataclass(frozen=True)
class PublishedRow:
    """A standard in force in a list (agency page, embed, API), as its publication has it:
    what was set is what is shown (Pasal 9 ayat (1)), until a new decree. `slug` is the
    service's current one: the key its page is found by."""

    standard_id: int
    slug: str
    agency_slug: str
    agency_name: str
    content: dict

    @property
    def name(self) -> str:
        return self.content["service"]["name"]

    @property
    def kind(self) -> str:
        return self.content["service"]["kind"]

    @property
    def kind_label(self) -> str:
        return self.content["service"]["kind_label"]

    @property
    def duration(self) -> str:
        return self.content["duration"]

    @property
    def fee(self) -> str:
        return self.content["fee"]

    @property
    def api(self) -> dict:
        return self.content["api"]


def current_content(standard_id: int, format_: int | None, content: dict | None) -> dict:
    """`content` when it is a publication of the current format; else the content built
    from the standard's rows now (slow path until `manage.py publish_standards` runs)."""
    from .publication import PUBLICATION_FORMAT, publication_content

    if format_ == PUBLICATION_FORMAT:
        return content
    standard = standards_with_rows().get(pk=standard_id)
    decree = in_force_decree(standard)
    if decree is None:  # in force by no decree in force: nothing citizens may rely on
        raise Http404
    return publication_content(standard, decree)


def published_rows(standards: QuerySet[ServiceStandard]) -> list[PublishedRow]:
    """The publications of `standards` (in force), by agency and published name; one query."""
    rows = standards.values(
        "pk",
        "service__slug",
        "service__agency__slug",
        "service__agency__name",
        "publication__format",
        "publication__content",
    )
    published = [
        PublishedRow(
            row["pk"],
            row["service__slug"],
            row["service__agency__slug"],
            row["service__agency__name"],
            current_content(row["pk"], row["publication__format"], row["publication__content"]),
        )
        for row in rows
    ]
    return sorted(published, key=lambda row: (row.agency_name, row.name.casefold()))


def agency_standards(agency: Agency) -> list[PublishedRow]:
    """The agency's standards in force as published, by published name."""
    return published_rows(ServiceStandard.objects.in_force().filter(service__agency=agency))


# The agency's contacts its page and the open API publish, in this order.
AGENCY_CONTACT_FIELDS = ("address", "phone", "email", "website", "head_name")
AGENCY_PAGE_FIELDS = ("pk", "name", "short_name", "slug", *AGENCY_CONTACT_FIELDS)


@dataclass(frozen=True)
class AgencyPage:
    """What the agency's page reads (Pasal 9 ayat (2)): its public facts, whether it has a
    Maklumat in force (Pasal 14), its standards in force as published (each row's `slug`,
    the service's current one, and `name`, `duration`, `fee`, the publication's) and its
    survey (Pasal 16)."""

    agency: dict
    has_maklumat: bool
    rows: list[dict]
    survey: dict

    @property
    def has_contacts(self) -> bool:
        return any(self.agency[name] for name in AGENCY_CONTACT_FIELDS)


_agency_page = Prepared(
    lambda slug: with_current_maklumat(Agency.objects.active().filter(slug=slug)).values(
        *AGENCY_PAGE_FIELDS, "has_maklumat", **portal_survey_columns("pk")
    ),
    slug="\0agency",
)


_agency_rows = Prepared(
    lambda agency_id: (
        ServiceStandard.objects.in_force()
        .filter(service__agency_id=agency_id)
        .values("pk", "service__slug", "publication__format", "publication__summary")
    ),
    agency_id=-7_104_932,
)


def agency_page(slug: str) -> AgencyPage:
    """An active agency's page with its survey, or 404: two queries compiled once
    (bontang_sp.prepared),
    the rows' texts read from their publications' summaries (built from the rows when a
    publication is missing or of an older format: the slow path of `current_content`)."""
    from .publication import PUBLICATION_FORMAT, list_summary

    found = _agency_page.rows(slug=slug)
    if not found:
        raise Http404
    agency = found[0]
    rows = []
    for row in _agency_rows.rows(agency_id=agency["pk"]):
        summary = row["publication__summary"]
        if row["publication__format"] != PUBLICATION_FORMAT:
            summary = list_summary(current_content(row["pk"], None, None))
        rows.append({**summary, "slug": row["service__slug"]})
    rows.sort(key=lambda row: row["name"].casefold())
    return AgencyPage(
        _pick(agency, "", AGENCY_PAGE_FIELDS),
        bool(agency["has_maklumat"]),
        rows,
        portal_survey_from(agency),
    )


# --- one standard -----------------------------------------------------------------------


def public_standard(agency: Agency, service_slug: str) -> ServiceStandard:
    """The standard in force of the agency's service, with every row; 404 otherwise
    (drafts, submitted, superseded and revoked versions are never found here)."""
    return get_object_or_404(
        standards_with_rows().in_force(), service__agency=agency, service__slug=service_slug
    )


@dataclass(frozen=True)
class PublishedStandard:
    """What the service page reads: its agency's public facts, the publication's `content`
    (portal.publication) and the verification code of the final decree while it is
    issued and in force (else None)."""

    agency: dict
    standard_id: int
    service_id: int
    content: dict
    decree_code: str | None


AGENCY_PREFIX, AGENCY_FIELDS = "service__agency__", ("pk", "name", "short_name", "slug")


def _pick(row: dict, prefix: str, names: tuple[str, ...]) -> dict:
    return {name: row[prefix + name] for name in names}


def _in_force_service(
    agency_slug: str, service_slug: str, *, published: str, survey: bool = False
) -> QuerySet:
    """The standard in force of an active agency's service, with its agency's public facts,
    its final decree's code (while that document is in force), the publication's
    `published` field and, with `survey`, the agency's survey (one row)."""
    return (
        ServiceStandard.objects.in_force()
        .filter(
            service__agency__slug=agency_slug,
            service__agency__active=True,  # Agency.objects.active()
            service__slug=service_slug,
        )
        .values(
            "pk",
            "service_id",
            "publication__format",
            f"publication__{published}",
            *(AGENCY_PREFIX + name for name in AGENCY_FIELDS),
            # The final decree's verification code while it is issued and in force.
            decree_code=Subquery(
                Document.objects.in_force()
                .filter(pk=OuterRef("publication__decree_document"))
                .values("code")
            ),
            **(portal_survey_columns("service__agency") if survey else {}),
        )
    )


_SLUGS = {"agency_slug": "\0agency", "service_slug": "\0service"}
_published = Prepared(partial(_in_force_service, published="content"), **_SLUGS)
_published_page = Prepared(partial(_in_force_service, published="page", survey=True), **_SLUGS)


def _read_published(prepared: Prepared, agency_slug: str, service_slug: str) -> tuple:
    """(row, agency, current, decree_code) of `prepared`'s one row, or 404: `current` says
    whether the publication is of the current format; the code is the final decree's
    while it is issued and in force (else None)."""
    from .publication import PUBLICATION_FORMAT

    rows = prepared.rows(agency_slug=agency_slug, service_slug=service_slug)
    if not rows:
        raise Http404
    row = rows[0]
    agency = _pick(row, AGENCY_PREFIX, AGENCY_FIELDS)
    if row["publication__format"] == PUBLICATION_FORMAT:
        return row, agency, True, row["decree_code"] or None
    document = public_decree_document(in_force_decree(ServiceStandard(pk=row["pk"])))
    return row, agency, False, document.code if document else None


def published_standard(agency_slug: str, service_slug: str) -> PublishedStandard:
    """The service in force of an active agency, as published (docs/decisions/0007): one
    query compiled once (bontang_sp.prepared), no model built. 404 when the service has no
    standard in force (at most one version is, a constraint). A standard in force whose
    publication is missing or of an older format gets its content built here (slow path;
    `manage.py publish_standards` writes them)."""
    row, agency, current, code = _read_published(_published, agency_slug, service_slug)
    content = row["publication__content"] if current else current_content(row["pk"], None, None)
    return PublishedStandard(agency, row["pk"], row["service_id"], content, code)


@dataclass(frozen=True)
class PublishedPage:
    """What the service page reads: as `PublishedStandard`, with the page's facts (`page`),
    its parts rendered when the publication was written (`body`) and the survey."""

    agency: dict
    standard_id: int
    service_id: int
    page: dict
    body: dict[str, Markup]
    decree_code: str | None
    survey: dict


def published_page(agency_slug: str, service_slug: str) -> PublishedPage:
    """The service page's publication and the agency's survey: one query compiled once, as
    `published_standard`, reading the parts rendered when it was written (docs/decisions/0012).
    Parts of an older format or rendered by other templates are rendered now (slow path,
    the same page)."""
    from .publication import page_templates, service_page

    row, agency, current, code = _read_published(_published_page, agency_slug, service_slug)
    page = row["publication__page"]
    if not current or page.get("templates") != page_templates():
        page = service_page(current_content(row["pk"], None, None))
    # The one place the portal wraps stored text as HTML: `page["html"]` was produced by
    # the portal's own autoescaping templates from the publication's data (every value in
    # it escaped by Jinja2, no text joined to HTML outside the engine), written only by
    # portal.publication, never by a form (docs/decisions/0012).
    body = {part: Markup(html) for part, html in page["html"].items()}  # noqa: S704
    survey = portal_survey_from(row, row["service_id"])
    return PublishedPage(agency, row["pk"], row["service_id"], page, body, code, survey)


def final_decree_document(decree: Decree) -> Document | None:
    """The decree's final, public document, issued or still being made (Pasal 12)."""
    return _final_decree_documents(decree).order_by("-pk").first()


def public_components(standard: ServiceStandard) -> list:
    """Pasal 9: the delivery components (1-6); the management components (7-14) only
    when the agency opted in (`publish_management`, Pasal 9 ayat (3))."""
    shown = set(ComponentKind) if standard.publish_management else set(DELIVERY_COMPONENTS)
    return [c for c in components_in_order(standard) if c.kind in shown]


def complaint_contacts(standard: ServiceStandard) -> dict:
    """Component 6 (Lampiran 1.B.3 huruf f): who handles complaints and through which
    channels, as the portal and the open API publish it."""
    return {
        "officer": standard.complaint_officer,
        "phone": standard.complaint_phone,
        "email": standard.complaint_email,
        "address": standard.complaint_address,
        "escalation": standard.complaint_escalation,
        "channels": [
            {"kind": ch.kind, "label": ch.get_kind_display(), "detail": ch.detail}
            for ch in standard.complaint_channels.all()
        ],
    }


@dataclass(frozen=True)
class RequirementGroup:
    timing: str
    label: str
    requirements: tuple[Requirement, ...]


def requirement_groups(standard: ServiceStandard) -> list[RequirementGroup]:
    """Lampiran 1.B.3 huruf b: requirements grouped by when they are handed in."""
    rows = list(standard.requirements.all())
    return [
        RequirementGroup(
            timing.value, str(timing.label), tuple(r for r in rows if r.timing == timing)
        )
        for timing in RequirementTiming
        if any(r.timing == timing for r in rows)
    ]


def in_force_decree(standard: ServiceStandard) -> Decree | None:
    """The decree in force that carries this version as a lampiran (Pasal 12)."""
    return (
        Decree.objects.filter(lampiran__standard=standard, status=DecreeStatus.IN_FORCE)
        .order_by("-ratified_on", "-pk")
        .first()
    )


def _final_decree_documents(decree: Decree) -> QuerySet[Document]:
    return Document.objects.for_subject(decree).filter(kind__in=PUBLIC_DECREE_KINDS, public=True)


def public_decree_document(decree: Decree | None) -> Document | None:
    """The final decree, issued, public and in force (with its verification code)."""
    if decree is None:
        return None
    return _final_decree_documents(decree).in_force().order_by("-issued_at", "-pk").first()


def earlier_versions(standard: ServiceStandard) -> list[ServiceStandard]:
    """The superseded versions of the same service, newest first (for "Apa yang
    berubah"; never shown as standards of their own)."""
    return list(
        ServiceStandard.objects.filter(
            service_id=standard.service_id, status=StandardStatus.SUPERSEDED
        )
        .only("pk", "version", "in_force_since", "previous_id", "service_id", "change_reason")
        .order_by("-version")
    )


def version_endings(standard: ServiceStandard, earlier: list[ServiceStandard]) -> dict:
    """For each earlier version: (the day it stopped, the decree that replaced it), read
    from the version after it (the one whose `previous` it is) and that version's decree."""
    successors = {s.previous_id: s for s in [standard, *earlier] if s.previous_id}
    decrees = {}
    for row in (
        DecreeStandard.objects.filter(standard__in=successors.values())
        .exclude(decree__status__in=(DecreeStatus.DRAFT, DecreeStatus.WITHDRAWN))
        .select_related("decree")
        .order_by("decree__ratified_on", "decree_id")
    ):
        decrees[row.standard_id] = row.decree
    endings = {}
    for old in earlier:
        successor = successors.get(old.pk)
        if successor is not None:
            endings[old.pk] = (successor.in_force_since, decrees.get(successor.pk))
    return endings


def standard_for_diff(current: ServiceStandard, version: int) -> tuple[ServiceStandard, ...]:
    """(old, new) for the public diff of `version` against the version before it: `version`
    is the one in force or a superseded one of the same service, and its previous version
    was superseded. Anything else (drafts, revoked) is 404."""
    visible = (StandardStatus.IN_FORCE, StandardStatus.SUPERSEDED)
    rows = standards_with_rows().filter(service_id=current.service_id, status__in=visible)
    new = get_object_or_404(rows, version=version)
    if not new.previous_id:
        raise Http404
    old = get_object_or_404(rows, pk=new.previous_id, status=StandardStatus.SUPERSEDED)
    return old, new

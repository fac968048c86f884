"""The portal's page of a standard in force, assembled once (docs/decisions/0007).

Pasal 9 ayat (1): the delivery components (1-6) of the standard in force are published;
ayat (3): the management components (7-14) too when the agency chose so. A version in
force never changes, so `publish_decree` runs in the act that brings it into force (a
listener of `standards.decrees.in_force`, registered in PortalConfig.ready) and the portal reads
one row (`portal.public.published_standard`) instead of the standard's rows. What does
change after that moment (the final decree's document once issued, an open survey, the
agency's name) is read when the page is served.

The page's parts that come from the publication alone (its summary, the six components,
the decree's facts, the consultation trace) are also rendered once, into `page`, by the
portal's autoescaping templates (`service_page`, docs/decisions/0012): a cold service page
reads one row and joins those parts with what changes after the act.

Other apps' parts of the page (the consultation trace, Pasal 4) are added with
`register_part`, from PortalConfig.ready.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bontang_sp.jinja2 import date as long_date
from bontang_sp.registry import Registry
from bontang_sp.rupiah import rupiah
from documents.models import Document, SigningRequest
from standards.models import (
    DELIVERY_COMPONENTS,
    ComponentKind,
    Decree,
    DecreeStatus,
    RequirementKind,
    ServiceStandard,
)
from standards.selectors import standards_with_rows
from standards.totals import standard_totals, step_minutes

from .api import standard_data
from .models import Publication
from .public import (
    complaint_contacts,
    earlier_versions,
    final_decree_document,
    in_force_decree,
    public_components,
    requirement_groups,
    version_endings,
)
from .search_index import index_publications

__all__ = [
    "LAPOR_URL",
    "PAGE_PARTS",
    "PUBLICATION_FORMAT",
    "list_summary",
    "page_templates",
    "publication_content",
    "publish_decree",
    "publish_missing",
    "register_part",
    "service_page",
]

# Bump when the shape of `content` changes; `manage.py publish_standards` rebuilds.
PUBLICATION_FORMAT = 5  # 2: requirements by kind; 3: history; 4: the service's kind, the API's;
# 5: the service page's parts rendered (`page`), a list's texts (`summary`)

# The parts of the service page rendered when the publication is written, each by its own
# template `portal/service/<part>.html`, in the page's order (portal/service.html).
PAGE_PARTS = ("summary", "components", "decree", "trace")
LAPOR_URL = "https://www.lapor.go.id"  # SP4N-LAPOR!, the national complaints channel

# `part(standard)` returns keys to add to a publication's content (from AppConfig.ready).
Part = Callable[[ServiceStandard], dict]
_parts = Registry()
register_part = _parts.register


def _steps(standard: ServiceStandard) -> list[dict]:
    rows = []
    for step in standard.steps.all():
        minutes = step_minutes(step.duration_value or 0, step.duration_unit)
        duration = ""
        if minutes:
            duration = step.duration_display  # "2 jam 30 menit", never "2,50 jam"
        rows.append(
            {
                "actor": step.actor,
                "action": step.action,
                "duration": duration,
                "fee": rupiah(step.applicant_fee) if step.applicant_fee else "",
                "output": step.output,
            }
        )
    return rows


def _requirement_kinds(standard: ServiceStandard) -> list[dict]:
    """Persyaratan administratif, then teknis, each with when it is handed in: the split
    the decree's lampiran prints (documents/includes/standard_table.html)."""
    rows = list(standard.requirements.all())
    return [
        {
            "label": str(kind.label),
            "items": [
                {"description": r.description, "notes": r.notes, "timing": r.get_timing_display()}
                for r in rows
                if r.kind == kind
            ],
        }
        for kind in RequirementKind
        if any(r.kind == kind for r in rows)
    ]


def _management(standard: ServiceStandard, components: dict) -> list[dict]:
    """Components 7-14, only when the agency opted in (Pasal 9 ayat (3))."""
    if not standard.publish_management:
        return []
    sections = []
    for kind in ComponentKind:
        if kind in DELIVERY_COMPONENTS or kind.value not in components:
            continue
        items = []
        if kind == ComponentKind.LEGAL_BASIS:
            items = [str(basis) for basis in standard.legal_bases.all()]
        elif kind == ComponentKind.STAFF_COUNT and standard.staff_count:
            items = [translation.gettext("%(n)s orang") % {"n": standard.staff_count}]
        sections.append(
            {
                "number": kind.number,
                "label": str(kind.label),
                "items": items,
                "text": components[kind.value],
            }
        )
    return sections


def _decree_facts(decree: Decree) -> dict:
    # TTE (documents.signing) or a wet signature, whose scan the agency keeps.
    signed = SigningRequest.objects.filter(document__in=Document.objects.for_subject(decree))
    return {
        "title": decree.title,
        "number": decree.number,
        "date": long_date(decree.decree_date),
        "signature": "electronic" if signed.exists() else "wet",
        "recorded": decree.recorded,
        "signer": decree.signer_name,
    }


def _history(standard: ServiceStandard, decree: Decree) -> list[dict]:
    """The standard's own life in one line (Pasal 10-12): drafted, discussed with the
    public (its last complete consultation), set, ratified; each with its date."""
    discussed = (
        standard.consultations.complete().order_by("-starts_at").values_list("starts_at", flat=True)
    ).first()
    steps = [
        (translation.gettext("disusun"), standard.created_at),
        (translation.gettext("dibahas"), discussed),
        (translation.gettext("ditetapkan"), decree.decree_date),
        (translation.gettext("disahkan"), decree.ratified_on),
    ]
    return [{"label": label, "date": long_date(_local_day(day))} for label, day in steps if day]


def _local_day(moment):
    """A moment as its date in WITA; a date as itself."""
    return timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment


def _earlier(standard: ServiceStandard) -> list[dict]:
    """The superseded versions, each with its end date and the decree that replaced it."""
    earlier = earlier_versions(standard)
    endings = version_endings(standard, earlier)
    items = []
    for old in earlier:
        until, decree = endings.get(old.pk, (None, None))
        items.append(
            {
                "version": old.version,
                "has_previous": bool(old.previous_id),
                "in_force_since": long_date(old.in_force_since),
                "until": long_date(until),
                "replaced_by": f"{decree.title} Nomor {decree.number}" if decree else "",
            }
        )
    return items


def publication_content(standard: ServiceStandard, decree: Decree) -> dict:
    """Everything the service page shows that was fixed when `standard` came into force
    under `decree` (plain JSON: texts already written out in Indonesian)."""
    with translation.override(settings.LANGUAGE_CODE):
        totals = standard_totals(standard)
        components = {c.kind: c.text for c in public_components(standard)}
        content = {
            # What was set is published (Pasal 9 ayat (1)): a rename of the service shows
            # with its next decree, everywhere at once (docs/decisions/0008).
            "service": {
                "name": standard.service.name,
                "description": standard.service.description,
                "kind": standard.service.kind,
                "kind_label": standard.service.get_kind_display(),
            },
            "version": standard.version,
            "has_previous": bool(standard.previous_id),
            "in_force_since": long_date(standard.in_force_since),
            "duration": totals.duration_display,
            "fee": totals.fee_display,
            "fee_legal_basis": "" if totals.is_free else standard.fee_legal_basis,
            "texts": {kind.value: components.get(kind.value, "") for kind in DELIVERY_COMPONENTS},
            "requirement_groups": [
                {
                    "label": group.label,
                    "items": [
                        {"description": r.description, "notes": r.notes} for r in group.requirements
                    ],
                }
                for group in requirement_groups(standard)
            ],
            "requirement_kinds": _requirement_kinds(standard),
            "steps": _steps(standard),
            "complaints": complaint_contacts(standard),
            "management": _management(standard, components),
            "decree": _decree_facts(decree),
            "history": _history(standard, decree),
            "earlier_versions": _earlier(standard),
        }
        content["api"] = standard_data(standard)  # the open API's Standard, as published
        for part in _parts:
            content.update(part(standard))
    return content


@functools.cache
def page_templates() -> str:
    """A digest of the page parts' templates, kept in `page`: parts rendered by other
    templates (a deploy that changed one) are rendered again when read, and rewritten by
    `manage.py publish_standards`, so a template change never leaves a stale page."""
    env = engines["jinja2"].env
    digest = hashlib.sha256()
    for part in PAGE_PARTS:
        source, _filename, _uptodate = env.loader.get_source(env, f"portal/service/{part}.html")
        digest.update(source.encode())
    return digest.hexdigest()[:16]


def service_page(content: dict) -> dict:
    """The service page's parts that come from the publication alone, rendered by the
    portal's autoescaping templates (HTML: every value in it was escaped by Jinja2), and
    the few facts its frame shows beside what changes after the act."""
    context = {"p": content, "lapor_url": LAPOR_URL}
    with translation.override(settings.LANGUAGE_CODE):
        html = {
            part: render_to_string(f"portal/service/{part}.html", context, using="jinja2")
            for part in PAGE_PARTS
        }
    return {
        "templates": page_templates(),
        "html": html,
        "service": {"name": content["service"]["name"]},
        "duration": content["duration"],
        "fee": content["fee"],
        "version": content["version"],
        "has_previous": content["has_previous"],
        "earlier_versions": content["earlier_versions"],
        "decree": {"recorded": content["decree"]["recorded"]},
    }


def list_summary(content: dict) -> dict:
    """What a list of standards shows of one (the agency's page), from its content."""
    service = content["service"]
    return {
        "name": service["name"],
        "kind": service["kind"],
        "kind_label": service["kind_label"],
        "duration": content["duration"],
        "fee": content["fee"],
    }


def _publish(standard: ServiceStandard, decree: Decree, document: Document | None) -> Publication:
    content = publication_content(standard, decree)
    publication, _created = Publication.objects.update_or_create(
        standard=standard,
        defaults={
            "decree": decree,
            "decree_document": document,
            "format": PUBLICATION_FORMAT,
            "content": content,
            "page": service_page(content),
            "summary": list_summary(content),
        },
    )
    return publication


def publish_decree(decree: Decree) -> None:
    """Pasal 12: the decree's versions are in force; write their publications (inside the
    act's transaction, so a rolled-back act publishes nothing)."""
    if decree.status != DecreeStatus.IN_FORCE:
        return
    document = final_decree_document(decree)
    with transaction.atomic():
        standards = standards_with_rows().in_force().filter(decrees=decree)
        # The search's rows in the same transaction, written together.
        index_publications([(_publish(s, decree, document), s) for s in standards])


def publish_missing() -> int:
    """Write the publication of every standard in force that has none of the current
    format (those in force before publications existed, or after a format change) or
    whose page parts were rendered by other templates."""
    current = Publication.objects.filter(
        format=PUBLICATION_FORMAT, page__templates=page_templates()
    ).values("standard_id")
    count = 0
    for standard in standards_with_rows().in_force().exclude(pk__in=current):
        decree = in_force_decree(standard)
        if decree is not None:
            with transaction.atomic():
                publication = _publish(standard, decree, final_decree_document(decree))
                index_publications([(publication, standard)])
            count += 1
    return count

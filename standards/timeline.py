"""The timeline of a decree or a standard: every act that was recorded, who and when (in
WITA), and how long the item waited before each act, in hari kerja and calendar days.

Nothing is written for it: the acts are read from the rows they already left, through
reverse relations (StatusChange, ReviewNote, the consultations of the standards, the
decree's documents, the agency's Maklumat, the publication), in a fixed number of queries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from agencies.workdays import Wait, WorkCalendar, wait_between
from documents.models import Document
from maklumat.models import Maklumat

from .decrees.workflow import TRANSITIONS
from .models import Decree, ReviewNote, ServiceStandard, StatusChange

__all__ = ["Act", "decree_timeline", "standard_timeline"]


@dataclass(frozen=True)
class Act:
    at: datetime.datetime
    title: str
    actor: str = ""
    note: str = ""
    url: str = ""
    wait: Wait | None = None  # since the act before it


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _decree_acts(decree: Decree, note_filter=lambda note: True) -> list[Act]:
    own = reverse("standards:decree-detail", args=[decree.pk])
    acts = [
        Act(
            decree.created_at,
            _("Rancangan keputusan dibuat"),
            _name(decree.created_by),
            url=own,
        )
    ]
    for change in decree.status_changes.all():
        spec = TRANSITIONS.get(change.action)
        acts.append(
            Act(
                change.at,
                str(spec.label) if spec else change.get_to_status_display(),
                _name(change.actor),
                change.note,
                own,
            )
        )
    for note in decree.review_notes.all():
        if not note_filter(note):
            continue
        about = " — ".join(
            str(part)
            for part in (
                note.standard.service.name if note.standard else _("umum"),
                note.get_component_display() if note.component else "",
            )
            if part
        )
        acts.append(
            Act(
                note.created_at,
                _("Catatan evaluasi ditulis (%s)") % about,
                _name(note.author),
                note.text,
            )
        )
        if note.addressed_at:
            acts.append(
                Act(
                    note.addressed_at,
                    _("Catatan evaluasi ditindaklanjuti (%s)") % about,
                    _name(note.addressed_by),
                )
            )
    for document in getattr(decree, "timeline_documents", []):
        label = document.get_kind_display()
        if document.rendered_at:
            acts.append(
                Act(
                    document.rendered_at,
                    _("%s dibuat") % label,
                    _name(document.requested_by),
                    url=reverse("documents:verify", args=[document.code]),
                )
            )
        if document.issued_at:
            acts.append(
                Act(
                    document.issued_at,
                    _("%s diterbitkan") % label,
                    url=reverse("documents:verify", args=[document.code]),
                )
            )
    scanned = getattr(decree, "scan_uploaded", None)
    if scanned is not None:
        acts.append(
            Act(
                scanned.history_date,
                _("Pindaian keputusan bertanda tangan basah diunggah"),
                _name(scanned.history_user),
                url=own,
            )
        )
    return acts


def _consultation_acts(consultation, about: str = "") -> list[Act]:
    suffix = f" ({about})" if about else ""
    url = reverse(
        "consultations:consultation-detail", args=[consultation.agency.slug, consultation.pk]
    )
    acts = [
        Act(
            consultation.created_at,
            _("Pembahasan direncanakan: %s") % consultation.get_method_display() + suffix,
            _name(consultation.created_by),
            url=url,
        )
    ]
    if consultation.held_at:
        acts.append(Act(consultation.held_at, _("Pembahasan dilaksanakan") + suffix, url=url))
    if consultation.minutes_signed_at:
        acts.append(
            Act(
                consultation.minutes_signed_at,
                _("Berita acara pembahasan ditandatangani: %s") % consultation.minutes_number
                + suffix,
                url=url,
            )
        )
    if consultation.cancelled_at:
        acts.append(
            Act(
                consultation.cancelled_at,
                _("Pembahasan dibatalkan") + suffix,
                note=consultation.cancel_reason,
                url=url,
            )
        )
    return acts


def _maklumat_acts(agency, since: datetime.datetime) -> list[Act]:
    """The Maklumat set by the agency during the item's life (Pasal 14 ayat (1))."""
    url = reverse("maklumat:staff-detail", kwargs={"agency_slug": agency.slug})
    return [
        Act(
            m.set_at,
            _("Maklumat Pelayanan versi %s ditetapkan") % m.version,
            _name(m.set_by),
            url=url,
        )
        for m in Maklumat.objects.was_set()
        .filter(agency=agency, set_at__gte=since)
        .select_related("set_by")
    ]


def _publication_acts(standards) -> list[Act]:
    acts = []
    for standard in standards:
        publication = getattr(standard, "publication", None)
        if publication is not None:
            acts.append(
                Act(
                    publication.published_at,
                    _("Diterbitkan di portal publik: %s") % standard.service.name,
                    url=reverse(
                        "portal:public-service",
                        args=[standard.service.agency.slug, standard.service.slug],
                    ),
                )
            )
    return acts


def _with_waits(acts: list[Act], calendar: WorkCalendar) -> list[Act]:
    acts = sorted((a for a in acts if a.at), key=lambda a: a.at)
    return [
        replace(act, wait=wait_between(acts[i - 1].at, act.at, calendar) if i else None)
        for i, act in enumerate(acts)
    ]


def _decrees_prefetched(queryset):
    return queryset.select_related("agency", "created_by").prefetch_related(
        Prefetch("status_changes", queryset=StatusChange.objects.select_related("actor")),
        Prefetch(
            "review_notes",
            queryset=ReviewNote.objects.select_related(
                "standard__service", "author", "addressed_by"
            ),
        ),
    )


def _attach_documents(decrees: list[Decree]) -> None:
    content_type = ContentType.objects.get_for_model(Decree)
    documents: dict[int, list[Document]] = {}
    for document in Document.objects.filter(
        content_type=content_type, object_id__in=[d.pk for d in decrees]
    ).select_related("requested_by"):
        documents.setdefault(document.object_id, []).append(document)
    # The wet-signed scan: when it was first attached, from the decree's history rows.
    scans: dict[int, object] = {}
    for row in (
        Decree.history.filter(id__in=[d.pk for d in decrees])
        .exclude(signed_scan="")
        .select_related("history_user")
        .order_by("history_date")
    ):
        scans.setdefault(row.id, row)
    for decree in decrees:
        decree.timeline_documents = documents.get(decree.pk, [])
        decree.scan_uploaded = scans.get(decree.pk)


def decree_timeline(decree: Decree, calendar: WorkCalendar) -> list[Act]:
    """Every act of the decree and of its standards' consultations, oldest first."""
    decree = _decrees_prefetched(Decree.objects.filter(pk=decree.pk)).get()
    _attach_documents([decree])
    standards = list(
        ServiceStandard.objects.filter(decrees=decree)
        .select_related("service__agency", "publication")
        .prefetch_related(_consultations_prefetch())
    )
    acts = _decree_acts(decree)
    seen = set()
    for standard in standards:
        for consultation in standard.consultations.all():
            if consultation.pk not in seen:
                seen.add(consultation.pk)
                acts += _consultation_acts(consultation)
    acts += _maklumat_acts(decree.agency, decree.created_at)
    acts += _publication_acts(standards)
    # Shown on the decree's own page, beside its act buttons and document links: the
    # timeline stays plain text there, so no link repeats the name of a button.
    return [replace(act, url="") for act in _with_waits(acts, calendar)]


def _consultations_prefetch() -> Prefetch:
    consultation = ServiceStandard._meta.get_field("consultations").related_model
    return Prefetch(
        "consultations",
        queryset=consultation.objects.select_related("agency", "created_by").order_by("pk"),
    )


def standard_timeline(standard: ServiceStandard, calendar: WorkCalendar) -> list[Act]:
    """Every act in this version's life: drafted, discussed, evaluated, set, ratified,
    published; with its decrees' acts (their notes on other standards left out)."""
    standard = (
        ServiceStandard.objects.select_related(
            "service__agency", "created_by", "publication", "previous"
        )
        .prefetch_related(_consultations_prefetch())
        .get(pk=standard.pk)
    )
    decrees = list(_decrees_prefetched(Decree.objects.filter(standards=standard)))
    _attach_documents(decrees)
    title = (
        _("Perubahan disusun dari versi %s") % standard.previous.version
        if standard.previous
        else _("Penyusunan dimulai")
    )
    acts = [
        Act(
            standard.created_at,
            title,
            _name(standard.created_by),
            url=reverse("standards:standard-detail", args=[standard.pk]),
        )
    ]
    for consultation in standard.consultations.all():
        acts += _consultation_acts(consultation)
    for decree in decrees:
        # The decree's notes on other standards belong to their own timelines.
        acts += _decree_acts(decree, lambda note: note.standard_id in (None, standard.pk))
    acts += _maklumat_acts(standard.service.agency, standard.created_at)
    acts += _publication_acts([standard])
    return _with_waits(acts, calendar)

"""Reads about decrees scoped to a user, free of N+1."""

from __future__ import annotations

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from agencies import permissions as agency_permissions
from agencies.roles import CityRole
from agencies.worklist import WorkItem

from ..models import Decree, DecreeStandard, DecreeStatus, ReviewNote, StatusChange


def decrees_for(user) -> QuerySet[Decree]:
    """Decrees the user may read: their agencies', or all for the city-wide roles."""
    qs = Decree.objects.select_related("agency").annotate(
        standard_count=Count("lampiran", distinct=True),
        last_change=Max("status_changes__at"),
    )
    if agency_permissions.reads_every_agency(user):
        return qs
    return qs.filter(agency__in=agency_permissions.readable_agencies(user))


def review_queue() -> QuerySet[Decree]:
    """Pasal 12 ayat (4): submitted drafts across all agencies, oldest first."""
    return (
        Decree.objects.filter(status=DecreeStatus.SUBMITTED)
        .select_related("agency")
        .annotate(
            submitted_at=Max("status_changes__at", filter=Q(status_changes__to_status="submitted")),
            standard_count=Count("lampiran", distinct=True),
        )
        .order_by("submitted_at", "pk")
    )


def decree_detail(pk: int) -> Decree:
    return (
        Decree.objects.select_related("agency", "amends")
        .prefetch_related(
            Prefetch(
                "lampiran",
                queryset=DecreeStandard.objects.select_related("standard__service"),
            ),
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("actor")),
            Prefetch(
                "review_notes",
                queryset=ReviewNote.objects.select_related(
                    "standard__service", "author", "addressed_by"
                ),
            ),
        )
        .get(pk=pk)
    )


def last_return(decree: Decree) -> StatusChange | None:
    """The latest return with notes, from the prefetched `status_changes` (no query)."""
    returns = [c for c in decree.status_changes.all() if c.action == "return"]
    return max(returns, key=lambda c: (c.at, c.pk)) if returns else None


def _item(decree: Decree, title: str, since=None) -> WorkItem:
    return WorkItem(
        title=f"{title}: {decree.title} ({decree.reference})",
        url=reverse("standards:decree-detail", args=[decree.pk]),
        since=since or decree.updated_at,
        agency_name=decree.agency.name,
    )


def decree_work_items(user) -> list[WorkItem]:
    """'Tugas saya' for the decree workflow: the acts waiting for this user."""
    if not agency_permissions.is_actor(user):
        return []
    items: list[WorkItem] = []
    base = Decree.objects.select_related("agency")
    if agency_permissions.has_city_role(user, CityRole.REVIEWER):
        items += [_item(d, _("Evaluasi"), d.submitted_at) for d in review_queue()]
    if agency_permissions.has_city_role(user, CityRole.MAYOR_OFFICE):
        items += [_item(d, _("Sahkan")) for d in base.filter(status=DecreeStatus.SET)]
        items += [
            _item(d, _("Tetapkan dengan Keputusan Wali Kota"))
            for d in base.filter(status=DecreeStatus.EVALUATED, by_mayor=True)
        ]
    headed = agency_permissions.agencies_headed(user)
    items += [
        _item(d, _("Tetapkan"))
        for d in base.filter(status=DecreeStatus.EVALUATED, by_mayor=False, agency__in=headed)
    ]
    drafting = agency_permissions.agencies_for_drafting(user)
    returned = base.filter(
        status=DecreeStatus.DRAFT, agency__in=drafting, review_notes__addressed_at__isnull=True
    ).distinct()
    items += [_item(d, _("Tindak lanjuti catatan evaluasi")) for d in returned]
    return items

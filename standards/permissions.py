"""The one answer to "may this user read / edit this service or standard".

Built on `agencies.permissions`: who may draft for the service's agency edits its
services, drafting team and draft standards; who may read the agency reads them.
A standard is edited only while it is a draft.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from agencies import permissions as agency_permissions
from agencies.models import Agency

from .models import Service, ServiceStandard


def may_read_agency(user, agency: Agency) -> bool:
    return agency_permissions.may_read(user, agency)


def may_draft(user, agency: Agency) -> bool:
    return agency_permissions.may_draft_for(user, agency)


def may_edit_standard(user, standard: ServiceStandard) -> bool:
    return standard.is_editable and may_draft(user, standard.service.agency)


def agency_for_drafting(user, slug: str) -> Agency:
    """The agency by slug if the user may draft for it; 404 otherwise (no existence leak)."""
    agency = get_object_or_404(Agency, slug=slug)
    if not may_draft(user, agency):
        raise Http404
    return agency


def agency_for_reading(user, slug: str) -> Agency:
    agency = get_object_or_404(Agency, slug=slug)
    if not may_read_agency(user, agency):
        raise Http404
    return agency


def standard_for_reading(user, pk: int) -> ServiceStandard:
    standard = get_object_or_404(
        ServiceStandard.objects.select_related("service__agency", "service__work_unit"), pk=pk
    )
    if not may_read_agency(user, standard.service.agency):
        raise Http404
    return standard


def standard_for_editing(user, pk: int) -> ServiceStandard:
    """404 for those who may not read; the caller shows drafts read-only when not editable."""
    standard = standard_for_reading(user, pk)
    if not may_draft(user, standard.service.agency):
        raise Http404
    return standard


def service_for_drafting(user, agency_slug: str, pk: int) -> Service:
    agency = agency_for_drafting(user, agency_slug)
    return get_object_or_404(Service, agency=agency, pk=pk)

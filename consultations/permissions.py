"""The one answer to "may this user read / manage this agency's public consultations".

Built on `agencies.permissions`:
- who may draft for the agency manages its consultations: its drafters and head, the
  parent agency for a UPT or school (Pasal 17 ayat (1)), Bagian Pemerintahan for
  kecamatan and kelurahan (Pasal 17 ayat (2));
- who may read the agency's drafts reads them: Bagian Organisasi, the mayor's office
  and the Sekretariat Daerah, read-only;
- everyone else gets 404, so that not even the existence of a consultation leaks.

Gatekeepers return the object or raise Http404 (no right to read) / PermissionDenied
(may read, may not change).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from agencies import permissions as agency_permissions
from agencies.models import Agency

from .models import Consultation, ConsultationScan


def may_read(user, agency: Agency) -> bool:
    return agency_permissions.may_read(user, agency)


def may_manage(user, agency: Agency) -> bool:
    return agency_permissions.may_draft_for(user, agency)


def may_change(user, consultation: Consultation) -> bool:
    """Manage, and the berita acara is not signed yet (then the record is frozen)."""
    return consultation.is_open and may_manage(user, consultation.agency)


def agency_for_reading(user, slug: str) -> Agency:
    agency = get_object_or_404(Agency, slug=slug)
    if not may_read(user, agency):
        raise Http404
    return agency


def agency_for_managing(user, slug: str) -> Agency:
    agency = agency_for_reading(user, slug)
    if not may_manage(user, agency):
        raise PermissionDenied
    return agency


def consultation_for_reading(user, agency_slug: str, pk: int, queryset=None) -> Consultation:
    agency = agency_for_reading(user, agency_slug)
    queryset = queryset if queryset is not None else Consultation.objects.all()
    consultation = get_object_or_404(queryset.select_related("agency"), pk=pk, agency=agency)
    return consultation


def consultation_for_managing(user, agency_slug: str, pk: int, queryset=None) -> Consultation:
    consultation = consultation_for_reading(user, agency_slug, pk, queryset)
    if not may_manage(user, consultation.agency):
        raise PermissionDenied
    return consultation


def scan_for_download(user, agency_slug: str, consultation_pk: int, pk: int) -> ConsultationScan:
    """Scans are served only to those who may read the agency's drafts."""
    consultation = consultation_for_reading(user, agency_slug, consultation_pk)
    return get_object_or_404(ConsultationScan, pk=pk, consultation=consultation)

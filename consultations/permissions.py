"""The one answer to "may this user read / manage this agency's public consultations".

Built on `agencies.permissions`:
- who may draft for the agency manages its consultations: its drafters and head, the
  parent agency for a UPT or school (Pasal 17 ayat (1)), Bagian Pemerintahan for
  kecamatan and kelurahan (Pasal 17 ayat (2));
- who may read the agency's drafts reads them: Bagian Organisasi, the mayor's office
  and the Sekretariat Daerah, read-only;
- everyone else gets 404, so that not even the existence of a consultation leaks.

Gatekeepers return the object or raise Http404 (no right to read the agency:
`agencies.permissions.agency_for_reading`) / PermissionDenied (may read, may not change).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from agencies import permissions as agency_permissions
from agencies.models import Agency

from .models import Consultation, ConsultationScan

# The views ask here; these answers are the agencies app's, the same in every app.
may_read = agency_permissions.may_read
agency_for_reading = agency_permissions.agency_for_reading


def may_manage(user, agency: Agency) -> bool:
    return agency_permissions.may_draft_for(user, agency)


def may_change(user, consultation: Consultation) -> bool:
    """Manage, and the berita acara is not signed yet (then the record is frozen)."""
    return consultation.is_open and may_manage(user, consultation.agency)


def refuse_unless_manager(user, agency: Agency) -> None:
    """403 for a reader of the agency who may not manage its consultations."""
    agency_permissions.refuse_unless(may_manage(user, agency))


def agency_for_managing(user, slug: str) -> Agency:
    agency = agency_for_reading(user, slug)
    refuse_unless_manager(user, agency)
    return agency


def consultation_for_reading(user, agency_slug: str, pk: int, queryset=None) -> Consultation:
    agency = agency_for_reading(user, agency_slug)
    queryset = queryset if queryset is not None else Consultation.objects.all()
    consultation = get_object_or_404(queryset.select_related("agency"), pk=pk, agency=agency)
    return consultation


def consultation_for_managing(user, agency_slug: str, pk: int, queryset=None) -> Consultation:
    consultation = consultation_for_reading(user, agency_slug, pk, queryset)
    refuse_unless_manager(user, consultation.agency)
    return consultation


def scan_for_download(user, agency_slug: str, consultation_pk: int, pk: int) -> ConsultationScan:
    """Scans are served only to those who may read the agency's drafts."""
    consultation = consultation_for_reading(user, agency_slug, consultation_pk)
    return get_object_or_404(ConsultationScan, pk=pk, consultation=consultation)

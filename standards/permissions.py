"""The one answer to "may this user read / edit this service or standard".

Built on `agencies.permissions`: who may draft for the service's agency edits its
services, drafting team and draft standards; who may read the agency reads them.
A standard is edited only while it is a draft. Who may not read the agency gets 404 for
its services, standards and decrees (`agencies.permissions.readable_or_404`); so do its
readers for the pages that change them.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from agencies import permissions as agency_permissions
from agencies.models import Agency
from agencies.roles import CityRole

from .models import Decree, ReviewNote, Service, ServiceStandard, TeamMember, TeamRole

# The views ask here; these answers are the agencies app's, the same in every app.
may_read_agency = agency_permissions.may_read
agency_for_reading = agency_permissions.agency_for_reading
refuse_unless = agency_permissions.refuse_unless


def may_draft(user, agency: Agency) -> bool:
    return agency_permissions.may_draft_for(user, agency)


def may_edit_standard(user, standard: ServiceStandard) -> bool:
    """A draft version, not under evaluation (Pasal 12 ayat (4)), by who drafts for the agency."""
    return (
        standard.is_editable
        and may_draft(user, standard.service.agency)
        and not standard.under_decree_review()
    )


def _draftable_or_404(user, agency: Agency) -> Agency:
    # Who drafts for an agency reads it; its readers who may not draft get 404 here too.
    if not may_draft(user, agency):
        raise Http404
    return agency


def agency_for_drafting(user, slug: str) -> Agency:
    """The agency by slug if the user may draft for it; 404 otherwise (no existence leak)."""
    return _draftable_or_404(user, get_object_or_404(Agency, slug=slug))


def standard_for_reading(user, pk: int) -> ServiceStandard:
    standard = get_object_or_404(
        ServiceStandard.objects.select_related("service__agency", "service__work_unit"), pk=pk
    )
    agency_permissions.readable_or_404(user, standard.service.agency)
    return standard


def standard_for_editing(user, pk: int) -> ServiceStandard:
    """404 for those who may not read; the caller shows drafts read-only when not editable."""
    standard = standard_for_reading(user, pk)
    _draftable_or_404(user, standard.service.agency)
    return standard


def service_for_drafting(user, agency_slug: str, pk: int) -> Service:
    agency = agency_for_drafting(user, agency_slug)
    return get_object_or_404(Service, agency=agency, pk=pk)


# --- decrees (Pasal 12) -------------------------------------------------------------


def decree_for_reading(user, pk: int) -> Decree:
    """The decree with its lampiran, history and notes, if the user may read its agency."""
    from .decrees.queries import decree_detail  # the decrees' table reads this module

    try:
        decree = decree_detail(pk)
    except Decree.DoesNotExist as error:
        raise Http404 from error
    agency_permissions.readable_or_404(user, decree.agency)
    return decree


def decree_for_drafting(user, pk: int) -> Decree:
    """The decree, if the user drafts for its agency: 404 for everyone else."""
    decree = decree_for_reading(user, pk)
    _draftable_or_404(user, decree.agency)
    return decree


def review_note_for_drafting(user, pk: int) -> ReviewNote:
    """A reviewer's note, answered by who drafts for the decree's agency; 404 otherwise."""
    note = get_object_or_404(ReviewNote.objects.select_related("decree__agency"), pk=pk)
    _draftable_or_404(user, note.decree.agency)
    return note


def is_team_chair(user, agency: Agency) -> bool:
    """The ketua of the agency's drafting team (the parent's team for a UPT or school)."""
    team_agency = agency.parent if agency.drafted_by_parent else agency
    return (
        agency_permissions.is_actor(user)
        and TeamMember.objects.filter(
            team__agency=team_agency, user=user, role=TeamRole.CHAIR
        ).exists()
    )


def may_submit_decree(user, decree) -> bool:
    """Pasal 12 ayat (4): the team's ketua or the agency head sends the draft for evaluation."""
    return agency_permissions.may_act_as_head(user, decree.agency) or is_team_chair(
        user, decree.agency
    )


def may_evaluate_decree(user, decree) -> bool:
    """Pasal 12 ayat (4): Bagian Organisasi Setda evaluates."""
    return agency_permissions.has_city_role(user, CityRole.REVIEWER)


def may_set_decree(user, decree) -> bool:
    """Pasal 12 ayat (1): the Kepala Perangkat Daerah sets (not for PTSP/PATEN)."""
    return not decree.by_mayor and agency_permissions.may_act_as_head(user, decree.agency)


def may_act_for_mayor(user, decree=None) -> bool:
    """Pasal 12 ayat (1)-(2): the Wali Kota ratifies, and sets PTSP and PATEN decrees."""
    return agency_permissions.has_city_role(user, CityRole.MAYOR_OFFICE)


def may_withdraw_decree(user, decree) -> bool:
    return agency_permissions.may_draft_for(
        user, decree.agency
    ) or agency_permissions.may_act_as_head(user, decree.agency)


def may_record_for(user, agency: Agency) -> bool:
    """Recording an earlier decree is the act of who set it: the Kepala Perangkat Daerah,
    or the mayor's office for PTSP and PATEN (Pasal 12 ayat (1)-(2))."""
    if agency.decreed_by_mayor:
        return may_act_for_mayor(user)
    return agency_permissions.may_act_as_head(user, agency)


def may_record_decree(user, decree) -> bool:
    return may_record_for(user, decree.agency) and decree.by_mayor == decree.agency.decreed_by_mayor

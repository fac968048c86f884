"""The one answer to "may this user read / edit / set this agency's Maklumat".

Built on `agencies.permissions`:
- read (staff pages, drafts and history): whoever may read the agency's records;
- edit the draft: whoever drafts for the agency, and its head;
- set (penetapan): the agency's head only (Pasal 14 ayat (1): Kepala Perangkat Daerah),
  also for agencies whose standards the mayor decrees; never the superuser.

The public reads only Maklumat that were set (see `selectors.public_maklumat`).
Users who may not read an agency get 404 (`agencies.permissions.agency_for_reading`), so
its existence does not leak; its readers who may not edit or set get 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from agencies import permissions as agency_permissions
from agencies.models import Agency

# The views ask here; this answer is the agencies app's, the same in every app.
agency_for_reading = agency_permissions.agency_for_reading


def may_edit_draft(user, agency: Agency) -> bool:
    return agency_permissions.may_draft_for(user, agency) or agency_permissions.may_act_as_head(
        user, agency
    )


def may_set(user, agency: Agency) -> bool:
    return agency_permissions.may_act_as_head(user, agency)


@dataclass(frozen=True)
class MaklumatActions:
    """What the templates offer: asked once per page."""

    edit_draft: bool
    set: bool


def available_actions(user, agency: Agency) -> MaklumatActions:
    return MaklumatActions(edit_draft=may_edit_draft(user, agency), set=may_set(user, agency))


def agency_for_editing(user, slug: str) -> Agency:
    """404 for those who may not read the agency, 403 for readers who may not edit."""
    agency = agency_for_reading(user, slug)
    agency_permissions.refuse_unless(may_edit_draft(user, agency))
    return agency


def agency_for_setting(user, slug: str) -> Agency:
    """404 for those who may not read the agency, 403 for its people who may not set."""
    agency = agency_for_reading(user, slug)
    agency_permissions.refuse_unless(may_set(user, agency))
    return agency

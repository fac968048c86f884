"""Who may do what in monitoring and evaluation (Pasal 13, 15, 16).

- The agency head (Kepala Perangkat Daerah) runs the agency's SKM, records its
  application and evaluations, and reads its reports (Pasal 13, 16 ayat (1)).
- The Sekretaris Daerah reads every agency's reports and the dashboard (Pasal 15).
- Who may not read the agency gets a 404 on these pages, as in every app
  (`agencies.permissions.agency_for_reading`); so do its other people where they may not
  read the reports or act. Citizens answer the survey and read the published summary only.
"""

from __future__ import annotations

from django.http import Http404

from agencies.models import Agency
from agencies.permissions import agency_for_reading, has_city_role, may_act_as_head, may_draft_for
from agencies.roles import CityRole


def is_secretariat(user) -> bool:
    return has_city_role(user, CityRole.SECRETARIAT)


def may_manage(user, agency: Agency) -> bool:
    """Open and close survey periods, record follow-ups: the agency head."""
    return may_act_as_head(user, agency)


def may_record_application(user, agency: Agency) -> bool:
    """Pasal 13 ayat (4): the agency documents its internalisation and socialisation."""
    return may_draft_for(user, agency) or may_act_as_head(user, agency)


def may_read_reports(user, agency: Agency) -> bool:
    return may_act_as_head(user, agency) or is_secretariat(user)


def _or_404(allowed: bool) -> None:
    # Monitoring answers 404 also to the agency's readers who may not see or do this.
    if not allowed:
        raise Http404


def agency_for_reports(user, agency_slug: str) -> Agency:
    """The agency whose monitoring this user may read, or 404."""
    agency = agency_for_reading(user, agency_slug)
    _or_404(may_read_reports(user, agency))
    return agency


def agency_for_managing(user, agency_slug: str) -> Agency:
    agency = agency_for_reading(user, agency_slug)
    _or_404(may_manage(user, agency))
    return agency

"""Helpers shared by the consultation views: the page frame and turning service refusals
into form errors."""

from __future__ import annotations

from ..models import Consultation
from ..permissions import may_change, may_manage

PREFIX = "kelola/pd/<slug:agency_slug>/pembahasan/"


def frame(request, consultation: Consultation, tab: str, **extra) -> dict:
    """What every page of one consultation shows: the agency, the header and the tabs."""
    return {
        "agency": consultation.agency,
        "consultation": consultation,
        "tab": tab,
        "may_manage": may_manage(request.user, consultation.agency),
        "may_change": may_change(request.user, consultation),
        **extra,
    }


def is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))

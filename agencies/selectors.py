"""Reads about agencies scoped to a user."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Membership
from .permissions import agencies_for_drafting, has_city_role
from .roles import CityRole


@dataclass(frozen=True)
class StaffRole:
    title: str
    agency: object | None = None


def staff_roles(user) -> list[StaffRole]:
    """What the user is here: their memberships, drafting rights and city-wide roles."""
    roles = [
        StaffRole(title=m.get_role_display(), agency=m.agency)
        for m in Membership.objects.filter(user=user).select_related("agency")
    ]
    member_of = {role.agency.pk for role in roles}
    # Rights that come through a parent agency (Pasal 17 ayat (1)) or coordination (ayat (2)).
    for agency in agencies_for_drafting(user).exclude(pk__in=member_of).order_by("name"):
        roles.append(StaffRole(title=_("Penyusun (koordinasi)"), agency=agency))
    roles += [StaffRole(title=str(role.label)) for role in CityRole if has_city_role(user, role)]
    if user.is_superuser:
        roles.append(StaffRole(title=_("Administrator sistem")))
    return roles

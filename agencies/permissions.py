"""The one answer to "may this user draft for / act as head of / read this agency".

Rights come from three places:
- memberships (drafter or head of an agency), kept as django-guardian object
  permissions on the Agency by `agencies.services`; members of a parent agency
  draft for its UPT and schools (Pasal 17 ayat (1));
- coordination: Bagian Pemerintahan drafts for every kecamatan and kelurahan
  (Pasal 17 ayat (2));
- city-wide roles held through groups (reviewer, mayor's office, secretariat),
  which read every agency but draft for none.

The superuser administers the site; it drafts and acts for no agency.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import get_objects_for_user

from .models import KINDS_COORDINATED_BY_GOVERNMENT_DIVISION, Agency
from .roles import CityRole

READ_ALL_ROLES = (CityRole.REVIEWER, CityRole.MAYOR_OFFICE, CityRole.SECRETARIAT)


def _is_actor(user) -> bool:
    return bool(user.is_authenticated and user.is_active and not user.is_superuser)


def has_city_role(user, role: CityRole) -> bool:
    return _is_actor(user) and user.has_perm(f"agencies.{role.value}")


def _checker(user) -> ObjectPermissionChecker:
    checker = getattr(user, "_agency_permission_checker", None)
    if checker is None:
        checker = ObjectPermissionChecker(user)
        user._agency_permission_checker = checker
    return checker


def prefetch_agency_permissions(user, agencies) -> None:
    """A page that asks about many agencies (the staff home's links) reads the user's
    object permissions on all of them in one go instead of two queries an agency."""
    agencies = [agency for agency in agencies if agency is not None]
    if _is_actor(user) and agencies:
        _checker(user).prefetch_perms(agencies)


def may_draft_for(user, agency: Agency) -> bool:
    """Drafters and heads of the agency or of its parent, and the coordinator for regions."""
    if not _is_actor(user):
        return False
    if agency.coordinated_by_government_division and has_city_role(user, CityRole.COORDINATOR):
        return True
    return _checker(user).has_perm("draft_for_agency", agency)


def may_act_as_head(user, agency: Agency) -> bool:
    """The agency's head (Kepala Perangkat Daerah)."""
    return _is_actor(user) and _checker(user).has_perm("act_as_head", agency)


def may_read(user, agency: Agency) -> bool:
    """Read the agency's drafts and records: its own people, and the city-wide roles."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or any(has_city_role(user, role) for role in READ_ALL_ROLES):
        return True
    return may_draft_for(user, agency) or may_act_as_head(user, agency)


def agencies_for_drafting(user) -> QuerySet[Agency]:
    """The agencies whose standards this user may draft."""
    if not _is_actor(user):
        return Agency.objects.none()
    # accept_global_perms=False: a permission held through a group never widens the list.
    held = get_objects_for_user(
        user,
        "agencies.draft_for_agency",
        klass=Agency,
        accept_global_perms=False,
        with_superuser=False,
    )
    condition = Q(pk__in=held.values("pk"))
    if has_city_role(user, CityRole.COORDINATOR):
        condition |= Q(kind__in=KINDS_COORDINATED_BY_GOVERNMENT_DIVISION)
    return Agency.objects.filter(condition)


def agencies_headed(user) -> QuerySet[Agency]:
    if not _is_actor(user):
        return Agency.objects.none()
    return get_objects_for_user(
        user, "agencies.act_as_head", klass=Agency, accept_global_perms=False, with_superuser=False
    )


def readable_agencies(user) -> QuerySet[Agency]:
    """The agencies whose drafts and records this user may read."""
    if not (user.is_authenticated and user.is_active):
        return Agency.objects.none()
    if user.is_superuser or any(has_city_role(user, role) for role in READ_ALL_ROLES):
        return Agency.objects.all()
    return Agency.objects.filter(
        Q(pk__in=agencies_for_drafting(user).values("pk"))
        | Q(pk__in=agencies_headed(user).values("pk"))
    )

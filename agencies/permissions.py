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

The gatekeepers at the end are what every app's `permissions.py` builds on: who may not
read an agency gets 404 for the agency and for every object of it, in every app, so that
not even its existence leaks (`readable_or_404`, `agency_for_reading`); a reader who may
not do an act is refused with 403 where the app says so (`refuse_unless`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import get_objects_for_user

from .models import KINDS_COORDINATED_BY_GOVERNMENT_DIVISION, Agency
from .roles import CityRole

READ_ALL_ROLES = (CityRole.REVIEWER, CityRole.MAYOR_OFFICE, CityRole.SECRETARIAT)


def is_actor(user) -> bool:
    """A signed-in, active person who may act for an agency or a city-wide role: not the
    superuser, who administers the site."""
    return bool(user.is_authenticated and user.is_active and not user.is_superuser)


def has_city_role(user, role: CityRole) -> bool:
    return is_actor(user) and user.has_perm(f"agencies.{role.value}")


def reads_every_agency(user) -> bool:
    """The city-wide reading roles (and the superuser) read every agency's records."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or any(has_city_role(user, role) for role in READ_ALL_ROLES)


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
    if is_actor(user) and agencies:
        _checker(user).prefetch_perms(agencies)


def may_draft_for(user, agency: Agency) -> bool:
    """Drafters and heads of the agency or of its parent, and the coordinator for regions."""
    if not is_actor(user):
        return False
    if agency.coordinated_by_government_division and has_city_role(user, CityRole.COORDINATOR):
        return True
    return _checker(user).has_perm("draft_for_agency", agency)


def may_act_as_head(user, agency: Agency) -> bool:
    """The agency's head (Kepala Perangkat Daerah)."""
    return is_actor(user) and _checker(user).has_perm("act_as_head", agency)


def may_read(user, agency: Agency) -> bool:
    """Read the agency's drafts and records: its own people, and the city-wide roles."""
    if reads_every_agency(user):
        return True
    return may_draft_for(user, agency) or may_act_as_head(user, agency)


def agencies_for_drafting(user) -> QuerySet[Agency]:
    """The agencies whose standards this user may draft."""
    if not is_actor(user):
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
    if not is_actor(user):
        return Agency.objects.none()
    return get_objects_for_user(
        user, "agencies.act_as_head", klass=Agency, accept_global_perms=False, with_superuser=False
    )


def readable_agencies(user) -> QuerySet[Agency]:
    """The agencies whose drafts and records this user may read."""
    if reads_every_agency(user):
        return Agency.objects.all()
    if not is_actor(user):
        return Agency.objects.none()
    return Agency.objects.filter(
        Q(pk__in=agencies_for_drafting(user).values("pk"))
        | Q(pk__in=agencies_headed(user).values("pk"))
    )


# --- gatekeepers: what the views of every app open with ---------------------------------


def readable_or_404(user, agency: Agency) -> Agency:
    """The agency, if the user may read its records; 404 otherwise. Every object of an
    agency is reached through this, so that another agency's object is always 404,
    exactly as one that does not exist."""
    if not may_read(user, agency):
        raise Http404
    return agency


def agency_for_reading(user, slug: str) -> Agency:
    """The agency by slug if the user may read its records; 404 otherwise."""
    return readable_or_404(user, get_object_or_404(Agency, slug=slug))


def refuse_unless(allowed: bool, reason: str = "") -> None:
    """For a reader of the agency (already past `readable_or_404`) who may not do the act:
    403, the refusal page, since the object's existence is no secret to them."""
    if not allowed:
        raise PermissionDenied(reason) if reason else PermissionDenied

"""Writes to memberships, each keeping the guardian object permissions in sync."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from guardian.models import UserObjectPermission
from guardian.shortcuts import assign_perm

from .models import KINDS_DRAFTED_BY_PARENT, Agency, Membership, MembershipRole

OBJECT_PERMISSIONS = ("draft_for_agency", "act_as_head")


def _require_membership_admin(actor) -> None:
    if actor is not None and not actor.has_perm("agencies.change_membership"):
        raise PermissionDenied("Anda tidak berwenang mengelola keanggotaan.")


def wanted_object_permissions(user) -> set[tuple[str, int]]:
    """The (codename, agency id) pairs this user's memberships give."""
    wanted: set[tuple[str, int]] = set()
    memberships = list(Membership.objects.filter(user=user).values_list("agency_id", "role"))
    agency_ids = {agency_id for agency_id, _role in memberships}
    children = Agency.objects.filter(parent_id__in=agency_ids, kind__in=KINDS_DRAFTED_BY_PARENT)
    children_of: dict[int, list[int]] = {}
    for child_id, parent_id in children.values_list("id", "parent_id"):
        children_of.setdefault(parent_id, []).append(child_id)
    for agency_id, role in memberships:
        wanted.add(("draft_for_agency", agency_id))
        if role == MembershipRole.HEAD:
            wanted.add(("act_as_head", agency_id))
        # Pasal 17 ayat (1): the parent drafts for its UPT and schools.
        for child_id in children_of.get(agency_id, []):
            wanted.add(("draft_for_agency", child_id))
    return wanted


def sync_object_permissions(user) -> None:
    """Make the user's guardian permissions on agencies equal what memberships give."""
    held = UserObjectPermission.objects.filter(
        user=user,
        content_type__app_label="agencies",
        content_type__model="agency",
        permission__codename__in=OBJECT_PERMISSIONS,
    ).select_related("permission")
    current = {(row.permission.codename, int(row.object_pk)): row.pk for row in held}
    wanted = wanted_object_permissions(user)
    stale = [pk for key, pk in current.items() if key not in wanted]
    UserObjectPermission.objects.filter(pk__in=stale).delete()
    missing = wanted - current.keys()
    agencies = Agency.objects.in_bulk({agency_id for _codename, agency_id in missing})
    for codename, agency_id in missing:
        assign_perm(f"agencies.{codename}", user, agencies[agency_id])
    user.__dict__.pop("_agency_permission_checker", None)


def sync_agency_permissions(agency: Agency) -> None:
    """After an agency's parent or kind changed: resync everyone it concerns."""
    agency_ids = [agency.pk] + ([agency.parent_id] if agency.parent_id else [])
    user_ids = set(
        Membership.objects.filter(agency_id__in=agency_ids).values_list("user_id", flat=True)
    )
    # Members of a former parent lose their rights too.
    user_ids |= set(
        UserObjectPermission.objects.filter(
            content_type__app_label="agencies", object_pk=str(agency.pk)
        ).values_list("user_id", flat=True)
    )
    for user in get_user_model().objects.filter(pk__in=user_ids):
        sync_object_permissions(user)


@transaction.atomic
def membership_set(*, actor, user, agency: Agency, role: str) -> Membership:
    """Give the user a role in the agency (one role per agency)."""
    _require_membership_admin(actor)
    membership, created = Membership.objects.select_for_update().get_or_create(
        user=user, agency=agency, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    sync_object_permissions(user)
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    _require_membership_admin(actor)
    user = membership.user
    membership.delete()
    sync_object_permissions(user)

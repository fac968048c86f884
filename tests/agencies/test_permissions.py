import pytest
from django.contrib.auth.models import Group, Permission

from agencies import permissions
from agencies.models import Membership, MembershipRole
from agencies.services import membership_remove, membership_set, sync_agency_permissions
from tests.conftest import PERSONAS, make_member
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_drafter_of_a_drafts_for_a_but_not_b(drafter_a, agency_a, agency_b):
    assert permissions.may_draft_for(drafter_a, agency_a)
    assert not permissions.may_draft_for(drafter_a, agency_b)


def test_drafter_is_not_head(drafter_a, agency_a):
    assert not permissions.may_act_as_head(drafter_a, agency_a)


def test_head_acts_as_head_and_drafts_for_own_agency_only(head_a, agency_a, agency_b):
    assert permissions.may_act_as_head(head_a, agency_a)
    assert permissions.may_draft_for(head_a, agency_a)
    assert not permissions.may_act_as_head(head_a, agency_b)
    assert not permissions.may_read(head_a, agency_b)


def test_parent_members_draft_for_their_upt_but_do_not_head_it(head_a, drafter_a, upt_of_a):
    # Pasal 17 ayat (1)
    assert permissions.may_draft_for(drafter_a, upt_of_a)
    assert permissions.may_draft_for(head_a, upt_of_a)
    assert not permissions.may_act_as_head(head_a, upt_of_a)


def test_upt_created_after_membership_is_covered_once_synced(drafter_a, agency_a):
    upt = AgencyFactory(slug="upt-baru", kind="upt", parent=agency_a)
    sync_agency_permissions(upt)
    assert permissions.may_draft_for(drafter_a, upt)


def test_moving_upt_to_another_parent_removes_old_parents_rights(
    drafter_a, drafter_b, upt_of_a, agency_b
):
    upt_of_a.parent = agency_b
    upt_of_a.save(update_fields=["parent"])
    sync_agency_permissions(upt_of_a)
    assert not permissions.may_draft_for(drafter_a, upt_of_a)
    assert permissions.may_draft_for(drafter_b, upt_of_a)


def test_coordinator_drafts_for_kelurahan_and_kecamatan_but_not_dinas(
    coordinator, village, district, agency_a
):
    # Pasal 17 ayat (2)
    assert permissions.may_draft_for(coordinator, village)
    assert permissions.may_draft_for(coordinator, district)
    assert not permissions.may_draft_for(coordinator, agency_a)
    assert not permissions.may_act_as_head(coordinator, village)


def test_secretariat_reads_every_agency_but_drafts_none(secretariat, agency_a, agency_b):
    assert permissions.may_read(secretariat, agency_a)
    assert permissions.may_read(secretariat, agency_b)
    assert not permissions.may_draft_for(secretariat, agency_a)
    assert not permissions.may_act_as_head(secretariat, agency_a)


@pytest.mark.parametrize("persona", ["reviewer", "mayor_office"], indirect=True)
def test_reviewer_and_mayors_office_read_all_and_draft_none(persona, agency_a, village):
    assert permissions.may_read(persona, agency_a)
    assert permissions.may_read(persona, village)
    assert not permissions.may_draft_for(persona, agency_a)
    assert not permissions.may_draft_for(persona, village)
    assert not permissions.may_act_as_head(persona, agency_a)


def test_superuser_reads_but_never_drafts_or_acts(superuser, agency_a):
    assert permissions.may_read(superuser, agency_a)
    assert not permissions.may_draft_for(superuser, agency_a)
    assert not permissions.may_act_as_head(superuser, agency_a)
    assert not permissions.agencies_for_drafting(superuser).exists()


def test_anonymous_has_no_rights(anonymous, agency_a):
    assert not permissions.may_read(anonymous, agency_a)
    assert not permissions.may_draft_for(anonymous, agency_a)
    assert not permissions.readable_agencies(anonymous).exists()


def test_inactive_member_has_no_rights(drafter_a, agency_a):
    drafter_a.is_active = False
    drafter_a.save(update_fields=["is_active"])
    assert not permissions.may_draft_for(drafter_a, agency_a)
    assert not permissions.may_read(drafter_a, agency_a)


def test_removing_membership_removes_rights(drafter_a, agency_a):
    membership_remove(actor=None, membership=Membership.objects.get(user=drafter_a))
    drafter_a.refresh_from_db()
    assert not permissions.may_draft_for(drafter_a, agency_a)


def test_changing_role_to_head_grants_head_and_back_revokes(drafter_a, agency_a):
    membership_set(actor=None, user=drafter_a, agency=agency_a, role=MembershipRole.HEAD)
    drafter_a.refresh_from_db()
    assert permissions.may_act_as_head(drafter_a, agency_a)
    membership_set(actor=None, user=drafter_a, agency=agency_a, role=MembershipRole.DRAFTER)
    drafter_a.refresh_from_db()
    assert not permissions.may_act_as_head(drafter_a, agency_a)
    assert permissions.may_draft_for(drafter_a, agency_a)


def test_membership_services_refuse_an_actor_without_permission(drafter_a, agency_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        membership_set(actor=drafter_a, user=drafter_a, agency=agency_b, role=MembershipRole.HEAD)
    assert not Membership.objects.filter(user=drafter_a, agency=agency_b).exists()


def test_list_scope_is_not_widened_by_a_global_permission(drafter_a, agency_a, agency_b):
    """A group holding the model-wide draft permission must not list every agency."""
    group = Group.objects.create(name="Global draft")
    group.permissions.add(Permission.objects.get(codename="draft_for_agency"))
    drafter_a.groups.add(group)
    drafter_a = type(drafter_a).objects.get(pk=drafter_a.pk)
    assert list(permissions.agencies_for_drafting(drafter_a)) == [agency_a]
    assert list(permissions.readable_agencies(drafter_a)) == [agency_a]
    assert not permissions.may_draft_for(drafter_a, agency_b)


def test_readable_agencies_for_each_role(
    drafter_a, head_b, secretariat, coordinator, agency_a, agency_b, village, district
):
    assert set(permissions.readable_agencies(drafter_a)) == {agency_a}
    assert set(permissions.readable_agencies(head_b)) == {agency_b}
    assert set(permissions.readable_agencies(coordinator)) == {village, district}
    assert set(permissions.readable_agencies(secretariat)) == {
        agency_a,
        agency_b,
        village,
        district,
    }


def test_membership_in_two_agencies(agency_a, agency_b):
    user = make_member(agency_a, MembershipRole.DRAFTER, username="dua_pd")
    membership_set(actor=None, user=user, agency=agency_b, role=MembershipRole.HEAD)
    user.refresh_from_db()
    assert permissions.may_draft_for(user, agency_a)
    assert permissions.may_act_as_head(user, agency_b)
    assert not permissions.may_act_as_head(user, agency_a)


def test_permission_checks_are_cached_per_request(
    drafter_a, agency_a, agency_b, django_assert_max_num_queries
):
    permissions.may_draft_for(drafter_a, agency_a)
    permissions.may_draft_for(drafter_a, agency_b)
    with django_assert_max_num_queries(0):
        for _ in range(20):
            permissions.may_draft_for(drafter_a, agency_a)
            permissions.may_draft_for(drafter_a, agency_b)


# --- the gatekeepers every app's permissions.py builds on --------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_agency_for_reading_is_404_for_exactly_those_who_may_not_read(persona, agency_a):
    from django.http import Http404

    if permissions.may_read(persona, agency_a):
        assert permissions.agency_for_reading(persona, agency_a.slug) == agency_a
        assert permissions.readable_or_404(persona, agency_a) == agency_a
    else:
        with pytest.raises(Http404):
            permissions.agency_for_reading(persona, agency_a.slug)
        with pytest.raises(Http404):
            permissions.readable_or_404(persona, agency_a)


def test_an_unknown_agency_is_the_same_404(drafter_a):
    from django.http import Http404

    with pytest.raises(Http404):
        permissions.agency_for_reading(drafter_a, "tidak-ada")


def test_refuse_unless_is_403_only_when_not_allowed():
    from django.core.exceptions import PermissionDenied

    permissions.refuse_unless(True)
    with pytest.raises(PermissionDenied):
        permissions.refuse_unless(False)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_city_wide_readers_and_the_superuser_read_every_agency(request, persona):
    name = request.node.callspec.params["persona"]
    assert permissions.reads_every_agency(persona) == (
        name in {"reviewer", "mayor_office", "secretariat", "superuser"}
    )
    assert permissions.is_actor(persona) == (name not in {"superuser", "anonymous"})

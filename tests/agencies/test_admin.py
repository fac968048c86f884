import pytest

from agencies import permissions
from agencies.models import Membership, MembershipRole

pytestmark = pytest.mark.django_db


def test_adding_membership_in_admin_grants_object_permissions(client, superuser, agency_a):
    from tests.factories import UserFactory

    user = UserFactory(username="baru")
    client.force_login(superuser)
    response = client.post(
        "/admin/agencies/membership/add/",
        {"user": user.pk, "agency": agency_a.pk, "role": MembershipRole.HEAD},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert permissions.may_act_as_head(user, agency_a)


def test_deleting_membership_in_admin_revokes(client, superuser, drafter_a, agency_a):
    membership = Membership.objects.get(user=drafter_a)
    client.force_login(superuser)
    response = client.post(f"/admin/agencies/membership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    drafter_a.refresh_from_db()
    assert not permissions.may_draft_for(drafter_a, agency_a)


def test_agencies_cannot_be_deleted_in_admin(client, superuser, agency_a):
    client.force_login(superuser)
    response = client.get(f"/admin/agencies/agency/{agency_a.pk}/delete/")
    assert response.status_code == 403

"""The SKM link on the staff home shows only where /kelola/pd/<agency>/skm/ opens (issue
17 point 4), and asking costs the same few queries however many agencies a role has."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agencies.models import AgencyKind
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _skm(agency):
    return reverse("monitoring:period-list", args=[agency.slug])


def test_drafters_see_no_skm_link_heads_do_and_both_links_agree(client, drafter_a, head_a):
    for user, expected in ((drafter_a, 404), (head_a, 200)):
        client.force_login(user)
        home = client.get(reverse("staff-home")).content.decode()
        assert (_skm(drafter_a.memberships.get().agency) in home) == (expected == 200)
        assert client.get(_skm(drafter_a.memberships.get().agency)).status_code == expected
        listing = reverse("monitoring:application-list", args=["disdukcapil"])
        assert (
            _skm(drafter_a.memberships.get().agency) in client.get(listing).content.decode()
        ) == (expected == 200)


def test_staff_home_queries_do_not_grow_with_the_agencies(
    client, coordinator, district, django_assert_max_num_queries
):
    def villages(count, start):
        for index in range(start, start + count):
            AgencyFactory(
                name=f"Kelurahan Uji {index}",
                slug=f"kelurahan-uji-{index}",
                kind=AgencyKind.VILLAGE,
                parent=district,
            )

    villages(2, 0)
    client.force_login(coordinator)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("staff-home"))
    villages(10, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        home = client.get(reverse("staff-home")).content.decode()
    assert "Kelurahan Uji 11" in home

""" "Bandingkan dengan versi yang berlaku" on the review page opens, before and after the
new version comes into force (issue 17 point 4): never a version with itself."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from standards import decrees
from standards.models import ServiceStandard, StandardStatus
from standards.services import standard_revise
from tests.standards.factories import make_complete_standard
from tests.standards.workflow_fixtures import form_team

pytestmark = pytest.mark.django_db


def _compare_links(html: str) -> list[tuple[int, int]]:
    return [
        (int(a), int(b))
        for a, b in re.findall(r'href="/kelola/standar/(\d+)/banding/(\d+)/"', html)
    ]


def test_the_compare_link_opens_before_and_after_coming_into_force(client, agency_a, drafter_a):
    form_team(agency_a, chair_user=drafter_a)
    v1 = make_complete_standard(agency=agency_a)
    ServiceStandard.objects.filter(pk=v1.pk).update(status=StandardStatus.IN_FORCE)
    v2 = standard_revise(actor=drafter_a, standard=v1, reason="policy", explanation="Tarif baru.")
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[v2])
    client.force_login(drafter_a)
    review = reverse("standards:decree-review", args=[decree.pk])

    html = client.get(review).content.decode()
    assert _compare_links(html) == [(v1.pk, v2.pk)]
    assert "Bandingkan dengan versi 1 yang berlaku" in html
    assert client.get(reverse("standards:standard-compare", args=[v1.pk, v2.pk])).status_code == 200

    ServiceStandard.objects.filter(pk=v1.pk).update(status=StandardStatus.SUPERSEDED)
    ServiceStandard.objects.filter(pk=v2.pk).update(status=StandardStatus.IN_FORCE)
    html = client.get(review).content.decode()
    assert _compare_links(html) == [(v1.pk, v2.pk)]
    assert "Bandingkan dengan versi 1 sebelumnya" in html
    for first, second in _compare_links(html):
        url = reverse("standards:standard-compare", args=[first, second])
        assert client.get(url).status_code == 200


def test_a_first_standard_in_force_has_nothing_to_compare(client, agency_a, drafter_a):
    form_team(agency_a, chair_user=drafter_a)
    v1 = make_complete_standard(agency=agency_a)
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[v1])
    ServiceStandard.objects.filter(pk=v1.pk).update(status=StandardStatus.IN_FORCE)
    client.force_login(drafter_a)
    html = client.get(reverse("standards:decree-review", args=[decree.pk])).content.decode()
    assert _compare_links(html) == []
    assert "Versi ini yang kini berlaku" in html

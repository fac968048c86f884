"""How long decrees wait, per agency and per stage, in hari kerja: a hand-computed example
across a weekend and Hari Kemerdekaan (Monday 17 August 2026)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from standards.models import Decree, DecreeStatus, StatusChange
from standards.waits import wait_groups, waiting_decrees

pytestmark = pytest.mark.django_db


def wita(*args):
    return timezone.make_aware(datetime.datetime(*args))


NOW = wita(2026, 8, 19, 10, 0)  # Wednesday


def _waiting(agency, actor, status, at, title):
    decree = Decree.objects.create(agency=agency, title=title, status=status)
    change = StatusChange.objects.create(
        decree=decree, action="x", from_status="draft", to_status=status, actor=actor
    )
    StatusChange.objects.filter(pk=change.pk).update(at=at)
    return decree


@pytest.fixture
def waits(agency_a, agency_b, head_a, settings):
    settings.WAIT_ALERT_WORKING_DAYS = 5
    S = DecreeStatus.SUBMITTED
    return {
        # Thu 6 Aug: 7, 10-14, 18, 19 August = 8 hari kerja (13 days)
        "d1": _waiting(agency_a, head_a, S, wita(2026, 8, 6, 9, 0), "D1"),
        # Thu 13 Aug 16:30: 14, 18, 19 = 3 (6 days)
        "d2": _waiting(agency_a, head_a, S, wita(2026, 8, 13, 16, 30), "D2"),
        # Fri 14 Aug: 18, 19 = 2 (5 days)
        "d3": _waiting(agency_a, head_a, S, wita(2026, 8, 14, 8, 0), "D3"),
        # Mon 10 Aug, set and waiting for ratification: 11-14, 18, 19 = 6 (9 days)
        "d4": _waiting(agency_b, head_a, DecreeStatus.SET, wita(2026, 8, 10, 8, 0), "D4"),
    }


def test_hand_computed_waits(waits):
    items = {item.decree.title: item for item in waiting_decrees(NOW)}
    assert {t: (i.wait.working_days, i.wait.calendar_days) for t, i in items.items()} == {
        "D1": (8, 13),
        "D2": (3, 6),
        "D3": (2, 5),
        "D4": (6, 9),
    }
    assert {t for t, i in items.items() if i.over_limit} == {"D1", "D4"}


def test_median_and_longest_per_agency_and_stage(waits, agency_a, agency_b):
    groups = {(g.agency, g.stage.code): g for g in wait_groups(waiting_decrees(NOW))}
    evaluation = groups[(agency_a, "evaluation")]
    assert (evaluation.count, evaluation.median_working_days) == (3, 3)
    assert evaluation.longest.decree.title == "D1"
    assert [i.decree.title for i in evaluation.over_limit] == ["D1"]
    ratification = groups[(agency_b, "ratification")]
    assert (ratification.count, ratification.median_working_days) == (1, 6)
    city = {g.stage.code: g for g in wait_groups(waiting_decrees(NOW), by_agency=False)}
    assert city["evaluation"].median_working_days == 3 and city["ratification"].count == 1


def test_median_of_an_even_count(waits, agency_a, head_a):
    _waiting(agency_a, head_a, DecreeStatus.SUBMITTED, wita(2026, 8, 18, 8, 0), "D5")  # 1
    (group,) = [
        g
        for g in wait_groups(waiting_decrees(NOW))
        if g.agency == agency_a and g.stage.code == "evaluation"
    ]
    assert group.median_working_days == 2.5  # of 1, 2, 3, 8


def test_dashboard_highlights_items_over_the_limit(client, secretariat, waits, settings):
    """Today's figures on the page (the dates above are long past: all four over)."""
    settings.WAIT_ALERT_WORKING_DAYS = 5
    client.force_login(secretariat)
    page = client.get(reverse("monitoring:dashboard")).content.decode()
    section = page.split('id="lama-menunggu"')[1].split("</section>")[0]
    assert "Lebih dari 5 hari kerja" in section
    over = section.split("over-limit-list")[1]
    for title in ("D1", "D2", "D3", "D4"):
        assert f">{title}</a>" in over
    assert 'class="row-over"' in section

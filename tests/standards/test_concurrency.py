"""Two people acting on the same decree at the same moment (PostgreSQL row locks).

SQLite serialises whole transactions, so these run in CI's services run on PostgreSQL.
"""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from documents.models import Document
from standards import decrees
from standards.decrees.workflow import TransitionRefused
from standards.models import DecreeStatus, StatusChange
from tests.standards.workflow_fixtures import ready_decree

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _race(*calls):
    """Run the calls in threads released together; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome under test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_database_is_postgresql():
    assert connection.vendor == "postgresql"


def test_two_reviewers_passing_at_once_make_one_transition(agency_a, drafter_a, reviewer):
    from agencies.roles import CityRole
    from tests.conftest import make_city_role_user

    second = make_city_role_user(CityRole.REVIEWER, username="evaluator2")
    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    results = _race(
        lambda: decrees.decree_pass(actor=reviewer, decree=decree),
        lambda: decrees.decree_pass(actor=second, decree=decree),
    )
    assert sorted(type(r).__name__ for r in results) == ["Decree", "TransitionRefused"]
    assert StatusChange.objects.filter(decree=decree, action="pass").count() == 1


def test_double_click_on_submit_makes_one_transition(agency_a, drafter_a):
    decree = ready_decree(agency_a, drafter_a)
    results = _race(*[lambda: decrees.decree_submit(actor=drafter_a, decree=decree)] * 3)
    assert [type(r).__name__ for r in results].count("Decree") == 1
    assert all(isinstance(r, TransitionRefused) for r in results if not hasattr(r, "pk"))
    assert StatusChange.objects.filter(decree=decree, action="submit").count() == 1


def test_two_heads_setting_with_the_same_number_get_one_each_way(
    agency_a, drafter_a, reviewer, head_a
):
    first = ready_decree(agency_a, drafter_a)
    second = ready_decree(agency_a, drafter_a)
    for decree in (first, second):
        decrees.decree_submit(actor=drafter_a, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
    today = timezone.localdate()
    results = _race(
        lambda: decrees.decree_set(actor=head_a, decree=first, number="7/2026", decree_date=today),
        lambda: decrees.decree_set(actor=head_a, decree=second, number="7/2026", decree_date=today),
    )
    outcomes = sorted(type(r).__name__ for r in results)
    assert outcomes == ["Decree", "TransitionRefused"], results
    set_decrees = [
        d for d in (first, second) if type(d).objects.get(pk=d.pk).status == DecreeStatus.SET
    ]
    assert len(set_decrees) == 1
    assert Document.objects.for_subject(set_decrees[0]).count() == 1
    assert StatusChange.objects.filter(action="set").count() == 1


def test_acts_of_the_wrong_person_are_refused_and_do_not_block_the_right_one(
    agency_a, drafter_a, drafter_b
):
    decree = ready_decree(agency_a, drafter_a)
    results = _race(
        lambda: decrees.decree_submit(actor=drafter_b, decree=decree),
        lambda: decrees.decree_submit(actor=drafter_a, decree=decree),
    )
    assert isinstance(results[0], PermissionDenied)
    assert results[1].status == DecreeStatus.SUBMITTED

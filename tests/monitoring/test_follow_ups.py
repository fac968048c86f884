"""Follow-ups of Pasal 16 ayat (4), of a survey and of an evaluation: one model shape, one
status service, forward-only moves, with history; closing a period records who closed it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring.models import EvaluationFollowUp, FollowUpStatus, SurveyFollowUp
from monitoring.services import (
    evaluation_follow_up_create,
    evaluation_record,
    follow_up_set_status,
    survey_follow_up_create,
    survey_period_close,
)

pytestmark = pytest.mark.django_db

P, RUNNING, DONE = FollowUpStatus.PLANNED, FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE


@pytest.fixture
def survey_follow_up(head_a, open_period_a):
    return survey_follow_up_create(
        actor=head_a,
        period=open_period_a,
        element="complaints",
        action="Sediakan kotak pengaduan",
        owner="Sekretaris",
        due_on=datetime.date(2026, 12, 31),
    )


@pytest.fixture
def evaluation_follow_up(head_a, in_force):
    evaluation = evaluation_record(
        actor=head_a,
        standard=in_force,
        evaluated_on=datetime.date(2026, 3, 1),
        methods=["method_documents"],
        success_factors="Persyaratan jelas.",
        inhibiting_factors="Antrean panjang.",
    )
    return evaluation_follow_up_create(
        actor=head_a,
        evaluation=evaluation,
        action="Terapkan antrean daring",
        owner="Sekretaris",
        due_on=datetime.date(2026, 6, 30),
    )


@pytest.fixture(params=["survey", "evaluation"])
def follow_up(request):
    return request.getfixturevalue(f"{request.param}_follow_up")


@pytest.mark.parametrize(
    "path",
    [(RUNNING,), (RUNNING, DONE), (DONE,), (P,), (RUNNING, RUNNING)],
    ids=["start", "start-finish", "finish", "same", "same-again"],
)
def test_a_follow_up_moves_forward(head_a, follow_up, path):
    for status in path:
        moved = follow_up_set_status(
            actor=head_a, follow_up=follow_up, status=status, today=datetime.date(2026, 5, 2)
        )
    assert moved.status == path[-1]
    assert (moved.done_on is not None) == (path[-1] == DONE)


@pytest.mark.parametrize(
    "path", [(DONE, RUNNING), (DONE, P), (RUNNING, P)], ids=["reopen", "unplan", "back"]
)
def test_a_follow_up_never_moves_back(head_a, follow_up, path):
    *before, back = path
    for status in before:
        follow_up_set_status(actor=head_a, follow_up=follow_up, status=status)
    with pytest.raises(ValidationError, match="tidak dapat kembali"):
        follow_up_set_status(actor=head_a, follow_up=follow_up, status=back)
    follow_up.refresh_from_db()
    assert follow_up.status == before[-1]


def test_the_status_form_offers_only_forward_moves(head_a, follow_up):
    assert [value for value, _label in follow_up.status_choices] == [P, RUNNING, DONE]
    moved = follow_up_set_status(actor=head_a, follow_up=follow_up, status=RUNNING)
    assert [value for value, _label in moved.status_choices] == [RUNNING, DONE]
    done = follow_up_set_status(actor=head_a, follow_up=moved, status=DONE)
    assert [value for value, _label in done.status_choices] == [DONE]


def test_another_agency_cannot_move_a_follow_up(head_b, follow_up):
    with pytest.raises(PermissionDenied):
        follow_up_set_status(actor=head_b, follow_up=follow_up, status=DONE)


def test_moves_are_kept_in_history_with_who(head_a, follow_up):
    follow_up_set_status(actor=head_a, follow_up=follow_up, status=RUNNING)
    follow_up_set_status(actor=head_a, follow_up=follow_up, status=DONE)
    history = list(follow_up.history.order_by("history_date"))
    assert [row.status for row in history] == [P, RUNNING, DONE]
    assert history[-1].history_user == head_a


def test_an_unknown_status_is_refused(head_a, follow_up):
    with pytest.raises(ValidationError, match="Status tidak dikenal"):
        follow_up_set_status(actor=head_a, follow_up=follow_up, status="batal")


def test_both_kinds_share_one_shape():
    names = {"action", "owner", "due_on", "status", "done_on"}
    for model in (SurveyFollowUp, EvaluationFollowUp):
        assert names <= {field.name for field in model._meta.get_fields()}


def test_closing_a_period_records_who_closed_it(head_a, open_period_a):
    closed = survey_period_close(actor=head_a, period=open_period_a)
    assert closed.closed_by == head_a and closed.closed_at is not None
    last = closed.history.latest("history_date")
    assert last.status == "closed" and last.history_user == head_a

"""The decree's table is the single source of its acts: each act carries its form and its
effects, and the act page performs every act through them (Pasal 12)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import MembershipRole, Notification
from agencies.published import portal_generation
from documents.models import Document, DocumentKind
from portal.models import Publication
from standards import decrees
from standards.decrees import effects
from standards.decrees.forms import ActForm
from standards.decrees.workflow import TRANSITIONS
from standards.models import DecreeStatus, ReviewNote
from tests.conftest import make_member
from tests.standards.factories import make_complete_standard
from tests.standards.workflow_fixtures import answer_notes, ready_decree, set_maklumat, sign

pytestmark = pytest.mark.django_db

ACTS = [spec for spec in TRANSITIONS.values() if not spec.internal]
# Acts that change nothing but the decree's state and its history, with why.
WITHOUT_EFFECTS = {"withdraw": "a draft taken back: nobody waits for it, nothing was published"}


@pytest.mark.parametrize("spec", ACTS, ids=lambda spec: spec.action)
def test_every_act_declares_its_form_and_effects(spec, drafter_a, agency_a):
    assert spec.form is None or issubclass(spec.form, ActForm)
    if spec.fields or spec.note_required or spec.signs:
        assert spec.form is not None, f"{spec.action} asks for input but has no form"
    if spec.form is not None:
        form = spec.form(None, user=drafter_a, decree=ready_decree(agency_a, drafter_a))
        assert set(spec.fields) <= set(form.fields), "the form asks for every field it fills"
    assert all(callable(effect) for effect in spec.effects)
    assert bool(spec.effects) != (spec.action in WITHOUT_EFFECTS)
    if spec.target == DecreeStatus.IN_FORCE:
        assert effects.publish in spec.effects, "Pasal 9 ayat (1): in force means published"
    assert spec.done, "the message after the act"


def test_every_effect_in_the_table_is_traced_below():
    used = {effect for spec in TRANSITIONS.values() for effect in spec.effects}
    assert used == set(TRACES)


# --- each effect leaves a trace a person could see -------------------------------------


def _notified(subject):
    return lambda decree, seen: Notification.objects.filter(subject__contains=subject).exists()


def _document(decree, seen):
    kinds = {
        DecreeStatus.SET: DocumentKind.DRAFT_DECREE,
        DecreeStatus.IN_FORCE: DocumentKind.MAYOR_DECREE
        if decree.by_mayor
        else DocumentKind.DECREE,
    }
    return decrees.decree_documents(decree).filter(kind=kinds[decree.status]).exists()


TRACES = {
    effects.freeze_lampiran: lambda decree, seen: decree.pk in seen["frozen"],
    effects.notify_reviewers: _notified("menunggu evaluasi"),
    effects.write_review_notes: lambda decree, seen: ReviewNote.objects.filter(
        decree=decree
    ).exists(),
    effects.notify_returned: _notified("dikembalikan dengan catatan"),
    effects.notify_passed: _notified("lulus evaluasi"),
    effects.request_decree_document: _document,
    effects.notify_set: _notified("menunggu pengesahan"),
    effects.publish: lambda decree, seen: (
        Publication.objects.filter(decree=decree).exists()
        and portal_generation() > seen["generation"]
    ),
    effects.notify_in_force: _notified("Keputusan berlaku"),
    effects.unpublish: lambda decree, seen: portal_generation() > seen["generation"],
    effects.revoke_documents: lambda decree, seen: (
        Document.objects.for_subject(decree).filter(issued=True, revoked_at__isnull=True).count()
        == 0
        and Document.objects.for_subject(decree).exists()
    ),
    effects.notify_revoked: _notified("Keputusan dicabut"),
}

INPUT = {
    "return": {
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-0-text": "Biaya belum jelas.",
    },
    "set": {"number": "061/1/2026", "decree_date": "{today}"},
    "set_mayor": {"number": "100/2/2026", "decree_date": "{today}"},
    "revoke": {"reason": "Layanan dialihkan ke MPP."},
}


@pytest.fixture
def perform(client, monkeypatch, django_capture_on_commit_callbacks):
    """POST the act's page with its form's input; check every effect of the act."""
    frozen: list[int] = []
    monkeypatch.setattr("standards.tasks.enqueue_freeze", frozen.append)
    performed: list[str] = []

    def act(user, decree, action):
        spec = TRANSITIONS[action]
        Notification.objects.all().delete()
        seen = {"frozen": frozen, "generation": portal_generation()}
        data = {
            key: value.format(today=timezone.localdate().isoformat())
            for key, value in INPUT.get(action, {}).items()
        }
        client.force_login(user)
        url = reverse("standards:decree-act", args=[decree.pk, action])
        assert client.get(url).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[-3000:]
        decree.refresh_from_db()
        assert decree.status == spec.target
        for effect in spec.effects:
            assert TRACES[effect](decree, seen), f"{action}: {effect.__name__} left no trace"
        performed.append(action)
        return decree

    act.performed = performed
    return act


def test_every_act_through_its_page(
    perform, agency_a, drafter_a, reviewer, head_a, mayor_office, district, coordinator
):
    decree = ready_decree(agency_a, drafter_a)
    set_maklumat(head_a, agency_a)
    perform(drafter_a, decree, "submit")
    perform(reviewer, decree, "return")
    answer_notes(decree, drafter_a)
    perform(drafter_a, decree, "submit")
    perform(reviewer, decree, "pass")
    perform(head_a, decree, "set")
    sign(decree, head_a)
    perform(mayor_office, decree, "ratify")
    perform(mayor_office, decree, "revoke")

    by_mayor = ready_decree(district, coordinator)
    set_maklumat(make_member(district, role=MembershipRole.HEAD), district)
    perform(coordinator, by_mayor, "submit")
    perform(reviewer, by_mayor, "pass")
    perform(mayor_office, by_mayor, "set_mayor")

    perform(drafter_a, ready_decree(agency_a, drafter_a), "withdraw")

    recorded = decrees.recorded_decree_create(
        actor=drafter_a,
        agency=agency_a,
        standards=[make_complete_standard(agency=agency_a)],
        number="065/3/2019",
        decree_date=datetime.date(2019, 3, 4),
    )
    perform(head_a, recorded, "record")
    assert set(perform.performed) == {spec.action for spec in ACTS}

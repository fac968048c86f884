"""The timeline of a decree and of a standard: every act, who, when in WITA, and how long
the item waited before each act (hari kerja and calendar days); constant queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.workdays import work_calendar
from standards import decrees
from standards.models import StatusChange
from standards.timeline import decree_timeline, standard_timeline
from tests.standards.workflow_fixtures import answer_notes, ready_decree, set_maklumat, sign

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def wita(*args):
    return timezone.make_aware(datetime.datetime(*args))


def _life(agency_a, drafter_a, reviewer, head_a, mayor_office):
    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    decrees.decree_return(
        actor=reviewer, decree=decree, notes=[(standard, "fee", "Tulis dasar hukum biaya.")]
    )
    answer_notes(decree, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(actor=head_a, decree=decree, number="9/2026", decree_date=TODAY())
    set_maklumat(head_a, agency_a)
    sign(decree, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=decree)
    return decree, standard


def test_decree_timeline_lists_every_act_with_who(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    decree, standard = _life(agency_a, drafter_a, reviewer, head_a, mayor_office)
    titles = [act.title for act in decree_timeline(decree, work_calendar())]
    for expected in (
        "Rancangan keputusan dibuat",
        "Pembahasan direncanakan: Diskusi Grup Terfokus (FGD)",
        "Ajukan untuk evaluasi",
        "Kembalikan dengan catatan",
        "Nyatakan lulus evaluasi",
        "Tetapkan",
        "Sahkan",
        "Maklumat Pelayanan versi 1 ditetapkan",
        f"Diterbitkan di portal publik: {standard.service.name}",
    ):
        assert expected in titles, expected
    assert any(t.startswith("Catatan evaluasi ditulis") for t in titles)
    assert titles.count("Ajukan untuk evaluasi") == 2
    acts = decree_timeline(decree, work_calendar())
    assert [a.at for a in acts] == sorted(a.at for a in acts)
    # The wet-signed scan was uploaded (through the gate) before the Wali Kota ratified.
    titles = [a.title for a in acts]
    scanned = titles.index("Pindaian keputusan bertanda tangan basah diunggah")
    assert titles.index("Tetapkan") < scanned < titles.index("Sahkan")
    ratify = next(a for a in acts if a.title == "Sahkan")
    assert ratify.actor == (mayor_office.get_full_name() or mayor_office.username)


def test_waits_between_acts_across_a_weekend_and_a_holiday(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    """Submitted Thu 13 Aug 2026 16:30, passed Wed 19 Aug 09:00 WITA: 6 days, 3 hari kerja
    (Sat 15, Sun 16 and Mon 17 August, Hari Kemerdekaan, are off)."""
    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    submit, passed = StatusChange.objects.filter(decree=decree).order_by("pk")
    StatusChange.objects.filter(pk=submit.pk).update(at=wita(2026, 8, 13, 16, 30))
    StatusChange.objects.filter(pk=passed.pk).update(at=wita(2026, 8, 19, 9, 0))
    acts = {a.title: a for a in decree_timeline(decree, work_calendar())}
    wait = acts["Nyatakan lulus evaluasi"].wait
    assert (wait.calendar_days, wait.working_days) == (6, 3)


def test_standard_timeline_keeps_only_its_own_notes(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    decree = ready_decree(agency_a, drafter_a, standards=2)
    first, second = decree.standards.order_by("pk")
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_return(
        actor=reviewer,
        decree=decree,
        notes=[(first, "fee", "Catatan untuk yang pertama."), (second, "", "Untuk yang kedua.")],
    )
    notes = [a.note for a in standard_timeline(first, work_calendar()) if a.note]
    assert "Catatan untuk yang pertama." in notes and "Untuk yang kedua." not in notes


def test_timeline_pages_take_constant_queries(
    client, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    counts = []
    for rounds in (1, 6):
        decree = ready_decree(agency_a, drafter_a, standards=rounds)
        for _ in range(rounds):
            decrees.decree_submit(actor=drafter_a, decree=decree)
            standard = decree.standards.first()
            decrees.decree_return(
                actor=reviewer,
                decree=decree,
                notes=[(standard, "fee", "Catatan."), (None, "", "Umum.")],
            )
            answer_notes(decree, drafter_a)
        client.force_login(drafter_a)
        for url in (
            reverse("standards:decree-detail", args=[decree.pk]),
            reverse("standards:standard-history", args=[standard.pk]),
        ):
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                page = client.get(url)
            assert page.status_code == 200 and "WITA" in page.content.decode()
            counts.append(len(captured.captured_queries))
    assert counts[:2] == counts[2:]

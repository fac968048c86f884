"""The public service page tells the standard's own history in one line, with dates:
"disusun ..., dibahas ..., ditetapkan ..., disahkan ..." (written into the publication)."""

from __future__ import annotations

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import formats, timezone

from consultations.models import Consultation
from portal.models import Publication
from standards import decrees
from standards.models import ServiceStandard
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import consult, form_team, set_maklumat, sign


def _long(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def test_history_line_on_the_service_page(
    client, settings, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    settings.PORTAL_CACHE_SECONDS = 0
    form_team(agency_a, chair_user=drafter_a)
    service = ServiceFactory(agency=agency_a, name="Penerbitan KIA", slug="kia")
    standard = make_complete_standard(service=service)
    ServiceStandard.objects.filter(pk=standard.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
    )
    consultation = consult(standard)
    # 23:30 WITA on 10 March is still 10 March in Bontang (15:30 UTC).
    Consultation.objects.filter(pk=consultation.pk).update(
        starts_at=timezone.make_aware(datetime.datetime(2026, 3, 10, 23, 30))
    )
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    set_maklumat(head_a, agency_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        decrees.decree_submit(actor=drafter_a, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
        decrees.decree_set(
            actor=head_a, decree=decree, number="7/2026", decree_date=datetime.date(2026, 4, 1)
        )
        sign(decree, head_a)
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    today = timezone.localdate()
    history = Publication.objects.get(standard=standard).content["history"]
    assert history == [
        {"label": "disusun", "date": "2 Maret 2026"},
        {"label": "dibahas", "date": "10 Maret 2026"},
        {"label": "ditetapkan", "date": "1 April 2026"},
        {"label": "disahkan", "date": _long(today)},
    ]
    page = client.get(reverse("portal:public-service", args=["disdukcapil", "kia"]))
    line = (
        "disusun 2 Maret 2026, dibahas 10 Maret 2026, ditetapkan 1 April 2026, "
        f"disahkan {_long(today)}."
    )
    assert line in page.content.decode()

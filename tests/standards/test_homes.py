"""Each role's home (/kelola/) on the seeded demo city: what it lists, and that another
agency's items never appear; and its query count whatever the number of services."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import Agency
from standards import decrees
from standards.models import Decree, DecreeStatus, Service
from tests.standards.factories import make_complete_standard
from tests.standards.workflow_fixtures import consult, form_team

pytestmark = pytest.mark.django_db
HOME = "/kelola/"


@pytest.fixture
def city(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-Bontang-2026")
    call_command("seed_demo", stdout=io.StringIO())


def _home(client, username) -> str:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def _stage(page: str, service: Service) -> str:
    found = re.search(rf'id="layanan-{service.pk}" data-stage="(\w+)"', page)
    return found.group(1) if found else ""


def _services(slug):
    return list(Service.objects.filter(agency__slug=slug, active=True))


def test_each_role_home_on_the_seeded_city(client, city):
    disdukcapil = Agency.objects.get(slug="disdukcapil")
    dpmptsp = Agency.objects.get(slug="dpmptsp")

    # The drafter: every service of Disdukcapil with its stage; nothing of DPMPTSP.
    page = _home(client, "penyusun.disdukcapil")
    for service in _services("disdukcapil"):
        assert _stage(page, service), service.name
    kk = Service.objects.get(agency=disdukcapil, name__icontains="Kartu Keluarga")
    akta = Service.objects.get(agency=disdukcapil, name__icontains="Akta Kelahiran")
    assert (_stage(page, kk), _stage(page, akta)) == ("in_force", "ratification")
    for service in _services("dpmptsp"):
        assert service.name not in page and f'id="layanan-{service.pk}"' not in page
    assert dpmptsp.name not in page
    assert "Antrean evaluasi</h2>" not in page and "Menunggu tanda tangan" not in page

    # The head sees the same services; the DPMPTSP head never Disdukcapil's.
    page = _home(client, "kepala.disdukcapil")
    assert _stage(page, akta) == "ratification"
    page = _home(client, "kepala.dpmptsp")
    assert all(_stage(page, s) for s in _services("dpmptsp"))
    assert not any(f'id="layanan-{s.pk}"' in page for s in _services("disdukcapil"))

    # Pasal 17 ayat (1): Dinas Kesehatan drafts for its UPT Puskesmas.
    page = _home(client, "penyusun.dinkes")
    assert all(_stage(page, s) for s in _services("puskesmas-bontang-selatan-1"))
    # Pasal 17 ayat (2): Bagian Pemerintahan drafts for kecamatan and kelurahan.
    page = _home(client, "koordinator")
    assert all(_stage(page, s) for s in _services("kelurahan-tanjung-laut"))
    assert not any(f'id="layanan-{s.pk}"' in page for s in _services("disdukcapil"))

    # Bagian Organisasi: the review queue with each item's age, no services.
    page = _home(client, "evaluator")
    submitted = Decree.objects.filter(status=DecreeStatus.SUBMITTED)
    assert submitted.exists()
    queue = page.split('id="antrean-evaluasi"')[1].split("</section>")[0]
    for decree in submitted:
        assert decree.title in queue
    for decree in Decree.objects.exclude(status=DecreeStatus.SUBMITTED):
        assert f"/kelola/keputusan/{decree.pk}/" not in queue
    assert queue.count('class="wait') == submitted.count() and 'class="service-stage"' not in page

    # The mayor's office: what waits for its signature, not what is still evaluated.
    page = _home(client, "walikota")
    waiting = page.split('id="menunggu-tanda-tangan"')[1].split("</section>")[0]
    set_decree = Decree.objects.get(status=DecreeStatus.SET)
    assert f"/kelola/keputusan/{set_decree.pk}/" in waiting and "Sahkan" in waiting
    for decree in submitted:
        assert f"/kelola/keputusan/{decree.pk}/" not in waiting

    # The Sekretaris Daerah lands on the dashboard, with the waits of the workflow.
    page = _home(client, "sekda")
    assert "skm-dashboard" in page and 'id="lama-menunggu"' in page
    assert dpmptsp.name in page and disdukcapil.name in page


@pytest.mark.parametrize("size", [5, 200])
def test_drafter_home_queries_do_not_grow_with_services(client, agency_a, drafter_a, size):
    form_team(agency_a, chair_user=drafter_a)
    for i in range(size):
        standard = make_complete_standard(agency=agency_a, steps=1, requirements=1)
        if i % 2:
            consult(standard)
        if i % 4 == 1:
            decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
            decrees.decree_submit(actor=drafter_a, decree=decree)
    client.force_login(drafter_a)
    client.get(HOME)  # warm the per-process caches (content types, holidays)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(HOME).content.decode()
    assert page.count('class="service-stage"') == size
    assert len(captured.captured_queries) == HOME_QUERIES


# Session and user, the guardian checks of the roles and the drafting agencies, the roles'
# agency permissions read at once (the SKM links), the calendar, the tasks (with the
# Maklumat waiting to be set), the stages' fixed prefetches, the unread count: the same at
# any size.
HOME_QUERIES = 27


def test_review_and_signature_homes_do_not_grow(
    client, agency_a, drafter_a, reviewer, mayor_office, head_a
):
    counts = []
    form_team(agency_a, chair_user=drafter_a)
    for size in (5, 60):
        while Decree.objects.count() < size:
            standard = make_complete_standard(agency=agency_a, steps=1, requirements=1)
            consult(standard)
            decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
            decrees.decree_submit(actor=drafter_a, decree=decree)
        for user in (reviewer, mayor_office):
            client.force_login(user)
            client.get(HOME)
            with CaptureQueriesContext(connection) as captured:
                client.get(HOME)
            counts.append(len(captured.captured_queries))
    assert counts[:2] == counts[2:]
    assert reverse("standards:review-queue")

"""Who may read and who may manage consultations: every persona against every page.

Managing follows the right to draft (agency members, the parent for a UPT, Bagian
Pemerintahan for kecamatan and kelurahan); Bagian Organisasi, the mayor's office and the
Sekretariat Daerah read; everyone else gets 404; anonymous users go to the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from consultations import permissions
from tests.conftest import PERSONAS
from tests.consultations.conftest import add_participant, plan
from tests.standards.factories import ServiceFactory, StandardFactory

pytestmark = pytest.mark.django_db

MANAGERS = {"drafter_a", "head_a"}
READERS = {"reviewer", "secretariat", "mayor_office", "superuser"}


@pytest.fixture
def pages(consultation, drafter_a, standard_a):
    participant = add_participant(drafter_a, consultation)
    from consultations import services

    entry = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component="fee",
        raised_by=participant,
        mark_present=True,  # the recorder confirms they were there
        text="Biaya?",
    )
    from tests.consultations.conftest import clean_pdf

    [scan] = services.scan_add(
        actor=drafter_a, consultation=consultation, kind="invitation", uploads=[clean_pdf()]
    )
    slug, pk = consultation.agency.slug, consultation.pk
    read = [
        reverse("consultations:consultation-list", args=[slug]),
        reverse("consultations:consultation-detail", args=[slug, pk]),
        reverse("consultations:participant-list", args=[slug, pk]),
        reverse("consultations:attendance", args=[slug, pk]),
        reverse("consultations:input-list", args=[slug, pk]),
        reverse("consultations:scan-list", args=[slug, pk]),
        reverse("consultations:scan-download", args=[slug, pk, scan.pk]),
    ]
    manage_get = [
        reverse("consultations:consultation-create", args=[slug]),
        reverse("consultations:consultation-update", args=[slug, pk]),
        reverse("consultations:consultation-close", args=[slug, pk]),
        reverse("consultations:participant-update", args=[slug, pk, participant.pk]),
        reverse("consultations:input-decide", args=[slug, pk, entry.pk]),
    ]
    manage_post = [
        (
            reverse("consultations:attendance-toggle", args=[slug, pk, participant.pk]),
            {"attended": "1"},
        ),
        (
            reverse("consultations:walk-in-add", args=[slug, pk]),
            {"name": "X", "category": "observer"},
        ),
        (
            reverse("consultations:participant-list", args=[slug, pk]),
            {"name": "Y", "category": "observer"},
        ),
        (reverse("consultations:input-list", args=[slug, pk]), {"text": "z"}),
        (reverse("consultations:scan-list", args=[slug, pk]), {"kind": "photo"}),
        (reverse("consultations:scan-delete", args=[slug, pk, scan.pk]), {}),
        (reverse("consultations:participant-delete", args=[slug, pk, participant.pk]), {}),
        (reverse("consultations:consultation-mark-held", args=[slug, pk]), {}),
        (reverse("consultations:document-generate", args=[slug, pk, "undangan"]), {}),
    ]
    return read, manage_get, manage_post


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_read_pages(client, persona, pages, request):
    name = request.node.callspec.params["persona"]
    read, _get, _post = pages
    if persona.is_authenticated:
        client.force_login(persona)
    for url in read:
        response = client.get(url)
        if name == "anonymous":
            assert response.status_code == 302 and "/kelola/masuk/" in response["Location"]
        elif name in MANAGERS | READERS:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 404, url


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_manage_pages(client, persona, pages, request, consultation):
    name = request.node.callspec.params["persona"]
    _read, manage_get, manage_post = pages
    if persona.is_authenticated:
        client.force_login(persona)
    before = consultation.history.count(), consultation.participants.count()
    for url in manage_get:
        response = client.get(url)
        expected = {"anonymous": 302}.get(name, 200 if name in MANAGERS else None)
        expected = expected or (403 if name in READERS else 404)
        assert response.status_code == expected, (name, url)
    for url, data in manage_post:
        response = client.post(url, data)
        if name in MANAGERS:
            assert response.status_code in (200, 302, 400), (name, url)
        else:
            expected = 302 if name == "anonymous" else (403 if name in READERS else 404)
            assert response.status_code == expected, (name, url)
    if name not in MANAGERS:
        assert (consultation.history.count(), consultation.participants.count()) == before


def test_read_only_roles_see_no_forms(client, reviewer, pages):
    client.force_login(reviewer)
    read, _get, _post = pages
    for url in read[1:-1]:
        content = client.get(url).content.decode()
        assert 'method="post"' not in content.split("</header>", 1)[1].replace(
            'action="/kelola/keluar/"', ""
        ), url
        assert "tanpa hak mengubah" in content


def test_coordinator_manages_a_kelurahan_consultation(client, coordinator, drafter_a, village):
    standard = StandardFactory(service=ServiceFactory(agency=village))
    consultation = plan(coordinator, village, [standard])
    client.force_login(coordinator)
    url = reverse("consultations:participant-list", args=[village.slug, consultation.pk])
    response = client.post(url, {"name": "Ketua LPM", "category": "community_leader"})
    assert response.status_code == 302
    assert consultation.participants.filter(name="Ketua LPM").exists()
    client.force_login(drafter_a)
    assert client.get(url).status_code == 404


def test_coordinator_does_not_manage_an_office(coordinator, agency_a):
    assert not permissions.may_manage(coordinator, agency_a)
    assert not permissions.may_read(coordinator, agency_a)


def test_a_consultation_is_found_only_under_its_own_agency(
    client, drafter_a, drafter_b, consultation, agency_b
):
    client.force_login(drafter_b)
    url = reverse("consultations:consultation-detail", args=[agency_b.slug, consultation.pk])
    assert client.get(url).status_code == 404

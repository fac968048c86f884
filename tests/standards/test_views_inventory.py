"""The service inventory (Pasal 10 ayat (1)), starting a standard, the free-services list."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from standards.models import Service, ServiceStandard, StandardStatus
from tests.factories import WorkUnitFactory
from tests.standards.factories import (
    ServiceFactory,
    StandardFactory,
    StepFactory,
    make_standard_with_rows,
)

pytestmark = pytest.mark.django_db


def list_url(agency):
    return reverse("standards:service-list", args=[agency.slug])


def create_url(agency):
    return reverse("standards:service-create", args=[agency.slug])


def service_data(**overrides):
    return {
        "name": "Penerbitan Kartu Keluarga",
        "slug": "",
        "kind": "administrative",
        "work_unit": "",
        "description": "KK baru",
        **overrides,
    }


def test_drafter_creates_a_service_and_gets_a_slug(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    response = client.post(create_url(agency_a), service_data())
    service = Service.objects.get(agency=agency_a)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "standards:service-detail", args=[agency_a.slug, service.pk]
    )
    assert service.slug == "penerbitan-kartu-keluarga"


def test_work_unit_of_another_agency_is_refused(client, drafter_a, agency_a, agency_b):
    theirs = WorkUnitFactory(agency=agency_b)
    client.force_login(drafter_a)
    response = client.post(create_url(agency_a), service_data(work_unit=str(theirs.pk)))
    assert response.status_code == 200
    assert 'id="id_work_unit_error"' in response.content.decode()
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("name", "", "tidak boleh kosong"),
        ("name", "KK\u202e", "pengubah arah"),
        ("name", "x" * 201, "200"),
        ("slug", "Bukan Slug!", "slug"),
        ("kind", "lain", "pilihan"),
        ("description", "a\x00b", "null"),
    ],
)
def test_bad_service_input_shows_error_beside_the_field(
    client, drafter_a, agency_a, field, value, message
):
    client.force_login(drafter_a)
    response = client.post(create_url(agency_a), service_data(**{field: value}))
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html.lower()
    if field != "description":
        assert "KK baru" in html
    assert not Service.objects.exists()


def test_duplicate_name_is_refused_beside_the_field(client, drafter_a, agency_a):
    ServiceFactory(agency=agency_a, name="Penerbitan Kartu Keluarga", slug="kk")
    client.force_login(drafter_a)
    response = client.post(create_url(agency_a), service_data(slug="kk"))
    html = response.content.decode()
    assert 'id="id_name_error"' in html
    assert 'id="id_slug_error"' in html
    assert Service.objects.count() == 1


def test_drafter_edits_and_deactivates_a_service(client, drafter_a, agency_a):
    service = ServiceFactory(agency=agency_a, name="Lama")
    client.force_login(drafter_a)
    edit = reverse("standards:service-edit", args=[agency_a.slug, service.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, service_data(name="Baru", slug=service.slug))
    service.refresh_from_db()
    assert service.name == "Baru"
    toggle = reverse("standards:service-set-active", args=[agency_a.slug, service.pk])
    client.post(toggle, {"aktif": "0"})
    service.refresh_from_db()
    assert service.active is False
    html = client.get(list_url(agency_a)).content.decode()
    assert "tidak aktif" in html
    client.post(toggle, {"aktif": "1"})
    service.refresh_from_db()
    assert service.active is True


def test_starting_a_standard_opens_the_editor(client, drafter_a, agency_a):
    service = ServiceFactory(agency=agency_a)
    client.force_login(drafter_a)
    detail = client.get(reverse("standards:service-detail", args=[agency_a.slug, service.pk]))
    assert "Mulai menyusun Standar Pelayanan" in detail.content.decode()
    response = client.post(reverse("standards:standard-start", args=[agency_a.slug, service.pk]))
    standard = ServiceStandard.objects.get(service=service)
    assert response["Location"] == reverse("standards:standard-detail", args=[standard.pk])
    assert standard.components.count() == 14
    # a second start is refused with a message, not a second draft
    again = client.post(
        reverse("standards:standard-start", args=[agency_a.slug, service.pk]), follow=True
    )
    assert "sudah memiliki rancangan" in again.content.decode()
    assert ServiceStandard.objects.filter(service=service).count() == 1


def test_service_page_lists_the_versions(client, drafter_a, agency_a):
    service = ServiceFactory(agency=agency_a)
    StandardFactory(service=service, version=1, status=StandardStatus.SUPERSEDED)
    StandardFactory(service=service, version=2, status=StandardStatus.IN_FORCE)
    StandardFactory(service=service, version=3)
    client.force_login(drafter_a)
    html = client.get(
        reverse("standards:service-detail", args=[agency_a.slug, service.pk])
    ).content.decode()
    assert html.index("Versi 3") < html.index("Versi 2") < html.index("Versi 1")
    for label in ("Digantikan", "Berlaku", "Rancangan"):
        assert label in html


# --- permissions ------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["secretariat", "reviewer", "mayor_office"], indirect=True)
def test_city_readers_see_the_inventory_read_only(client, persona, agency_a):
    service = ServiceFactory(agency=agency_a)
    client.force_login(persona)
    response = client.get(list_url(agency_a))
    assert response.status_code == 200
    assert "Tambah jenis layanan" not in response.content.decode()
    detail = client.get(reverse("standards:service-detail", args=[agency_a.slug, service.pk]))
    assert detail.status_code == 200
    assert "Ubah data layanan" not in detail.content.decode()
    # and every write is 404
    assert client.get(create_url(agency_a)).status_code == 404
    assert client.post(create_url(agency_a), service_data()).status_code == 404
    edit = reverse("standards:service-edit", args=[agency_a.slug, service.pk])
    assert client.post(edit, service_data()).status_code == 404
    toggle = reverse("standards:service-set-active", args=[agency_a.slug, service.pk])
    assert client.post(toggle, {"aktif": "0"}).status_code == 404
    start = reverse("standards:standard-start", args=[agency_a.slug, service.pk])
    assert client.post(start).status_code == 404
    assert Service.objects.get().active is True
    assert not ServiceStandard.objects.exists()


@pytest.mark.parametrize("persona", ["drafter_b", "head_b", "coordinator"], indirect=True)
def test_others_get_404_everywhere(client, persona, agency_a):
    service = ServiceFactory(agency=agency_a)
    client.force_login(persona)
    for name, args in (
        ("service-list", [agency_a.slug]),
        ("service-create", [agency_a.slug]),
        ("service-detail", [agency_a.slug, service.pk]),
        ("service-edit", [agency_a.slug, service.pk]),
        ("free-service-list", [agency_a.slug]),
    ):
        assert client.get(reverse(f"standards:{name}", args=args)).status_code == 404, name


def test_a_service_is_only_found_under_its_own_agency(client, drafter_a, agency_a, agency_b):
    theirs = ServiceFactory(agency=agency_b)
    client.force_login(drafter_a)
    edit = reverse("standards:service-edit", args=[agency_a.slug, theirs.pk])
    assert client.get(edit).status_code == 404


def test_coordinator_keeps_a_kelurahan_inventory(client, coordinator, village):
    client.force_login(coordinator)
    client.post(create_url(village), service_data(name="Surat Keterangan Tidak Mampu"))
    assert Service.objects.get().agency == village


def test_parent_drafter_keeps_its_upt_inventory(client, drafter_a, upt_of_a):
    client.force_login(drafter_a)
    client.post(create_url(upt_of_a), service_data())
    assert Service.objects.get().agency == upt_of_a


def test_anonymous_is_sent_to_login(client, agency_a):
    response = client.get(list_url(agency_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- free services (Lampiran 1.B.6 huruf c) --------------------------------------------------


def test_free_services_page_lists_only_free_ones(client, reviewer, agency_a):
    free = make_standard_with_rows(
        standard=StandardFactory(service=ServiceFactory(agency=agency_a, name="Akta Kelahiran")),
        steps=2,
        requirements=0,
    )
    paid = StandardFactory(service=ServiceFactory(agency=agency_a, name="Legalisir Berbayar"))
    StepFactory(standard=paid, applicant_fee=Decimal(5000))
    client.force_login(reviewer)
    html = client.get(reverse("standards:free-service-list", args=[agency_a.slug])).content.decode()
    assert "Akta Kelahiran" in html
    assert "Legalisir Berbayar" not in html
    assert "Gratis (tidak dipungut biaya)" in html
    assert free.service.name in html


# --- query counts ------------------------------------------------------------------------------


def test_inventory_query_count_does_not_grow_with_services(
    client, drafter_a, agency_a, django_assert_max_num_queries
):
    def make(n):
        for _ in range(n):
            service = ServiceFactory(agency=agency_a, work_unit=WorkUnitFactory(agency=agency_a))
            StandardFactory(service=service, version=1, status=StandardStatus.IN_FORCE)
            StandardFactory(service=service, version=2)

    client.force_login(drafter_a)
    counts = []
    for n in (3, 30):
        make(n)
        with django_assert_max_num_queries(12) as captured:
            response = client.get(list_url(agency_a))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert response.content.decode().count("Versi 2") == 33


def test_free_services_query_count_does_not_grow(
    client, reviewer, agency_a, django_assert_max_num_queries
):
    client.force_login(reviewer)
    counts = []
    for n in (2, 20):
        for _ in range(n):
            make_standard_with_rows(
                standard=StandardFactory(service=ServiceFactory(agency=agency_a)),
                steps=3,
                requirements=0,
            )
        with django_assert_max_num_queries(12) as captured:
            client.get(reverse("standards:free-service-list", args=[agency_a.slug]))
        counts.append(len(captured))
    assert counts[0] == counts[1]

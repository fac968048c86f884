"""The portal pages show standards in force, and only them (Pasal 9)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from standards.models import ServiceStandard, StandardStatus
from standards.totals import FREE_LABEL
from tests.standards.factories import make_complete_standard


def service_url(standard) -> str:
    service = standard.service
    return reverse("portal:public-service", args=[service.agency.slug, service.slug])


def test_home_lists_agencies_with_counts(client, akta, agency_b):
    content = client.get("/").content.decode()
    assert akta.service.agency.name in content
    assert "1 layanan berlaku" in content
    assert agency_b.name in content and "0 layanan berlaku" in content
    assert 'action="/cari/"' in content


def test_agency_page_lists_services_in_force_maklumat_and_contacts(client, akta, agency_a):
    draft = make_complete_standard(agency=agency_a)
    content = client.get(reverse("portal:public-agency", args=[agency_a.slug])).content.decode()
    assert "Penerbitan Akta Kelahiran" in content
    assert draft.service.name not in content
    assert reverse("maklumat:public-detail", args=[agency_a.slug]) in content
    assert "Kontak" in content


def test_service_page_shows_the_six_delivery_components(client, akta):
    response = client.get(service_url(akta))
    content = response.content.decode()
    for label in (
        "1. Persyaratan",
        "2. Sistem, Mekanisme Prosedur",
        "3. Jangka Waktu Pelayanan",
        "4. Biaya/Tarif",
        "5. Produk Pelayanan",
        "6. Penanganan Pengaduan, Saran dan Masukan",
    ):
        assert label in content
    assert FREE_LABEL in content
    assert "Diserahkan di awal" in content
    assert "Kutipan Akta Kelahiran" in content
    assert "Siti Aminah" in content and "0548-21234" in content
    assert "https://www.lapor.go.id" in content
    assert 'property="og:title" content="Penerbitan Akta Kelahiran' in content
    # Pasal 9 ayat (3): management components stay off the page.
    assert "Dasar Hukum" not in content and "Evaluasi Kinerja Pelaksana" not in content


def test_service_page_links_the_decree_verification_and_pdf(client, akta):
    from portal.public import in_force_decree, public_decree_document

    document = public_decree_document(in_force_decree(akta))
    assert document is not None and document.public
    content = client.get(service_url(akta)).content.decode()
    assert reverse("documents:verify", args=[document.code]) in content
    assert reverse("documents:download", args=[document.code]) in content
    assert client.get(reverse("documents:verify", args=[document.code])).status_code == 200


def test_management_components_shown_when_the_agency_opts_in(client, force):
    (standard,) = force(publish_management=True)
    content = client.get(service_url(standard)).content.decode()
    assert "7. Dasar Hukum" in content
    assert "14. Evaluasi Kinerja Pelaksana" in content


@pytest.mark.parametrize(
    "status",
    [StandardStatus.DRAFT, StandardStatus.SUPERSEDED, StandardStatus.REVOKED, "withdrawn"],
)
def test_versions_not_in_force_are_404_also_for_guessed_urls(client, agency_a, status):
    standard = make_complete_standard(agency=agency_a)
    ServiceStandard.objects.filter(pk=standard.pk).update(status=status)
    assert client.get(service_url(standard)).status_code == 404
    api = reverse("portal:api-service", args=[agency_a.slug, standard.service.slug])
    assert client.get(api).status_code == 404
    assert standard.service.name not in client.get("/cari/?q=Layanan").content.decode()


def test_submitted_draft_is_invisible(client, agency_a, drafter_a):
    from standards import decrees
    from tests.standards.workflow_fixtures import ready_decree

    decree = ready_decree(agency_a, drafter_a)
    decrees.decree_submit(actor=drafter_a, decree=decree)
    standard = decree.standards.get()
    assert client.get(service_url(standard)).status_code == 404


def test_inactive_service_and_agency_are_404(client, akta, agency_a):
    url = service_url(akta)
    type(akta.service).objects.filter(pk=akta.service_id).update(active=False)
    assert client.get(url).status_code == 404
    type(agency_a).objects.filter(pk=agency_a.pk).update(active=False)
    assert client.get(reverse("portal:public-agency", args=[agency_a.slug])).status_code == 404


def test_public_pages_set_no_cookie(client, akta):
    for url in ("/", service_url(akta), "/cari/?q=akta"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert b"csrfmiddlewaretoken" not in response.content


def test_other_services_of_unknown_agency_404(client, akta, agency_b):
    url = reverse("portal:public-service", args=[agency_b.slug, akta.service.slug])
    assert client.get(url).status_code == 404


def test_link_previews_may_ask_with_head_but_not_post(client, akta):
    url = service_url(akta)
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405

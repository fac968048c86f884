"""The service page is read from the publication written when the standard came into force
(portal.publication, docs/decisions/0007), and stays right when that row is missing."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from portal.models import Publication
from portal.publication import PUBLICATION_FORMAT


def service_url(standard) -> str:
    service = standard.service
    return reverse("portal:public-service", args=[service.agency.slug, service.slug])


def test_coming_into_force_writes_the_publication(akta):
    publication = Publication.objects.get(standard=akta)
    assert publication.format == PUBLICATION_FORMAT
    content = publication.content
    assert content["service"]["name"] == "Penerbitan Akta Kelahiran"
    assert content["texts"]["product"] == "Kutipan Akta Kelahiran"
    assert [s["action"] for s in content["steps"]] == [
        s.action for s in akta.steps.order_by("position")
    ]
    assert content["complaints"]["officer"] == "Siti Aminah"
    assert content["decree"]["number"]
    # Pasal 9 ayat (3): no management component unless the agency opted in.
    assert content["management"] == []
    assert "legal_basis" not in content["texts"]


def test_without_a_publication_the_page_is_built_from_the_rows(client, settings, akta):
    settings.PORTAL_CACHE_SECONDS = 0
    published = client.get(service_url(akta)).content.decode()
    Publication.objects.filter(standard=akta).delete()
    rebuilt = client.get(service_url(akta)).content.decode()
    assert rebuilt == published
    call_command("publish_standards", stdout=StringIO())
    assert Publication.objects.get(standard=akta).format == PUBLICATION_FORMAT


def test_an_older_format_is_not_read(client, settings, akta):
    settings.PORTAL_CACHE_SECONDS = 0
    Publication.objects.filter(standard=akta).update(
        format=PUBLICATION_FORMAT - 1, content={"stale": True}
    )
    response = client.get(service_url(akta))
    assert response.status_code == 200
    assert "Kutipan Akta Kelahiran" in response.content.decode()


def test_revoked_standard_is_404_although_its_publication_remains(
    client, settings, akta, mayor_office
):
    from portal.public import in_force_decree
    from standards import decrees

    settings.PORTAL_CACHE_SECONDS = 0
    decrees.decree_revoke(actor=mayor_office, decree=in_force_decree(akta), reason="Dicabut.")
    assert Publication.objects.filter(standard=akta).exists()
    assert client.get(service_url(akta)).status_code == 404


def test_user_text_is_escaped_on_the_page(client, settings, force):
    settings.PORTAL_CACHE_SECONDS = 0
    hostile = '<script>alert("x")</script>'
    (standard,) = force(
        name=f"Layanan {hostile}",
        slug="layanan-uji",
        texts={"product": hostile},
        complaint_officer=hostile,
    )
    content = client.get(service_url(standard)).content.decode()
    assert "<script>" not in content
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in content


def test_consultation_trace_is_part_of_the_publication(client, akta):
    """consultations adds its part (register_part); akta's consultation had no input."""
    assert Publication.objects.get(standard=akta).content["trace"] == []
    page = client.get(service_url(akta)).content.decode()
    assert "Masukan masyarakat dan tindak lanjutnya" in page
    assert "Belum ada masukan dari pembahasan dengan masyarakat untuk versi ini." in page


def test_step_durations_are_written_the_indonesian_way(akta):
    from decimal import Decimal

    from portal.public import in_force_decree
    from portal.publication import publication_content
    from standards.models import DurationUnit
    from standards.selectors import standard_with_rows

    step = akta.steps.order_by("position").first()
    step.duration_value, step.duration_unit = Decimal("2.50"), DurationUnit.HOURS
    step.save(update_fields=["duration_value", "duration_unit"])
    content = publication_content(standard_with_rows(akta.pk), in_force_decree(akta))
    assert content["steps"][0]["duration"] == "2 jam 30 menit"

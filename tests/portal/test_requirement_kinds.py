"""The service page splits requirements into administratif and teknis, as the decree's
lampiran does (documents/includes/standard_table.html), each with when it is handed in."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_publication_and_the_page_split_requirements_by_kind(client, akta):
    from django.core.cache import cache

    from portal.models import Publication
    from portal.public import in_force_decree
    from portal.publication import publication_content
    from standards.models import Requirement, RequirementKind
    from standards.selectors import standard_with_rows
    from tests.portal.test_pages import service_url

    first = akta.requirements.order_by("position").first()
    Requirement.objects.filter(pk=first.pk).update(kind=RequirementKind.TECHNICAL)
    content = publication_content(standard_with_rows(akta.pk), in_force_decree(akta))
    kinds = [group["label"] for group in content["requirement_kinds"]]
    assert kinds == ["Administratif", "Teknis"]
    assert content["requirement_kinds"][1]["items"][0]["description"] == first.description
    Publication.objects.filter(standard=akta).delete()
    cache.clear()
    page = client.get(service_url(akta)).content.decode()
    section = page.split('id="komponen-1"')[1].split('id="komponen-2"')[0]
    assert section.index("Persyaratan administratif") < section.index("Persyaratan teknis")
    assert section.index("Persyaratan teknis") < section.index(first.description)
    assert "Diserahkan di awal" in section

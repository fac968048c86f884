"""Search across agencies: names, requirements, products; filters; pages; highlights."""

from __future__ import annotations

import pytest
from django.db import connection

from portal.public import in_force_decree
from portal.publication import publish_decree
from portal.search import PAGE_SIZE, highlight, search_standards
from standards.models import ServiceKind, ServiceStandard
from tests.standards.factories import RequirementFactory, make_complete_standard


def _names(page) -> list[str]:
    return [s.service.name for s in page.object_list]


def _add_requirement(standard, description: str) -> None:
    """A requirement the version in force had from the start: written, then published
    again (a version in force never changes; the search reads what was published)."""
    RequirementFactory(standard=standard, description=description)
    publish_decree(in_force_decree(standard))


def test_finds_by_service_name_requirement_and_product(akta, agency_a):
    assert _names(search_standards("akta")) == ["Penerbitan Akta Kelahiran"]
    _add_requirement(akta, "Surat keterangan lahir dari bidan")
    assert _names(search_standards("bidan")) == ["Penerbitan Akta Kelahiran"]
    assert _names(search_standards("kutipan")) == ["Penerbitan Akta Kelahiran"]
    assert _names(search_standards("tidak-ada-yang-cocok")) == []


def test_drafts_are_never_found(akta, agency_a):
    make_complete_standard(agency=agency_a, texts={"product": "Kutipan Akta Kematian"})
    assert _names(search_standards("kutipan")) == ["Penerbitan Akta Kelahiran"]


def test_filters_by_agency_and_kind(client, akta, agency_a, agency_b):
    assert _names(search_standards("akta", agency_slug=agency_a.slug)) == [akta.service.name]
    assert _names(search_standards("akta", agency_slug=agency_b.slug)) == []
    assert _names(search_standards("akta", kind=ServiceKind.GOODS)) == []
    assert _names(search_standards("akta", kind=ServiceKind.ADMINISTRATIVE)) == [akta.service.name]
    content = client.get("/cari/", {"q": "akta", "pd": agency_b.slug}).content.decode()
    assert "0 layanan ditemukan" in content


def test_pagination(client, force):
    force(name="Surat Keterangan", slug="surat", services=PAGE_SIZE + 3)
    first, second = search_standards("surat"), search_standards("surat", page=2)
    assert first.paginator.count == PAGE_SIZE + 3
    assert len(first.object_list) == PAGE_SIZE and len(second.object_list) == 3
    content = client.get("/cari/", {"q": "surat", "halaman": 2}).content.decode()
    assert "Halaman 2 dari 2" in content
    assert "halaman=1" in content


def test_highlight_escapes_user_text():
    assert highlight("Akta <b>Kelahiran</b>", ["akta"]) == (
        "<mark>Akta</mark> &lt;b&gt;Kelahiran&lt;/b&gt;"
    )
    assert highlight("a<script>", ["<script>"]) == "a<mark>&lt;script&gt;</mark>"


def test_results_page_highlights_and_escapes_the_query(client, akta):
    content = client.get("/cari/", {"q": 'akta <i>"'}).content.decode()
    assert "<mark>Akta</mark>" in content
    assert "<i>" not in content
    assert "akta &lt;i&gt;&#34;" in content  # the query, escaped (Jinja2 writes " as &#34;)


@pytest.mark.services
def test_postgresql_full_text_search_stems_indonesian(akta):
    """On PostgreSQL the `indonesian` configuration stems: "kelahiran" finds "lahir"."""
    assert connection.vendor == "postgresql", "the services run uses PostgreSQL"
    _add_requirement(akta, "Surat keterangan lahir dari bidan")
    assert _names(search_standards("kelahiran")) == ["Penerbitan Akta Kelahiran"]
    assert _names(search_standards("melahirkan")) == ["Penerbitan Akta Kelahiran"]
    assert _names(search_standards("kutipan akta")) == ["Penerbitan Akta Kelahiran"]
    assert ServiceStandard.objects.in_force().count() == 1

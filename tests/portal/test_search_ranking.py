"""Search ranking and typos (docs/decisions/0012), on whichever database the run uses:
SQLite in the default run, PostgreSQL (`indonesian` text search, pg_trgm) in CI's
services run, where the `services` test also checks the indexes the migration made."""

from __future__ import annotations

import pytest
from django.db import connection

from portal import search
from portal.search import search_standards
from portal.search_index import entry_for, published_fields, write_entries
from standards.models import ServiceStandard, StandardStatus
from tests.standards.factories import RequirementFactory, ServiceFactory, make_complete_standard


def _in_force(agency, name: str, *, requirement: str = "", product: str = ""):
    """A complete standard of a new service, in force, with the search entry its
    publication would write (portal.search_index; the search reads only that)."""
    service = ServiceFactory(agency=agency, name=name)
    product = product or f"Dokumen {name}"
    standard = make_complete_standard(service=service, texts={"product": product})
    if requirement:
        RequirementFactory(standard=standard, description=requirement, position=9)
    ServiceStandard.objects.filter(pk=standard.pk).update(status=StandardStatus.IN_FORCE)
    published = published_fields(
        name=name,
        kind=service.kind,
        requirements=[r.description for r in standard.requirements.all()],
        product=product,
    )
    write_entries([entry_for(standard, published)])
    return standard


def _names(query: str, **filters) -> list[str]:
    return [s.service.name for s in search_standards(query, **filters).object_list]


@pytest.fixture
def catalogue(agency_a, agency_b):
    """Services whose names, requirements and products share words, across two agencies."""
    _in_force(agency_a, "Surat Keterangan Domisili", requirement="Fotokopi akta kelahiran")
    _in_force(agency_a, "Penerbitan Akta Kelahiran Terlambat")
    _in_force(agency_b, "Penerbitan Akta Kelahiran", requirement="Surat keterangan lahir")
    _in_force(agency_b, "Penerbitan Kartu Keluarga", product="Kartu Keluarga elektronik")
    _in_force(agency_b, "Surat Izin Praktik Bidan", requirement="Surat Tanda Registrasi bidan")


def test_a_match_in_the_name_ranks_before_one_in_the_requirements(catalogue):
    assert _names("akta kelahiran") == [
        "Penerbitan Akta Kelahiran",  # the shorter name first
        "Penerbitan Akta Kelahiran Terlambat",
        "Surat Keterangan Domisili",  # only a requirement says "akta kelahiran"
    ]
    assert _names("izin praktik bidan") == ["Surat Izin Praktik Bidan"]
    assert _names("registrasi") == ["Surat Izin Praktik Bidan"]


def test_typos_in_the_name_still_find_the_service(catalogue):
    assert _names("akte kelahran") == [
        "Penerbitan Akta Kelahiran",
        "Penerbitan Akta Kelahiran Terlambat",
    ]
    assert _names("kartu kelurga") == ["Penerbitan Kartu Keluarga"]
    assert _names("izin praktek bidan") == ["Surat Izin Praktik Bidan"]
    assert _names("zzzz qqqq") == []


def test_typo_matching_is_only_a_fallback(catalogue):
    """A query whose words are found is not widened by look-alike names."""
    assert _names("kartu keluarga") == ["Penerbitan Kartu Keluarga"]
    assert "Surat Keterangan Domisili" not in _names("akte kelahran")


def test_filters_and_pages_apply_to_the_ranked_results(catalogue, agency_a, monkeypatch):
    assert _names("akta kelahiran", agency_slug=agency_a.slug) == [
        "Penerbitan Akta Kelahiran Terlambat",
        "Surat Keterangan Domisili",
    ]
    assert _names("akte kelahran", agency_slug=agency_a.slug) == [
        "Penerbitan Akta Kelahiran Terlambat"
    ]
    monkeypatch.setattr(search, "PAGE_SIZE", 2)
    first, second = search_standards("akta kelahiran"), search_standards("akta kelahiran", page=2)
    assert first.paginator.count == 3 and first.paginator.num_pages == 2
    assert [s.service.name for s in second.object_list] == ["Surat Keterangan Domisili"]
    assert second.object_list[0].search_entry.product == "Dokumen Surat Keterangan Domisili"


def test_the_count_stops_at_max_results(client, catalogue, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    page = search_standards("akta kelahiran")
    assert page.paginator.count == 2
    assert [s.service.name for s in page.object_list] == [
        "Penerbitan Akta Kelahiran",
        "Penerbitan Akta Kelahiran Terlambat",
    ]
    content = client.get("/cari/", {"q": "akta kelahiran"}).content.decode()
    assert "2 layanan atau lebih ditemukan" in content
    assert "Surat Keterangan Domisili" not in content


def test_results_page_shows_the_typo_match(client, catalogue):
    content = client.get("/cari/", {"q": "akte kelahran"}).content.decode()
    assert "2 layanan ditemukan" in content
    assert "Penerbitan Akta Kelahiran" in content


@pytest.mark.services
def test_postgresql_has_the_search_indexes(catalogue):
    assert connection.vendor == "postgresql", "the services run uses PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename LIKE 'portal_search%%'"
            " AND indexdef LIKE '%%USING gin%%'"
        )
        assert {name for (name,) in cursor.fetchall()} == {
            "search_name_fts",
            "search_text_fts",
            "search_word_trgm",
        }
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname LIKE 'standards_%%_fts'")
        assert cursor.fetchall() == []  # the old expression indexes are gone
    # "kelahiran" and "melahirkan" share the stem "lahir" only with the indonesian stemmer.
    assert _names("melahirkan") == [
        "Penerbitan Akta Kelahiran",
        "Penerbitan Akta Kelahiran Terlambat",
        "Surat Keterangan Domisili",
    ]

"""The search's own table follows the standard's life (docs/decisions/0012): an entry
while the standard is in force, written with its publication, replaced by the next
version's, gone when the decree is revoked or the service deactivated; the results page
reads a fixed number of queries. On whichever database the run uses (SQLite by default,
PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from agencies.published import portal_generation
from portal.models import SearchEntry, SearchWord
from portal.public import in_force_decree
from portal.search import hits, search_standards
from standards import decrees, services
from standards.models import ChangeReason, StandardStatus
from tests.portal.fixtures import to_force
from tests.standards.factories import RequirementFactory
from tests.standards.workflow_fixtures import consult


def _entries() -> list[tuple[int, str]]:
    return list(SearchEntry.objects.order_by("pk").values_list("standard_id", "name"))


def test_a_standard_in_force_has_its_entry_as_published(akta):
    entry = SearchEntry.objects.get()
    assert (entry.standard_id, entry.service_id) == (akta.pk, akta.service_id)
    assert entry.name == "Penerbitan Akta Kelahiran" == akta.publication.content["service"]["name"]
    assert entry.name_length == len(entry.name)
    assert (entry.agency_id, entry.agency_name) == (
        akta.service.agency_id,
        akta.service.agency.name,
    )
    assert entry.kind == akta.service.kind
    assert entry.product == "Kutipan Akta Kelahiran"
    assert entry.requirements.splitlines() == [
        item["description"]
        for group in akta.publication.content["requirement_kinds"]
        for item in group["items"]
    ]
    assert {"penerbitan", "akta", "kelahiran"} <= set(
        SearchWord.objects.values_list("word", flat=True)
    )


def test_the_new_version_replaces_the_entry_of_the_old(
    akta, drafter_a, reviewer, head_a, mayor_office
):
    new = services.standard_revise(
        actor=drafter_a, standard=akta, reason=ChangeReason.POLICY, explanation="Perda baru."
    )
    RequirementFactory(standard=new, description="Surat keterangan lahir dari bidan")
    consult(new)
    decree = decrees.decree_create(
        actor=drafter_a, agency=akta.service.agency, standards=[new], amends=in_force_decree(akta)
    )
    with TestCase.captureOnCommitCallbacks(execute=True):  # the decree's PDF, as in force()
        to_force(decree, drafter=drafter_a, reviewer=reviewer, head=head_a, mayor=mayor_office)
    akta.refresh_from_db()
    assert akta.status == StandardStatus.SUPERSEDED
    assert _entries() == [(new.pk, "Penerbitan Akta Kelahiran")]
    assert "Surat keterangan lahir dari bidan" in SearchEntry.objects.get().requirements
    assert [s.pk for s in search_standards("bidan").object_list] == [new.pk]


def test_a_revoked_decree_takes_its_standards_off_the_search(akta, mayor_office):
    decrees.decree_revoke(actor=mayor_office, decree=in_force_decree(akta), reason="Dicabut.")
    akta.refresh_from_db()
    assert akta.status == StandardStatus.REVOKED
    assert _entries() == []
    assert list(search_standards("akta").object_list) == []


def test_a_deactivated_service_leaves_the_search_and_comes_back(akta, drafter_a):
    generation = portal_generation()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.service_set_active(actor=drafter_a, service=akta.service, active=False)
    assert portal_generation() > generation  # cached public pages are stale
    assert _entries() == []
    assert search_standards("akta").paginator.count == 0
    services.service_set_active(actor=drafter_a, service=akta.service, active=True)
    assert _entries() == [(akta.pk, "Penerbitan Akta Kelahiran")]


def test_publish_standards_rebuilds_the_table(akta, force):
    (other,) = force(name="Penerbitan Kartu Keluarga", slug="kk")
    SearchEntry.objects.all().delete()
    SearchWord.objects.create(word="usang")  # a word no name has any more
    call_command("publish_standards", stdout=StringIO())
    assert _entries() == [
        (akta.pk, "Penerbitan Akta Kelahiran"),
        (other.pk, "Penerbitan Kartu Keluarga"),
    ]
    assert not SearchWord.objects.filter(word="usang").exists()
    assert [s.pk for s in search_standards("kartu kelurga").object_list] == [other.pk]


def test_the_results_page_reads_a_fixed_number_of_queries(akta, force):
    """The capped count, each tier's window of ids, the page's rows; with typos, the
    words' corrections first. The same with 2 standards in force or 27."""

    def queries(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            page = search_standards(query)
            assert hits(page, query)
        return len(captured)

    force(name="Surat Domisili", slug="domisili", texts={"product": "Kutipan akta kelahiran"})
    cases = ("akta kelahiran", "kutipan", "akte kelahran")
    few = {query: queries(query) for query in cases}
    force(name="Surat Lain", slug="lain", services=25, texts={"product": "Kutipan akta kelahiran"})
    assert search_standards("akta kelahiran").paginator.count == 27
    many = {query: queries(query) for query in cases}
    # count, names' window, others' window, rows; typos: the exact count, the corrections,
    # then count, names' window, rows
    assert few == many == {"akta kelahiran": 4, "kutipan": 4, "akte kelahran": 5}

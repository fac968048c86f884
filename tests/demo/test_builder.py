"""The fixture builder (demo/builder.py) writes what the importer writes from the same
content, in bulk: the benchmarks' and the tests' standards are the demo's kind."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Agency
from agencies.seed import seed_bontang
from demo.builder import build_standard, build_standards
from demo.loader import demo_standards, workbook_content
from standards.checks import check_standard
from standards.models import ServiceStandard, StandardStatus
from standards.selectors import standard_with_rows
from standards.services import SYSTEM
from standards.spreadsheet.content import standard_content
from standards.spreadsheet.importer import import_workbook
from standards.spreadsheet.reader import read_upload
from standards.spreadsheet.writer import export_workbook

# A draft of the demo (no earlier decree) with a work unit, a fee-free step with a cost,
# a staged technical requirement linked to step 5, six channels and eight legal bases.
SIPB = next(item for item in demo_standards() if item["key"] == "surat-izin-praktik-bidan")


def _content(standard: ServiceStandard) -> dict:
    content = standard_content(standard_with_rows(standard.pk), None)
    for rows in content.values():
        for row in rows:
            row.pop("key")
            row.pop("name", None)
    return content


def test_the_builder_writes_what_the_importer_writes_from_the_same_item(db):
    seed_bontang()
    agency = Agency.objects.get(slug=SIPB["agency"])
    parsed = read_upload(export_workbook(agency, [workbook_content(SIPB)]), "sipb.xlsx")
    plan, result = import_workbook(actor=SYSTEM, agency=agency, parsed=parsed)
    assert result is not None, plan.errors
    imported = ServiceStandard.objects.get(service__slug=SIPB["key"])
    built = build_standard({**SIPB, "key": "dibangun", "name": "SIPB (dibangun)"}, agency=agency)
    assert _content(built) == _content(imported)
    assert built.service.work_unit == imported.service.work_unit is not None
    assert check_standard(standard_with_rows(built.pk)) == []
    assert built.history.get().history_type == "+"
    assert built.steps.first().history.count() == 1


@pytest.mark.parametrize("count", [1, 6])
def test_the_queries_do_not_grow_with_the_standards_and_rows(db, count):
    seed_bontang()
    agency = Agency.objects.get(slug=SIPB["agency"])
    items = [{**SIPB, "key": f"sipb-{n}", "name": f"SIPB {n}"} for n in range(count)]
    with CaptureQueriesContext(connection) as queries:
        standards = build_standards(agency, items, status=StandardStatus.IN_FORCE)
    assert len(queries) == 15  # work units, then a bulk insert and its history rows per table
    assert ServiceStandard.objects.in_force().count() == len(standards) == count
    assert {s.requirements.count() for s in standards} == {len(SIPB["requirements"])}

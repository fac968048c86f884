import datetime

import pytest
from django.db import IntegrityError, transaction

from agencies.models import AgencyKind
from maklumat.models import (
    Maklumat,
    MaklumatLayout,
    MaklumatStatus,
    agency_head_title,
    default_statements,
)
from tests.factories import AgencyFactory

from .factories import MaklumatFactory, SetMaklumatFactory

pytestmark = pytest.mark.django_db


def test_default_wording_carries_the_three_statements_of_pasal_14_ayat_2():
    statements = default_statements()
    # a: promise and ability to deliver per the standard
    assert "sanggup" in statements["statement_promise"]
    assert "Standar Pelayanan" in statements["statement_promise"]
    # b: serve per obligations and improve continuously
    assert "kewajiban" in statements["statement_obligation"]
    assert "perbaikan secara terus-menerus" in statements["statement_obligation"]
    # c: accept sanctions and/or give compensation when the service falls short
    assert "sanksi dan/atau memberikan kompensasi" in statements["statement_sanction"]
    assert "tidak sesuai dengan Standar Pelayanan" in statements["statement_sanction"]


def test_composed_paragraph_is_one_sentence_in_capitals(agency_a):
    maklumat = MaklumatFactory(agency=agency_a)
    paragraph = maklumat.composed_paragraph
    assert paragraph.startswith("DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN")
    assert ", DAN BERSEDIA MENERIMA SANKSI" in paragraph
    assert paragraph.endswith("STANDAR PELAYANAN.")
    assert paragraph == paragraph.upper()


def test_composed_paragraph_tolerates_full_sentences(agency_a):
    maklumat = MaklumatFactory(
        agency=agency_a,
        statement_promise="Kami sanggup melayani sesuai standar.",
        statement_obligation="kami menyatakan melayani sesuai kewajiban;",
        statement_sanction="  bersedia   menerima sanksi. ",
    )
    assert maklumat.composed_paragraph == (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MELAYANI SESUAI STANDAR, MELAYANI SESUAI "
        "KEWAJIBAN, DAN BERSEDIA MENERIMA SANKSI."
    )
    assert maklumat.statement_points == [
        "sanggup melayani sesuai standar;",
        "melayani sesuai kewajiban; dan",
        "bersedia menerima sanksi.",
    ]


def test_default_layout_is_the_paragraph_agencies_write(agency_a):
    assert MaklumatFactory(agency=agency_a).layout == MaklumatLayout.PARAGRAPH


def test_at_most_one_draft_per_agency(agency_a, agency_b):
    MaklumatFactory(agency=agency_a)
    MaklumatFactory(agency=agency_b)  # another agency's draft is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        MaklumatFactory(agency=agency_a)


def test_at_most_one_current_maklumat_per_agency(agency_a, agency_b):
    SetMaklumatFactory(agency=agency_a)
    SetMaklumatFactory(agency=agency_b)
    with pytest.raises(IntegrityError), transaction.atomic():
        SetMaklumatFactory(agency=agency_a)


def test_replaced_versions_may_be_many(agency_a):
    for _ in range(3):
        SetMaklumatFactory(agency=agency_a, status=MaklumatStatus.REPLACED)
    SetMaklumatFactory(agency=agency_a)
    assert Maklumat.objects.filter(agency=agency_a).count() == 4


def test_version_is_unique_per_agency(agency_a):
    SetMaklumatFactory(agency=agency_a, version=1, status=MaklumatStatus.REPLACED)
    with pytest.raises(IntegrityError), transaction.atomic():
        MaklumatFactory(agency=agency_a, version=1)


def test_a_set_maklumat_has_its_date_and_a_draft_has_none(agency_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        SetMaklumatFactory(agency=agency_a, set_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        MaklumatFactory(agency=agency_a, set_on=datetime.date(2024, 1, 2))


@pytest.mark.parametrize(
    "kind,name,title",
    [
        (AgencyKind.OFFICE, "Dinas Lingkungan Hidup", "Kepala Dinas Lingkungan Hidup"),
        (AgencyKind.BOARD, "Badan Kepegawaian", "Kepala Badan Kepegawaian"),
        (AgencyKind.DISTRICT, "Kecamatan Bontang Selatan", "Camat Bontang Selatan"),
        (AgencyKind.VILLAGE, "Kelurahan Tanjung Laut", "Lurah Tanjung Laut"),
        (AgencyKind.HOSPITAL, "RSUD Taman Husada", "Direktur RSUD Taman Husada"),
        (AgencyKind.REGIONAL_SECRETARIAT, "Sekretariat Daerah", "Sekretaris Daerah"),
        (AgencyKind.COUNCIL_SECRETARIAT, "Sekretariat DPRD", "Sekretaris DPRD"),
        (AgencyKind.INSPECTORATE, "Inspektorat Daerah", "Inspektur Daerah"),
        (AgencyKind.UPT, "UPT Puskesmas Bontang Barat", "Kepala UPT Puskesmas Bontang Barat"),
    ],
)
def test_head_title_follows_the_kind_of_agency(kind, name, title):
    assert agency_head_title(AgencyFactory.build(kind=kind, name=name)) == title


def test_changes_are_kept_in_history(agency_a):
    maklumat = MaklumatFactory(agency=agency_a)
    maklumat.statement_promise = "sanggup melayani"
    maklumat.save()
    assert maklumat.history.count() == 2

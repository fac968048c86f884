"""Legal basis as structured references (issue 18 point 4): issuer or region, printed as
decrees cite them, and "Mengingat" in the hierarchy of UU 12/2011, each law once."""

from __future__ import annotations

import pytest

from standards.decrees import BASE_LEGAL_REFERENCES, default_legal_references
from standards.forms import LegalBasisForm
from standards.legal_citations import (
    Citation,
    default_issuer,
    mengingat,
    regulation_name,
    split_issuer_from_title,
)
from standards.models import LegalBasis, LegalBasisKind
from tests.standards.factories import LegalBasisFactory, make_complete_standard

K = LegalBasisKind


@pytest.mark.parametrize(
    "kind,issuer,name",
    [
        (K.MINISTERIAL_REGULATION, "Menteri Kesehatan", "Peraturan Menteri Kesehatan"),
        (K.MINISTERIAL_REGULATION, "Kesehatan", "Peraturan Menteri Kesehatan"),
        (K.REGIONAL_REGULATION, "Kota Bontang", "Peraturan Daerah Kota Bontang"),
        (
            K.REGIONAL_REGULATION,
            "Provinsi Kalimantan Timur",
            "Peraturan Daerah Provinsi Kalimantan Timur",
        ),
        (K.MAYORAL_REGULATION, "Bontang", "Peraturan Wali Kota Bontang"),
        (K.MAYORAL_REGULATION, "Wali Kota Bontang", "Peraturan Wali Kota Bontang"),
        (K.LAW, "", "Undang-Undang"),
    ],
)
def test_the_regulation_is_named_with_its_issuer(kind, issuer, name):
    assert regulation_name(kind, issuer) == name


@pytest.mark.django_db
def test_a_row_prints_as_decrees_cite_it():
    basis = LegalBasisFactory(
        kind=K.MINISTERIAL_REGULATION,
        issuer="Menteri Kesehatan",
        number="109",
        year=2019,
        title="Rekam Medis",
    )
    assert basis.citation == "Peraturan Menteri Kesehatan Nomor 109 Tahun 2019 tentang Rekam Medis"
    assert str(basis) == basis.citation


def test_mengingat_is_in_the_hierarchy_each_law_once():
    rows = [
        Citation("perwali", "", "31", 2018, "Pedoman Penyusunan Standar Pelayanan"),
        Citation("perda", "Kota Bontang", "1", 2024, "Retribusi Daerah"),
        Citation("uu", "", "17", 2023, "Kesehatan"),
        Citation("permen", "", "15", 2014, "Pedoman Standar Pelayanan"),
        Citation("perda", "Provinsi Kalimantan Timur", "2", 2020, "Kesehatan Daerah"),
        Citation("permen", "Menteri Kesehatan", "15", 2014, "Rumah Sakit"),  # another minister
        Citation("perpres", "", "81", 2010, "Grand Design Reformasi Birokrasi"),
    ]
    texts = [c.text for c in mengingat([*BASE_LEGAL_REFERENCES, *rows])]
    assert texts == [
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
        "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
        "Tahun 2009 tentang Pelayanan Publik",
        "Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 "
        "Tahun 2014 tentang Pedoman Standar Pelayanan",
        "Peraturan Menteri Kesehatan Nomor 15 Tahun 2014 tentang Rumah Sakit",
        "Peraturan Daerah Provinsi Kalimantan Timur Nomor 2 Tahun 2020 tentang Kesehatan Daerah",
        "Peraturan Daerah Kota Bontang Nomor 1 Tahun 2024 tentang Retribusi Daerah",
        "Peraturan Wali Kota Bontang Nomor 31 Tahun 2018 tentang Pedoman Penyusunan Standar "
        "Pelayanan dan Maklumat Pelayanan di Lingkungan Pemerintah Daerah",
    ]


@pytest.mark.django_db
def test_two_standards_citing_the_base_laws_list_each_once(agency_a):
    standards = [make_complete_standard(agency=agency_a) for _ in range(2)]
    for standard in standards:
        LegalBasis.objects.filter(standard=standard).delete()
        LegalBasisFactory(standard=standard, kind=K.LAW, number="25", year=2009)
        LegalBasisFactory(
            standard=standard, kind=K.MINISTERIAL_REGULATION, number="15", year=2014,
            title="Pedoman Standar Pelayanan",
        )  # fmt: skip
        LegalBasisFactory(
            standard=standard, kind=K.MAYORAL_REGULATION, issuer="Bontang", number="31",
            year=2018, title="Pedoman Penyusunan Standar Pelayanan",
        )  # fmt: skip
    text = default_legal_references(standards)
    assert text.count("Nomor 15 Tahun 2014") == 1
    assert text.count("Nomor 31 Tahun 2018") == 1
    assert text.count(". Undang-Undang Nomor 25 Tahun 2009") == 1
    assert text.splitlines()[0].startswith("1. Undang-Undang Nomor 25 Tahun 2009")


def test_the_data_migration_moves_a_bracketed_issuer_out_of_the_title():
    assert split_issuer_from_title("permen", "Rekam Medis (Peraturan Menteri Kesehatan)") == (
        "Menteri Kesehatan",
        "Rekam Medis",
    )
    assert split_issuer_from_title("permen", "Rekam Medis") == ("", "Rekam Medis")
    assert default_issuer("perwali", "31", 2018, "Pedoman") == "Bontang"
    assert default_issuer("perda", "1", 2024, "Retribusi") == "Kota Bontang"
    assert default_issuer("permen", "15", 2014, "Pedoman Standar Pelayanan").startswith(
        "Menteri Pendayagunaan"
    )


@pytest.mark.django_db
def test_the_editor_form_asks_which_minister_beside_the_field(agency_a):
    standard = make_complete_standard(agency=agency_a)
    data = {"kind": K.MINISTERIAL_REGULATION, "number": "109", "year": "2019", "title": "RM"}
    form = LegalBasisForm(data, standard=standard)
    assert not form.is_valid()
    assert form.errors["issuer"] == [
        "Sebutkan menteri yang menetapkannya, misalnya Menteri Kesehatan."
    ]
    assert form.fields["issuer"].label == "Pembentuk/daerah"
    form = LegalBasisForm({**data, "kind": K.MAYORAL_REGULATION}, standard=standard)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["issuer"] == "Bontang"

"""The SKM index (PermenPANRB 14/2017) on a worked example computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from monitoring.index import (
    ELEMENT_CODES,
    compute_from_rows,
    index_letter,
    nrr_letter,
    sample_target,
)

# 29 responses; per element, how many answered 4, 3, 2 and 1, and the sum by hand.
WORKED = {
    "requirements": ((20, 9, 0, 0), 107),  # 80 + 27
    "procedure": ((15, 12, 2, 0), 100),  # 60 + 36 + 4
    "service_time": ((10, 12, 5, 2), 88),  # 40 + 36 + 10 + 2
    "fee": ((29, 0, 0, 0), 116),
    "product": ((14, 15, 0, 0), 101),  # 56 + 45
    "competence": ((18, 11, 0, 0), 105),  # 72 + 33
    "behaviour": ((21, 8, 0, 0), 108),  # 84 + 24
    "facilities": ((6, 12, 9, 2), 80),  # 24 + 36 + 18 + 2
    "complaints": ((5, 10, 10, 4), 74),  # 20 + 30 + 20 + 4
}


def _rows():
    columns = {}
    for code, ((n4, n3, n2, n1), _total) in WORKED.items():
        scores = [4] * n4 + [3] * n3 + [2] * n2 + [1] * n1
        assert len(scores) == 29
        columns[code] = scores
    return [{code: columns[code][i] for code in ELEMENT_CODES} for i in range(29)]


def test_worked_example_of_29_responses():
    result = compute_from_rows(_rows())
    assert result.responses == 29
    by_code = {e.code: e for e in result.elements}
    assert [e.code for e in result.elements] == list(WORKED)
    for code, (_counts, total) in WORKED.items():
        assert by_code[code].total == total
    # NRR = sum / 29, to 4 decimals.
    assert by_code["requirements"].nrr == Decimal("3.6897")  # 107/29 = 3.68965...
    assert by_code["requirements"].letter == "A"
    assert by_code["procedure"].nrr == Decimal("3.4483")  # 100/29 = 3.44827...
    assert by_code["procedure"].letter == "B"
    assert by_code["service_time"].nrr == Decimal("3.0345")  # 88/29 = 3.03448...
    assert by_code["service_time"].letter == "C"
    assert by_code["fee"].nrr == Decimal("4.0000")
    assert by_code["complaints"].nrr == Decimal("2.5517")  # 74/29 = 2.55172...
    assert by_code["complaints"].letter == "D"
    # Index = mean of the nine NRR x 25 = 879 / (29 x 9) x 25 = 21975/261 = 84.1954...
    assert result.index == Decimal("84.20")
    assert result.letter == "B"
    assert result.grade_label == "Baik"
    # The customary 0.111 weight: 879/29 x 0.111 x 25 = 84.1112... (a note only).
    assert result.customary_index == Decimal("84.11")


def test_all_fours_is_100_and_customary_weight_caps_at_99_9():
    result = compute_from_rows([dict.fromkeys(ELEMENT_CODES, 4)] * 3)
    assert result.index == Decimal("100.00")
    assert result.customary_index == Decimal("99.90")


def test_no_responses_has_no_index():
    result = compute_from_rows([])
    assert result.index is None and result.letter is None


@pytest.mark.parametrize(
    "index,letter",
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.305", "A"),  # rounds half-up to 88.31
        ("88.3049", "B"),  # rounds to 88.30
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_index_letter_boundaries(index, letter):
    assert index_letter(Decimal(index)) == letter


@pytest.mark.parametrize(
    "nrr,letter",
    [
        ("4.00", "A"),
        ("3.5324", "A"),
        ("3.53235", "A"),  # rounds half-up to 3.5324
        ("3.5322", "B"),  # between the published 3.532 and 3.5324: not yet A
        ("3.532", "B"),
        ("3.0644", "B"),
        ("3.0642", "C"),
        ("3.064", "C"),
        ("2.60", "C"),
        ("2.5998", "D"),
        ("2.5996", "D"),
        ("1.00", "D"),
    ],
)
def test_nrr_letter_boundaries(nrr, letter):
    assert nrr_letter(Decimal(nrr)) == letter


@pytest.mark.parametrize(
    "population,target", [(100, 80), (1_000, 278), (10_000, 370), (10, 10), (None, None)]
)
def test_krejcie_morgan_sample_targets(population, target):
    assert sample_target(population) == target

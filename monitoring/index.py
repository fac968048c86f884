"""The Indeks Kepuasan Masyarakat (IKM) of the SKM survey (Pasal 16 ayat (3); PermenPANRB
14/2017), computed exactly.

- NRR (nilai rata-rata) of an element = sum of its scores / number of complete responses.
- The index = (mean of the nine NRR) x 25: every element weighs exactly 1/9. The
  customary rounded weight 0.111 (which caps the index at 99.9) is computed beside it as
  a note, never as the result.
- Rounding and classification (a value between two published bounds, e.g. 88.305 or
  3.5322): the index is rounded half-up to 2 decimals and an NRR to 4 decimals, both with
  Decimal; the rounded value then takes the highest letter whose published lower bound it
  reaches. So 88.305 -> 88.31 -> A, 88.30 -> B; 3.5322 -> B (below 3.5324), 3.0642 -> C.
- Sample target: Krejcie-Morgan (chi-square 3.841, P 0.5, d 0.05), rounded up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

SCALE = 25
CUSTOMARY_WEIGHT = Decimal("0.111")
TWO_PLACES = Decimal("0.01")
FOUR_PLACES = Decimal("0.0001")

# The nine elements (unsur) of PermenPANRB 14/2017, in its order, with the customary
# wording of the answers 1..4.
ELEMENTS: tuple[tuple[str, str, tuple[str, str, str, str]], ...] = (
    (
        "requirements",
        _("Persyaratan"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        "procedure",
        _("Sistem, mekanisme dan prosedur"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    (
        "service_time",
        _("Waktu penyelesaian"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    (
        "fee",
        _("Biaya/tarif"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    (
        "product",
        _("Produk spesifikasi jenis pelayanan"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        "competence",
        _("Kompetensi pelaksana"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    (
        "behaviour",
        _("Perilaku pelaksana"),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    (
        "facilities",
        _("Sarana dan prasarana"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
    (
        "complaints",
        _("Penanganan pengaduan, saran dan masukan"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
)
ELEMENT_CODES: tuple[str, ...] = tuple(code for code, _label, _answers in ELEMENTS)
ELEMENT_LABELS: dict[str, str] = {code: label for code, label, _answers in ELEMENTS}

# (letter, lower bound of the index, lower bound of an NRR, mutu pelayanan)
GRADES = (
    ("A", Decimal("88.31"), Decimal("3.5324"), _("Sangat Baik")),
    ("B", Decimal("76.61"), Decimal("3.0644"), _("Baik")),
    ("C", Decimal("65.00"), Decimal("2.60"), _("Kurang Baik")),
    ("D", Decimal("25.00"), Decimal("1.00"), _("Tidak Baik")),
)
GRADE_LABELS = {letter: label for letter, _i, _n, label in GRADES}


def round_index(value) -> Decimal:
    return _decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def round_nrr(value) -> Decimal:
    return _decimal(value).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


def _decimal(value) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def index_letter(index) -> str:
    """The letter of an index (25..100), after rounding it to 2 decimals."""
    rounded = round_index(index)
    for letter, lower, _nrr, _label in GRADES:
        if rounded >= lower:
            return letter
    return "D"


def nrr_letter(nrr) -> str:
    """The letter of an element's NRR (1..4), after rounding it to 4 decimals."""
    rounded = round_nrr(nrr)
    for letter, _index, lower, _label in GRADES:
        if rounded >= lower:
            return letter
    return "D"


@dataclass(frozen=True)
class ElementResult:
    code: str
    label: str
    total: int
    nrr: Decimal  # rounded to 4 decimals, for display and classification
    letter: str

    @property
    def converted(self) -> Decimal:
        """The element on the index scale (NRR x 25), for charts."""
        return round_index(self.nrr * SCALE)


@dataclass(frozen=True)
class SurveyResult:
    responses: int
    elements: tuple[ElementResult, ...]
    index: Decimal | None  # exact 1/9 weights, rounded to 2 decimals
    letter: str | None
    customary_index: Decimal | None  # with the rounded weight 0.111: a note only

    @property
    def grade_label(self) -> str:
        return GRADE_LABELS.get(self.letter, "") if self.letter else ""


def compute(totals: Mapping[str, int], responses: int) -> SurveyResult:
    """The result from the sum of each element's scores over `responses` complete responses."""
    if responses <= 0:
        return SurveyResult(0, (), None, None, None)
    exact_nrr = {code: Fraction(int(totals[code]), responses) for code in ELEMENT_CODES}
    elements = tuple(
        ElementResult(
            code=code,
            label=ELEMENT_LABELS[code],
            total=int(totals[code]),
            nrr=round_nrr(exact_nrr[code]),
            letter=nrr_letter(exact_nrr[code]),
        )
        for code in ELEMENT_CODES
    )
    exact_index = sum(exact_nrr.values(), Fraction(0)) / len(ELEMENT_CODES) * SCALE
    customary = (
        sum((_decimal(value) * CUSTOMARY_WEIGHT for value in exact_nrr.values()), Decimal(0))
        * SCALE
    )
    return SurveyResult(
        responses=responses,
        elements=elements,
        index=round_index(exact_index),
        letter=index_letter(exact_index),
        customary_index=round_index(customary),
    )


def compute_from_rows(rows: Iterable[Mapping[str, int]]) -> SurveyResult:
    """The result of complete responses given as mappings of element code -> score."""
    totals = dict.fromkeys(ELEMENT_CODES, 0)
    count = 0
    for row in rows:
        for code in ELEMENT_CODES:
            totals[code] += int(row[code])
        count += 1
    return compute(totals, count)


def sample_target(population: int | None) -> int | None:
    """Krejcie-Morgan: s = X^2 N P(1-P) / (d^2 (N-1) + X^2 P(1-P)), rounded up."""
    if not population or population <= 0:
        return None
    chi2, p, d = Decimal("3.841"), Decimal("0.5"), Decimal("0.05")
    n = Decimal(population)
    value = chi2 * n * p * (1 - p) / (d * d * (n - 1) + chi2 * p * (1 - p))
    return min(population, math.ceil(value))


def low_elements(result: SurveyResult, *, below: Sequence[str] = ("C", "D")) -> list[ElementResult]:
    """Elements whose letter calls for a follow-up action."""
    return [element for element in result.elements if element.letter in below]

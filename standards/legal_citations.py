"""Citations of regulations as decrees write them, in the hierarchy of UU 12/2011.

"Peraturan Menteri Kesehatan Nomor 109 Tahun 2019 tentang ...": the kind, its issuer or
region (Menteri Kesehatan, Kota Bontang, Provinsi Kalimantan Timur), number, year and
title. The "Mengingat" of a decree lists each regulation once, ordered by Pasal 7 and 8
of UU 12/2011 as this city applies them: UU, PP, Perpres, Permen, Perda Provinsi, Perda
Kabupaten/Kota, Perwali, then the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Keys are LegalBasisKind values (kept as strings: the data migration imports this module).
KIND_NAMES = {
    "uu": "Undang-Undang",
    "pp": "Peraturan Pemerintah",
    "perpres": "Peraturan Presiden",
    "permen": "Peraturan Menteri",
    "perda": "Peraturan Daerah",
    "perwali": "Peraturan Wali Kota",
    "keputusan": "Keputusan",
    "other": "",
}

# UU 12/2011 Pasal 7 ayat (1) and Pasal 8 ayat (1): the rank of each kind (lower first).
RANK = {
    "uu": 1,
    "pp": 2,
    "perpres": 3,
    "permen": 4,
    "perda": 6,  # 5 when the issuer is a province
    "perwali": 7,
    "keputusan": 8,
    "other": 9,
}


def _words(text: str) -> list[str]:
    return text.split()


def regulation_name(kind: str, issuer: str) -> str:
    """'Peraturan Menteri' + 'Menteri Kesehatan' -> 'Peraturan Menteri Kesehatan';
    'Peraturan Daerah' + 'Kota Bontang' -> 'Peraturan Daerah Kota Bontang'."""
    base = _words(KIND_NAMES.get(kind, ""))
    extra = _words(issuer.strip())
    if not extra:
        return " ".join(base)
    lowered = [w.lower() for w in extra]
    for start in range(len(base)):
        tail = [w.lower() for w in base[start:]]
        if lowered[: len(tail)] == tail:
            return " ".join(base[:start] + extra)
    return " ".join(base + extra)


@dataclass(frozen=True)
class Citation:
    kind: str
    issuer: str
    number: str
    year: int
    title: str

    @property
    def rank(self) -> int:
        if self.kind == "perda" and "provinsi" in self.issuer.lower():
            return 5
        return RANK.get(self.kind, 9)

    @property
    def text(self) -> str:
        name = regulation_name(self.kind, self.issuer)
        return f"{name} Nomor {self.number} Tahun {self.year} tentang {self.title}".strip()

    def same_regulation(self, other: Citation) -> bool:
        """The same kind, number and year, and the same issuer where both name one."""
        if (self.kind, _norm(self.number), self.year) != (
            other.kind,
            _norm(other.number),
            other.year,
        ):
            return False
        mine, theirs = _norm(self.issuer), _norm(other.issuer)
        return not mine or not theirs or mine == theirs


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def citation_of(basis) -> Citation:
    """A LegalBasis row (or anything with its fields) as a Citation."""
    return Citation(basis.kind, basis.issuer, basis.number, basis.year, basis.title)


def mengingat(citations: Iterable[Citation]) -> list[Citation]:
    """Each regulation once (the first that names its issuer wins), in hierarchy order,
    then by year and number within a rank."""
    kept: list[Citation] = []
    for citation in citations:
        for i, known in enumerate(kept):
            if known.same_regulation(citation):
                if not known.issuer.strip() and citation.issuer.strip():
                    kept[i] = citation
                break
        else:
            kept.append(citation)
    return sorted(kept, key=lambda c: (c.rank, c.year, _number_key(c.number)))


def _number_key(number: str) -> tuple:
    digits = re.match(r"\d+", number.strip())
    return (int(digits.group()) if digits else 0, number)


# "... tentang Rekam Medis (Peraturan Menteri Kesehatan)": older rows named the issuer
# in the title; the data migration moves it into its own field.
TRAILING_ISSUER = re.compile(
    r"\s*\((?:Peraturan\s+)?(?P<issuer>(?:Menteri|Komisi|Badan|Kepala|Gubernur)\b[^()]*)\)\s*$"
)


def split_issuer_from_title(kind: str, title: str) -> tuple[str, str]:
    """(issuer, title) for a title that ends with its issuer in brackets, or ('', title)."""
    match = TRAILING_ISSUER.search(title)
    if match is None:
        return "", title
    return match.group("issuer").strip(), title[: match.start()].rstrip()


def default_issuer(kind: str, number: str, year: int, title: str) -> str:
    """The issuer an existing row most likely meant, for rows written before the field."""
    if kind == "perwali":
        return "Bontang"
    if kind == "perda":
        return "Provinsi Kalimantan Timur" if "provinsi" in title.lower() else "Kota Bontang"
    if kind == "permen" and (str(number).strip(), year) == ("15", 2014):
        return "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
    return ""

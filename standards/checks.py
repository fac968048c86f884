"""Completeness check of a Standar Pelayanan: the rules a draft must pass before submission.

Each rule names the clause it enforces in its message. What "filled" means per component
(Pasal 8; Lampiran angka 1 huruf B):

====  ==========================================  =========================================
no    component                                   filled when
====  ==========================================  =========================================
1     Persyaratan                                 at least one requirement row, each with
                                                  its timing (di awal / bertahap / di akhir)
2     Sistem, Mekanisme Prosedur                  at least one step, each with a duration
3     Jangka Waktu Pelayanan                      derived: the steps' total time is above 0
4     Biaya/Tarif                                 derived: "Gratis" or an amount; when the
                                                  applicant pays, the tariff's legal basis
5     Produk Pelayanan                            the component's text names the product
6     Penanganan Pengaduan, Saran dan Masukan     officer, phone, e-mail, office address and
                                                  at least one channel
7     Dasar Hukum                                 at least one legal basis with number, year
11    Jumlah Pelaksana                            staff count above zero (the text, a
                                                  breakdown, is optional)
8-10, 12-14                                       the component's text is not blank
====  ==========================================  =========================================

The text of components 1-4, 6, 7 and 11 is optional: their rows or derived values fill
them. `RULES` holds one rule per row of that table, in the guards' style of
`workflow.py`: a small function that returns its failures and names its clause;
`check_standard` runs them in order (and `check_warnings` the `WARNING_RULES`). The rules
read a `StandardRows`, which reads only `standard.components/requirements/steps/
complaint_channels/legal_bases.all()`, so a standard from `selectors.standard_with_rows`
is checked without a single query, whatever the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.utils.translation import gettext as _

from .models import (
    ComponentKind,
    DraftingTeam,
    RequirementTiming,
    ServiceStandard,
    TeamRole,
    step_is_timed,
)
from .totals import Totals, minutes_per_working_day, standard_totals

__all__ = [
    "CheckFailure",
    "CheckWarning",
    "NEEDS_NO_RULE",
    "RULES",
    "TEXT_COMPONENTS",
    "WARNING_RULES",
    "Rule",
    "StandardRows",
    "check_standard",
    "check_warnings",
    "check_team",
    "is_complete",
    "is_team_complete",
]

K = ComponentKind


@dataclass(frozen=True)
class CheckFailure:
    """One failed rule: its code, the component it concerns and a message naming the clause."""

    code: str
    component: ComponentKind
    message: str
    row_id: int | None = None

    @property
    def component_number(self) -> int:
        return ComponentKind(self.component).number

    @property
    def anchor(self) -> str:
        """The id of the component's section in the editor, for the link to jump to it."""
        return f"komponen-{self.component_number}"


@dataclass(frozen=True)
class StandardRows:
    """What the rules read, read once: the rows of `standard` and its derived totals."""

    standard: ServiceStandard
    texts: dict[str, str]
    requirements: list
    steps: list
    channels: list
    legal_bases: list
    totals: Totals

    @classmethod
    def of(cls, standard: ServiceStandard) -> StandardRows:
        return cls(
            standard=standard,
            texts={c.kind: c.text for c in standard.components.all()},
            requirements=list(standard.requirements.all()),
            steps=list(standard.steps.all()),
            channels=list(standard.complaint_channels.all()),
            legal_bases=list(standard.legal_bases.all()),
            totals=standard_totals(standard),
        )

    def text(self, kind: ComponentKind) -> str:
        """The component's own text, stripped ("" when it has no row)."""
        return self.texts.get(kind, "").strip()


# --- the rules: each returns the failures of its component, naming its clause --------


def requirements_listed(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 3: at least one requirement, each with the time it is
    handed in (huruf b: di awal, bertahap or di akhir)."""
    if not rows.requirements:
        return [
            CheckFailure(
                "requirements_none",
                kind,
                _(
                    "Lampiran angka 1 huruf B angka 3: tulis paling sedikit satu persyaratan "
                    "(dokumen atau barang yang harus dipenuhi pemohon)."
                ),
            )
        ]
    valid_timings = set(RequirementTiming.values)
    return [
        CheckFailure(
            "requirement_timing",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 3 huruf b: tentukan kapan persyaratan "
                "“%(name)s” diserahkan (di awal, bertahap, atau di akhir)."
            )
            % {"name": requirement.description},
            requirement.pk,
        )
        for requirement in rows.requirements
        if requirement.timing not in valid_timings
    ]


def steps_timed(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 4 and 5: at least one step, each with its time."""
    if not rows.steps:
        return [
            CheckFailure(
                "steps_none",
                kind,
                _("Lampiran angka 1 huruf B angka 4: tulis paling sedikit satu tahap prosedur."),
            )
        ]
    return [
        CheckFailure(
            "step_duration",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 5: tahap %(number)s (“%(action)s”) "
                "belum memiliki waktu; isi lamanya dalam menit, jam, atau hari kerja."
            )
            % {"number": number, "action": step.action[:80]},
            step.pk,
        )
        for number, step in enumerate(rows.steps, start=1)
        if not step_is_timed(step.duration_value)
    ]


def service_time_summed(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 5: derived, the steps' times add up to more than 0."""
    if rows.totals.has_duration:
        return []
    return [
        CheckFailure(
            "service_time_empty",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 5: jangka waktu pelayanan dijumlahkan dari "
                "waktu setiap tahap; isi waktu tahap prosedur."
            ),
        )
    ]


def fee_clear(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 6: derived from the steps, "Gratis" or an amount;
    an amount the applicant pays names the tariff's legal basis."""
    if not rows.steps:
        return [
            CheckFailure(
                "fee_unknown",
                kind,
                _(
                    "Lampiran angka 1 huruf B angka 6: biaya harus jelas; tulis Gratis bila "
                    "tidak dipungut biaya (biaya dihitung dari tahap prosedur, isi tahapnya)."
                ),
            )
        ]
    if rows.totals.is_free or rows.standard.fee_legal_basis.strip():
        return []
    return [
        CheckFailure(
            "fee_legal_basis",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 6: biaya harus jelas; layanan ini dipungut "
                "%(fee)s, tulis dasar hukum tarifnya (misalnya Perda retribusi)."
            )
            % {"fee": rows.totals.fee_display},
        )
    ]


def product_named(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 7: the component's text names the product."""
    if rows.text(kind):
        return []
    return [
        CheckFailure(
            "product_missing",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 7: sebutkan produk pelayanan, hasil akhir "
                "yang diterima pemohon."
            ),
        )
    ]


def complaints_reachable(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 8: officer, phone, e-mail and office address, and at
    least one channel."""
    standard = rows.standard
    contact = (
        (standard.complaint_officer, _("nama petugas")),
        (standard.complaint_phone, _("nomor telepon")),
        (standard.complaint_email, _("alamat surel")),
        (standard.complaint_address, _("alamat kantor")),
    )
    failures = []
    missing = [label for value, label in contact if not (value or "").strip()]
    if missing:
        failures.append(
            CheckFailure(
                "complaint_contact",
                kind,
                _(
                    "Lampiran angka 1 huruf B angka 8: mekanisme pengaduan harus menyebut "
                    "dengan jelas nama petugas, nomor telepon, alamat surel, dan alamat kantor; "
                    "belum diisi: %(missing)s."
                )
                % {"missing": ", ".join(str(m) for m in missing)},
            )
        )
    if not rows.channels:
        failures.append(
            CheckFailure(
                "complaint_channel",
                kind,
                _(
                    "Lampiran angka 1 huruf B angka 8: sediakan paling sedikit satu saluran "
                    "pengaduan (kotak saran, SMS/WhatsApp, portal web, petugas pengaduan, ...)."
                ),
            )
        )
    return failures


def legal_basis_cited(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 2: at least one legal basis with its number and year."""
    if any(basis.number.strip() and basis.year for basis in rows.legal_bases):
        return []
    return [
        CheckFailure(
            "legal_basis_none",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 2: tulis paling sedikit satu dasar hukum "
                "lengkap dengan nomor dan tahunnya."
            ),
        )
    ]


def staff_counted(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Pasal 8 huruf b angka 5: a staff count above zero (its breakdown, the text, optional)."""
    if rows.standard.staff_count:
        return []
    return [
        CheckFailure(
            "staff_count",
            kind,
            _(
                "Pasal 8 huruf b angka 5: tulis jumlah pelaksana (lebih dari nol), dengan "
                "rinciannya bila ada."
            ),
        )
    ]


def text_filled(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Pasal 8 huruf b: a management component filled by its own text only is not blank."""
    if rows.text(kind):
        return []
    return [
        CheckFailure(
            "component_empty",
            kind,
            _("Pasal 8 huruf b angka %(number)s: komponen “%(label)s” belum diisi.")
            % {"number": kind.number - 6, "label": kind.label},
        )
    ]


class Rule(NamedTuple):
    """A rule and the component of the Lampiran's table it checks."""

    component: ComponentKind
    check: Callable[[StandardRows, ComponentKind], list[CheckFailure]]


# One rule per row of the Lampiran's table (angka 2), in its order.
RULES: tuple[Rule, ...] = (
    Rule(K.REQUIREMENTS, requirements_listed),
    Rule(K.PROCEDURE, steps_timed),
    Rule(K.SERVICE_TIME, service_time_summed),
    Rule(K.FEE, fee_clear),
    Rule(K.PRODUCT, product_named),
    Rule(K.COMPLAINTS, complaints_reachable),
    Rule(K.LEGAL_BASIS, legal_basis_cited),
    Rule(K.FACILITIES, text_filled),
    Rule(K.STAFF_COMPETENCE, text_filled),
    Rule(K.INTERNAL_SUPERVISION, text_filled),
    Rule(K.STAFF_COUNT, staff_counted),
    Rule(K.SERVICE_GUARANTEE, text_filled),
    Rule(K.SAFETY_GUARANTEE, text_filled),
    Rule(K.STAFF_EVALUATION, text_filled),
)

# Components the check leaves alone, each with why (none: every row of the table is
# filled by something a drafter writes).
NEEDS_NO_RULE: dict[ComponentKind, str] = {}

# Components whose own text is required (the others are filled by rows or derived values).
TEXT_COMPONENTS = tuple(rule.component for rule in RULES if rule.check is text_filled)


def check_standard(standard: ServiceStandard) -> list[CheckFailure]:
    """Every rule that fails, in the order of the components."""
    rows = StandardRows.of(standard)
    return [failure for rule in RULES for failure in rule.check(rows, rule.component)]


# --- warnings: what may be wrong but does not block submission -----------------------


class CheckWarning(CheckFailure):
    """Something the drafter should look at; the standard may still be submitted."""


_NUMBER_WORDS = {
    "setengah": Decimal("0.5"),
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "empat belas": 14,
}
_DURATION = re.compile(
    r"\b(?P<n>\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"\s*(?:\(\s*[\w ]+\s*\)\s*)?(?P<unit>hari(?:\s+kerja)?|jam|menit)\b",
    re.IGNORECASE,
)
# Between two parts of one duration ("2 jam 50 menit", "1 hari dan 3 jam").
_JOINER = re.compile(r"^\s*(?:dan\s+)?$", re.IGNORECASE)


def _stated_durations(text: str) -> list[tuple[str, Decimal]]:
    """Each duration the text states, as (its words, minutes); adjacent parts summed."""
    stated: list[tuple[str, Decimal]] = []
    end = None
    for match in _DURATION.finditer(text):
        raw = match["n"].lower()
        try:
            number = Decimal(_NUMBER_WORDS.get(raw, raw.replace(",", ".")))
        except InvalidOperation:
            continue
        unit = match["unit"].lower()
        if unit.startswith("hari"):
            minutes = number * minutes_per_working_day()
        elif unit == "jam":
            minutes = number * 60
        else:
            minutes = number
        if stated and end is not None and _JOINER.match(text[end : match.start()]):
            words, total = stated.pop()
            stated.append((f"{words} {match[0]}", total + minutes))
        else:
            stated.append((match[0], minutes))
        end = match.end()
    return stated


def service_time_text_matches(rows: StandardRows, kind: ComponentKind) -> list[CheckFailure]:
    """Lampiran angka 1 huruf B angka 5: the service time is the sum of the steps' times, so
    the component's text names no other time."""
    totals = rows.totals
    if not totals.has_duration:
        return []  # the check already asks for the steps' times
    stated = _stated_durations(rows.texts.get(kind, ""))
    if not stated or any(abs(m - totals.minutes_total) < 1 for _w, m in stated):
        return []
    return [
        CheckWarning(
            "service_time_text",
            kind,
            _(
                "Lampiran angka 1 huruf B angka 5: uraian jangka waktu menyebut “%(stated)s”, "
                "sedangkan jumlah waktu tahap prosedur %(total)s; samakan uraiannya dengan "
                "waktu tahap, atau perbaiki waktu tahapnya."
            )
            % {"stated": stated[0][0], "total": totals.duration_display},
        )
    ]


WARNING_RULES: tuple[Rule, ...] = (Rule(K.SERVICE_TIME, service_time_text_matches),)


def check_warnings(standard: ServiceStandard) -> list[CheckWarning]:
    """What may be wrong but does not block submission, in the order of the components."""
    rows = StandardRows.of(standard)
    return [warning for rule in WARNING_RULES for warning in rule.check(rows, rule.component)]


def is_complete(standard: ServiceStandard) -> bool:
    """True when every rule passes: the workflow may submit the standard."""
    return not check_standard(standard)


# --- drafting team: Pasal 10 ayat (4) -----------------------------------------


def check_team(team: DraftingTeam) -> list[str]:
    """Messages for what the drafting team still lacks (reads `team.members.all()`)."""
    roles = [member.role for member in team.members.all()]
    problems = []
    chairs = roles.count(TeamRole.CHAIR)
    if chairs != 1:
        problems.append(
            _("Pasal 10 ayat (4) huruf a: tim penyusun harus memiliki tepat satu ketua.")
        )
    if TeamRole.SECRETARY not in roles:
        problems.append(
            _(
                "Pasal 10 ayat (4) huruf b: tim penyusun harus memiliki paling sedikit "
                "satu sekretaris."
            )
        )
    if TeamRole.MEMBER not in roles:
        problems.append(
            _("Pasal 10 ayat (4) huruf c: tim penyusun harus memiliki paling sedikit satu anggota.")
        )
    return problems


def is_team_complete(team: DraftingTeam) -> bool:
    return not check_team(team)

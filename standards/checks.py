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
them. Every rule reads only `standard.components/requirements/steps/complaint_channels/
legal_bases.all()`, so a standard from `selectors.standard_with_rows` is checked without
a single query, whatever the number of rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import (
    ComponentKind,
    DraftingTeam,
    RequirementTiming,
    ServiceStandard,
    TeamRole,
    step_is_timed,
)
from .totals import minutes_per_working_day, standard_totals

__all__ = [
    "CheckFailure",
    "CheckWarning",
    "TEXT_COMPONENTS",
    "check_standard",
    "check_warnings",
    "check_team",
    "is_complete",
    "is_team_complete",
]

K = ComponentKind

# Components whose own text is required (the others are filled by rows or derived values).
TEXT_COMPONENTS = (
    K.FACILITIES,
    K.STAFF_COMPETENCE,
    K.INTERNAL_SUPERVISION,
    K.SERVICE_GUARANTEE,
    K.SAFETY_GUARANTEE,
    K.STAFF_EVALUATION,
)

# Pasal 8 huruf b: number of each management component within that list.
_MANAGEMENT_NUMBER = {kind: kind.number - 6 for kind in TEXT_COMPONENTS}


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


def _texts(standard: ServiceStandard) -> dict[str, str]:
    return {c.kind: c.text for c in standard.components.all()}


def check_standard(standard: ServiceStandard) -> list[CheckFailure]:
    """Every rule that fails, in the order of the components."""
    failures: list[CheckFailure] = []
    add = failures.append
    texts = _texts(standard)
    requirements = list(standard.requirements.all())
    steps = list(standard.steps.all())
    channels = list(standard.complaint_channels.all())
    legal_bases = list(standard.legal_bases.all())
    totals = standard_totals(standard)

    # 1. Persyaratan: Lampiran angka 1 huruf B angka 3.
    if not requirements:
        add(
            CheckFailure(
                "requirements_none",
                K.REQUIREMENTS,
                _(
                    "Lampiran angka 1 huruf B angka 3: tulis paling sedikit satu persyaratan "
                    "(dokumen atau barang yang harus dipenuhi pemohon)."
                ),
            )
        )
    valid_timings = set(RequirementTiming.values)
    for requirement in requirements:
        if requirement.timing not in valid_timings:
            add(
                CheckFailure(
                    "requirement_timing",
                    K.REQUIREMENTS,
                    _(
                        "Lampiran angka 1 huruf B angka 3 huruf b: tentukan kapan persyaratan "
                        "“%(name)s” diserahkan (di awal, bertahap, atau di akhir)."
                    )
                    % {"name": requirement.description},
                    requirement.pk,
                )
            )

    # 2. Sistem, Mekanisme Prosedur: Lampiran angka 1 huruf B angka 4.
    if not steps:
        add(
            CheckFailure(
                "steps_none",
                K.PROCEDURE,
                _("Lampiran angka 1 huruf B angka 4: tulis paling sedikit satu tahap prosedur."),
            )
        )
    for number, step in enumerate(steps, start=1):
        if not step_is_timed(step.duration_value):
            add(
                CheckFailure(
                    "step_duration",
                    K.PROCEDURE,
                    _(
                        "Lampiran angka 1 huruf B angka 5: tahap %(number)s (“%(action)s”) "
                        "belum memiliki waktu; isi lamanya dalam menit, jam, atau hari kerja."
                    )
                    % {"number": number, "action": step.action[:80]},
                    step.pk,
                )
            )

    # 3. Jangka Waktu Pelayanan: derived, Lampiran angka 1 huruf B angka 5.
    if not totals.has_duration:
        add(
            CheckFailure(
                "service_time_empty",
                K.SERVICE_TIME,
                _(
                    "Lampiran angka 1 huruf B angka 5: jangka waktu pelayanan dijumlahkan dari "
                    "waktu setiap tahap; isi waktu tahap prosedur."
                ),
            )
        )

    # 4. Biaya/Tarif: derived, Lampiran angka 1 huruf B angka 6.
    if not steps:
        add(
            CheckFailure(
                "fee_unknown",
                K.FEE,
                _(
                    "Lampiran angka 1 huruf B angka 6: biaya harus jelas; tulis Gratis bila "
                    "tidak dipungut biaya (biaya dihitung dari tahap prosedur, isi tahapnya)."
                ),
            )
        )
    elif not totals.is_free and not standard.fee_legal_basis.strip():
        add(
            CheckFailure(
                "fee_legal_basis",
                K.FEE,
                _(
                    "Lampiran angka 1 huruf B angka 6: biaya harus jelas; layanan ini dipungut "
                    "%(fee)s, tulis dasar hukum tarifnya (misalnya Perda retribusi)."
                )
                % {"fee": totals.fee_display},
            )
        )

    # 5. Produk Pelayanan: Lampiran angka 1 huruf B angka 7.
    if not texts.get(K.PRODUCT, "").strip():
        add(
            CheckFailure(
                "product_missing",
                K.PRODUCT,
                _(
                    "Lampiran angka 1 huruf B angka 7: sebutkan produk pelayanan, hasil akhir "
                    "yang diterima pemohon."
                ),
            )
        )

    # 6. Penanganan Pengaduan: Lampiran angka 1 huruf B angka 8.
    contact = (
        (standard.complaint_officer, _("nama petugas")),
        (standard.complaint_phone, _("nomor telepon")),
        (standard.complaint_email, _("alamat surel")),
        (standard.complaint_address, _("alamat kantor")),
    )
    missing = [label for value, label in contact if not (value or "").strip()]
    if missing:
        add(
            CheckFailure(
                "complaint_contact",
                K.COMPLAINTS,
                _(
                    "Lampiran angka 1 huruf B angka 8: mekanisme pengaduan harus menyebut "
                    "dengan jelas nama petugas, nomor telepon, alamat surel, dan alamat kantor; "
                    "belum diisi: %(missing)s."
                )
                % {"missing": ", ".join(str(m) for m in missing)},
            )
        )
    if not channels:
        add(
            CheckFailure(
                "complaint_channel",
                K.COMPLAINTS,
                _(
                    "Lampiran angka 1 huruf B angka 8: sediakan paling sedikit satu saluran "
                    "pengaduan (kotak saran, SMS/WhatsApp, portal web, petugas pengaduan, ...)."
                ),
            )
        )

    # 7. Dasar Hukum: Lampiran angka 1 huruf B angka 2.
    if not any(basis.number.strip() and basis.year for basis in legal_bases):
        add(
            CheckFailure(
                "legal_basis_none",
                K.LEGAL_BASIS,
                _(
                    "Lampiran angka 1 huruf B angka 2: tulis paling sedikit satu dasar hukum "
                    "lengkap dengan nomor dan tahunnya."
                ),
            )
        )

    # 8-10, 12-14: text components, Pasal 8 huruf b.
    for kind in TEXT_COMPONENTS:
        if not texts.get(kind, "").strip():
            add(
                CheckFailure(
                    "component_empty",
                    kind,
                    _("Pasal 8 huruf b angka %(number)s: komponen “%(label)s” belum diisi.")
                    % {"number": _MANAGEMENT_NUMBER[kind], "label": kind.label},
                )
            )

    # 11. Jumlah Pelaksana: Pasal 8 huruf b angka 5.
    if not standard.staff_count:
        add(
            CheckFailure(
                "staff_count",
                K.STAFF_COUNT,
                _(
                    "Pasal 8 huruf b angka 5: tulis jumlah pelaksana (lebih dari nol), dengan "
                    "rinciannya bila ada."
                ),
            )
        )

    failures.sort(key=lambda failure: failure.component_number)
    return failures


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


def check_warnings(standard: ServiceStandard) -> list[CheckWarning]:
    """Warnings: today, the text of component 3 naming a time the steps do not add up to
    (Lampiran angka 1 huruf B angka 5: the service time is the sum of the steps' times)."""
    totals = standard_totals(standard)
    if not totals.has_duration:
        return []  # the check already asks for the steps' times
    text = _texts(standard).get(K.SERVICE_TIME, "")
    stated = _stated_durations(text)
    if not stated or any(abs(m - totals.minutes_total) < 1 for _w, m in stated):
        return []
    return [
        CheckWarning(
            "service_time_text",
            K.SERVICE_TIME,
            _(
                "Lampiran angka 1 huruf B angka 5: uraian jangka waktu menyebut “%(stated)s”, "
                "sedangkan jumlah waktu tahap prosedur %(total)s; samakan uraiannya dengan "
                "waktu tahap, atau perbaiki waktu tahapnya."
            )
            % {"stated": stated[0][0], "total": totals.duration_display},
        )
    ]


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

"""The life of a decree (Pasal 12), as data.

    action    from                 to          who                      guards
    submit    draft                submitted   ketua tim / Kepala PD    team, complete, consulted,
                                                                        notes answered
    return    submitted            draft       Bagian Organisasi        a note
    pass      submitted            evaluated   Bagian Organisasi
    set       evaluated            set         Kepala PD                number and date
    set_mayor evaluated            in_force    Kantor Wali Kota (PTSP,  number, date, Maklumat
                                               PATEN: Pasal 12 (2))
    ratify    set                  in_force    Kantor Wali Kota         Maklumat set, the signed
                                                                        decree's scan on file
    revoke    in_force             revoked     Kantor Wali Kota         a reason
    replace   in_force             replaced    (no one by hand: part of the amending decree
                                               coming into force, when none of the amended
                                               decree's versions stays in force)
    withdraw  draft, submitted     withdrawn   the agency
    record    draft (recorded)     in_force    Kepala PD (Kantor Wali    number, date (of the
                                               Kota for PTSP, PATEN)     earlier decree), complete

`record` registers a decree that was set and in force before the application existed
(imported from a spreadsheet: "dicatat dari keputusan yang sudah ada"). It does not
pretend a consultation or an evaluation took place: the decree keeps `recorded`, and its
standards are in force from the earlier decree's date.

`transition()` is the only code that assigns `Decree.status`. It locks the decree, checks
the table, the permission and the guards, writes a `StatusChange` in the same
transaction and returns; the calling service schedules documents and notifications on
commit. Coming into force (and revocation) also moves the decree's standard versions,
because that is part of the same legal act, not a side effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import SignatureRole, SigningRequest

from . import permissions
from .models import Decree, DecreeStatus, ServiceStandard, StandardStatus, StatusChange, TeamRole

S = DecreeStatus
Guard = Callable[[Decree], list[str]]


class TransitionRefused(Exception):
    """The act is not possible now; `reasons` says why, in Indonesian."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


# --- guards: each returns the reasons it fails, naming its clause --------------------


def drafting_team_agency(decree: Decree):
    """UPT and schools are drafted by their parent (Pasal 17 ayat (1))."""
    agency = decree.agency
    return agency.parent if agency.drafted_by_parent else agency


def guard_has_standards(decree: Decree) -> list[str]:
    if not _standards(decree):
        return [_("Rancangan keputusan belum memuat standar pelayanan.")]
    return []


def guard_team_complete(decree: Decree) -> list[str]:
    """Pasal 10 ayat (4): ketua, sekretaris and at least one anggota."""
    team = getattr(drafting_team_agency(decree), "drafting_team", None)
    roles = [member.role for member in team.members.all()] if team else []
    if (
        roles.count(TeamRole.CHAIR) == 1
        and TeamRole.SECRETARY in roles
        and TeamRole.MEMBER in roles
    ):
        return []
    return [
        _("Pasal 10 ayat (4): tim penyusun harus terdiri atas satu ketua, sekretaris, dan anggota.")
    ]


def guard_standards_complete(decree: Decree) -> list[str]:
    """Pasal 8 and the Lampiran: every standard passes the completeness check."""
    from .checks import check_standard

    reasons = []
    for standard in _standards(decree):
        failures = check_standard(standard)
        if failures:
            reasons.append(
                _("%(service)s belum lengkap: %(first)s")
                % {"service": standard.service.name, "first": failures[0].message}
            )
    return reasons


def guard_standards_consulted(decree: Decree) -> list[str]:
    """Pasal 11 and 12 ayat (3): discussed with the public, with invitation, attendance
    list and signed berita acara uploaded (read through the reverse relation)."""
    return [
        _(
            "Pasal 11 dan Pasal 12 ayat (3): %(service)s belum dibahas bersama masyarakat "
            "dengan undangan, daftar hadir dan berita acara bertanda tangan."
        )
        % {"service": standard.service.name}
        for standard in _standards(decree)
        if not _consulted(standard)
    ]


def guard_notes_answered(decree: Decree) -> list[str]:
    """Pasal 12 ayat (4): a returned draft goes back to Bagian Organisasi only with every
    note of its evaluation answered (what was changed, or why not)."""
    if decree.pk is None:
        return []
    open_notes = decree.review_notes.filter(addressed_at__isnull=True).count()
    if not open_notes:
        return []
    return [
        _(
            "Pasal 12 ayat (4): %(n)s catatan evaluasi Bagian Organisasi belum dijawab; "
            "tulis tindak lanjut setiap catatan sebelum mengajukan kembali."
        )
        % {"n": open_notes}
    ]


def _consulted(standard: ServiceStandard) -> bool:
    # Lists prefetch `complete_consultations` (standards.stages); one standard asks.
    prefetched = getattr(standard, "complete_consultations", None)
    if prefetched is not None:
        return bool(prefetched)
    return standard.consultations.complete().exists()


def guard_standards_still_drafts(decree: Decree) -> list[str]:
    return [
        _("%(service)s versi %(version)s bukan rancangan lagi.")
        % {"service": s.service.name, "version": s.version}
        for s in _standards(decree)
        if s.status != StandardStatus.DRAFT
    ]


def guard_number_and_date(decree: Decree) -> list[str]:
    reasons = []
    if not decree.number.strip():
        reasons.append(_("Nomor keputusan wajib diisi."))
    if decree.decree_date is None:
        reasons.append(_("Tanggal penetapan wajib diisi."))
    elif decree.decree_date > timezone.localdate():
        reasons.append(_("Tanggal penetapan tidak boleh di masa depan."))
    if reasons:
        return reasons
    taken = Decree.objects.filter(
        number=decree.number.strip(), year=decree.decree_date.year, by_mayor=decree.by_mayor
    ).exclude(pk=decree.pk)
    if not decree.by_mayor:
        taken = taken.filter(agency=decree.agency)
    if taken.exists():
        return [_("Nomor %(number)s sudah dipakai keputusan lain.") % {"number": decree.number}]
    return []


def guard_maklumat_set(decree: Decree) -> list[str]:
    """Pasal 14 ayat (1): the head sets the Maklumat before the standard is applied."""
    from maklumat.selectors import has_set_maklumat

    # Lists annotate it once for every agency (standards.stages); one decree asks.
    known = getattr(decree.agency, "has_set_maklumat", None)
    if known if known is not None else has_set_maklumat(decree.agency):
        return []
    return [_("Pasal 14 ayat (1): Maklumat Pelayanan Perangkat Daerah ini belum ditetapkan.")]


def _standards(decree: Decree) -> list[ServiceStandard]:
    cached = getattr(decree, "_guard_standards", None)
    if cached is None:
        cached = list(
            ServiceStandard.objects.filter(decrees=decree)
            .select_related("service")
            .prefetch_related(
                "components", "requirements", "steps", "complaint_channels", "legal_bases"
            )
        )
        decree._guard_standards = cached
    return cached


# --- the table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str
    allowed: Callable[..., bool]
    guards: tuple[Guard, ...] = ()
    note_required: bool = False
    applies: Callable[[Decree], bool] = field(default=lambda decree: True)
    fields: tuple[str, ...] = ()  # decree fields the act fills in
    # In force from the decree's own date (an earlier decree recorded), not from today.
    from_decree_date: bool = False
    internal: bool = False  # done only inside another act: never offered, never asked for
    done: str = ""  # what happened, in a sentence, for the message after the act


def _agency_decree(decree: Decree) -> bool:
    return not decree.by_mayor and not decree.recorded


def _drafted_here(decree: Decree) -> bool:
    return not decree.recorded


def _recorded(decree: Decree) -> bool:
    return decree.recorded


def _mayor_decree(decree: Decree) -> bool:
    return decree.by_mayor and not decree.recorded


def _never_by_hand(user, decree: Decree) -> bool:
    """An act that only happens inside another (no button, no URL)."""
    return False


def needs_wet_signed_scan(decree: Decree) -> bool:
    """Pasal 12 ayat (1): the Wali Kota ratifies what the Kepala PD signed, so the signed
    decree must be on file; its wet-signed scan is that proof, unless the Kepala PD signed
    it electronically (TTE, documents.signing) when setting it."""
    return not decree.by_mayor and not _signed_electronically_by_head(decree)


def _signed_electronically_by_head(decree: Decree) -> bool:
    if decree.pk is None:
        return False
    return SigningRequest.objects.filter(
        document__content_type__model="decree",
        document__content_type__app_label="standards",
        document__object_id=decree.pk,
        role=SignatureRole.HEAD,
    ).exists()


def guard_signed_scan(decree: Decree) -> list[str]:
    if needs_wet_signed_scan(decree) and not decree.signed_scan:
        return [
            _(
                "Pasal 12 ayat (1): unggah dahulu pindaian keputusan yang telah ditandatangani "
                "Kepala Perangkat Daerah sebelum disahkan."
            )
        ]
    return []


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit",
            gettext_lazy("Ajukan untuk evaluasi"),
            frozenset({S.DRAFT}),
            S.SUBMITTED,
            permissions.may_submit_decree,
            (
                guard_has_standards,
                guard_standards_still_drafts,
                guard_team_complete,
                guard_standards_complete,
                guard_standards_consulted,
                guard_notes_answered,
            ),
            applies=_drafted_here,
            done=gettext_lazy("Keputusan diajukan untuk evaluasi."),
        ),
        Transition(
            "return",
            gettext_lazy("Kembalikan dengan catatan"),
            frozenset({S.SUBMITTED}),
            S.DRAFT,
            permissions.may_evaluate_decree,
            note_required=True,
            done=gettext_lazy("Keputusan dikembalikan kepada penyusun dengan catatan."),
        ),
        Transition(
            "pass",
            gettext_lazy("Nyatakan lulus evaluasi"),
            frozenset({S.SUBMITTED}),
            S.EVALUATED,
            permissions.may_evaluate_decree,
            done=gettext_lazy("Keputusan dinyatakan lulus evaluasi."),
        ),
        Transition(
            "set",
            gettext_lazy("Tetapkan"),
            frozenset({S.EVALUATED}),
            S.SET,
            permissions.may_set_decree,
            (guard_number_and_date,),
            applies=_agency_decree,
            fields=("number", "decree_date"),
            done=gettext_lazy("Keputusan ditetapkan dan menunggu pengesahan Wali Kota."),
        ),
        Transition(
            "set_mayor",
            gettext_lazy("Tetapkan dengan Keputusan Wali Kota"),
            frozenset({S.EVALUATED}),
            S.IN_FORCE,
            permissions.may_act_for_mayor,
            (guard_number_and_date, guard_maklumat_set),
            applies=_mayor_decree,
            fields=("number", "decree_date"),
            done=gettext_lazy("Keputusan Wali Kota ditetapkan dan berlaku."),
        ),
        Transition(
            "ratify",
            gettext_lazy("Sahkan"),
            frozenset({S.SET}),
            S.IN_FORCE,
            permissions.may_act_for_mayor,
            (guard_maklumat_set, guard_signed_scan),
            done=gettext_lazy("Keputusan disahkan dan berlaku."),
        ),
        Transition(
            "revoke",
            gettext_lazy("Cabut"),
            frozenset({S.IN_FORCE}),
            S.REVOKED,
            permissions.may_act_for_mayor,
            note_required=True,
            done=gettext_lazy("Keputusan dicabut."),
        ),
        Transition(
            "replace",
            gettext_lazy("Nyatakan digantikan"),
            frozenset({S.IN_FORCE}),
            S.REPLACED,
            _never_by_hand,
            internal=True,
        ),
        Transition(
            "withdraw",
            gettext_lazy("Tarik rancangan"),
            frozenset({S.DRAFT, S.SUBMITTED}),
            S.WITHDRAWN,
            permissions.may_withdraw_decree,
            done=gettext_lazy("Rancangan keputusan ditarik."),
        ),
        Transition(
            "record",
            gettext_lazy("Catat sebagai keputusan yang sudah berlaku"),
            frozenset({S.DRAFT}),
            S.IN_FORCE,
            permissions.may_record_decree,
            (
                guard_has_standards,
                guard_standards_still_drafts,
                guard_number_and_date,
                guard_standards_complete,
            ),
            applies=_recorded,
            from_decree_date=True,
            done=gettext_lazy("Keputusan dicatat dan berlaku sejak tanggal penetapannya."),
        ),
    )
}


# Guards that check what the act itself fills in (the number and date typed into the
# act's form): not something missing before the act, so neither "what is missing" nor the
# reasons shown before the form include them.
ACT_INPUT_GUARDS: frozenset[Guard] = frozenset({guard_number_and_date})


def guard_failures(
    decree: Decree, action: str, *, with_act_input: bool = True
) -> list[tuple[Guard, str]]:
    """Each reason the act's guards give now, with the guard that gave it, in table order."""
    return [
        (guard, reason)
        for guard in TRANSITIONS[action].guards
        if with_act_input or guard not in ACT_INPUT_GUARDS
        for reason in guard(decree)
    ]


def reasons_before_form(decree: Decree, action: str) -> list[str]:
    """Why the act would be refused whatever is typed into its form (e.g. Pasal 14 ayat
    (1): no Maklumat set), so the page says it before asking for a number and a date."""
    return [reason for _guard, reason in guard_failures(decree, action, with_act_input=False)]


def next_action(decree: Decree) -> str | None:
    """The act that moves the decree towards coming into force (Pasal 12), if any."""
    forward = {S.DRAFT: "submit", S.SUBMITTED: "pass", S.SET: "ratify"}
    if decree.status == S.EVALUATED:
        return "set_mayor" if decree.by_mayor else "set"
    return forward.get(decree.status)


def available_actions(decree: Decree, user) -> list[Transition]:
    """The acts this user may attempt now (guards are checked when acting)."""
    return [
        t
        for t in TRANSITIONS.values()
        if not t.internal
        and decree.status in t.sources
        and t.applies(decree)
        and t.allowed(user, decree)
    ]


def transition(*, actor, decree: Decree, action: str, note: str = "", **values) -> Decree:
    """Perform one act on the decree, or raise PermissionDenied / TransitionRefused."""
    spec = TRANSITIONS.get(action)
    if spec is None or spec.internal:
        raise TransitionRefused([_("Tindakan tidak dikenal.")])
    with transaction.atomic():
        locked = (
            Decree.objects.select_for_update(of=("self",))
            .select_related("agency")
            .get(pk=decree.pk)
        )
        # Permission first: who may not act learns nothing about the decree's state.
        if not spec.allowed(actor, locked):
            raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))
        if locked.status not in spec.sources or not spec.applies(locked):
            raise TransitionRefused(
                [
                    _("Tidak dapat %(action)s: keputusan ini berstatus %(status)s.")
                    % {"action": str(spec.label).lower(), "status": locked.get_status_display()}
                ]
            )
        if spec.note_required and not note.strip():
            raise TransitionRefused([_("Catatan wajib diisi untuk tindakan ini.")])
        unknown = set(values) - set(spec.fields)
        if unknown:
            raise TypeError(f"{action} does not take {sorted(unknown)}")
        for name, value in values.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        reasons = [reason for _guard, reason in guard_failures(locked, action)]
        if reasons:
            raise TransitionRefused(reasons)
        previous = locked.status
        locked.status = spec.target
        changed = ["status", "updated_at", *spec.fields]
        today = timezone.localdate()
        if spec.fields or spec.from_decree_date:
            locked.year = locked.decree_date.year
            changed.append("year")
        if spec.target == S.IN_FORCE:
            effective = locked.decree_date if spec.from_decree_date else today
            locked.ratified_on = effective
            changed.append("ratified_on")
            _bring_into_force(locked, effective)
        if spec.target == S.REVOKED:
            locked.revoked_on, locked.revoke_reason = today, note.strip()
            changed += ["revoked_on", "revoke_reason"]
            _revoke_standards(locked)
        try:
            with transaction.atomic():
                locked.save(update_fields=changed)
        except IntegrityError as error:  # a number taken between the guard and the save
            raise TransitionRefused([_("Nomor keputusan sudah dipakai keputusan lain.")]) from error
        StatusChange.objects.create(
            decree=locked,
            action=action,
            from_status=previous,
            to_status=spec.target,
            actor=actor,
            note=note.strip(),
        )
        if spec.target == S.IN_FORCE and locked.amends_id:
            _replace_if_wholly_amended(locked, actor)
    return locked


def _replace_if_wholly_amended(decree: Decree, actor) -> None:
    """Pasal 12 ayat (5)-(6): the amended decree is replaced once none of its versions is
    in force any more (a decree amended in part stays in force for the rest)."""
    spec = TRANSITIONS["replace"]
    old = Decree.objects.select_for_update(of=("self",)).get(pk=decree.amends_id)
    if old.status not in spec.sources:
        return
    if ServiceStandard.objects.filter(decrees=old, status=StandardStatus.IN_FORCE).exists():
        return
    old.status = spec.target
    old.save(update_fields=["status", "updated_at"])
    StatusChange.objects.create(
        decree=old,
        action=spec.action,
        from_status=S.IN_FORCE,
        to_status=spec.target,
        actor=actor,
        note=_("Digantikan oleh %(title)s Nomor %(number)s.")
        % {"title": decree.title, "number": decree.number},
    )


def _bring_into_force(decree: Decree, today) -> None:
    """The decree's versions come into force; the versions they replace are superseded."""
    for standard in ServiceStandard.objects.select_for_update().filter(decrees=decree):
        current = (
            ServiceStandard.objects.select_for_update()
            .filter(service_id=standard.service_id, status=StandardStatus.IN_FORCE)
            .first()
        )
        if current is not None:
            current.status = StandardStatus.SUPERSEDED
            current.save(update_fields=["status", "updated_at"])
        standard.status = StandardStatus.IN_FORCE
        standard.in_force_since = today
        standard.save(update_fields=["status", "in_force_since", "updated_at"])


def _revoke_standards(decree: Decree) -> None:
    for standard in ServiceStandard.objects.select_for_update().filter(
        decrees=decree, status=StandardStatus.IN_FORCE
    ):
        standard.status = StandardStatus.REVOKED
        standard.save(update_fields=["status", "updated_at"])

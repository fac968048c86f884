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

Each act in the table carries what it asks for (`form`, an `ActForm` whose cleaned data
is the act's input) and what it does besides the move (`effects`, from `effects.py`:
documents, notifications, the publication), so a page and a service perform any act the
same way: `act()`.

`transition()` is the only code that assigns `Decree.status`. It locks the decree, checks
the table, the permission and the guards, writes a `StatusChange` in the same
transaction and returns; `act()` then runs the act's effects in that transaction (work
for a worker is scheduled on commit). Coming into force (and revocation) also moves the
decree's standard versions, because that is part of the same legal act, not a side effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions
from ..models import Decree, DecreeStatus, ServiceStandard, StandardStatus, StatusChange
from . import effects as do
from .forms import ActForm, ReasonForm, ReturnForm, SetForm, SignForm
from .guards import (
    ACT_INPUT_GUARDS,
    Guard,
    guard_has_standards,
    guard_maklumat_set,
    guard_notes_answered,
    guard_number_and_date,
    guard_signed_scan,
    guard_standards_complete,
    guard_standards_consulted,
    guard_standards_still_drafts,
    guard_team_complete,
)

S = DecreeStatus
Effect = Callable[[Decree, object, dict], None]


class TransitionRefused(Exception):
    """The act is not possible now; `reasons` says why, in Indonesian."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


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
    form: type[ActForm] | None = None  # what the act asks for; None: a confirmation only
    effects: tuple[Effect, ...] = ()  # what the act does besides the move, in this order
    note: Callable[[dict], str] = field(default=lambda data: "")  # StatusChange's note
    note_missing: str = gettext_lazy("Catatan wajib diisi untuk tindakan ini.")
    explanation: str = ""  # said on the act's page, above its button

    @property
    def signs(self) -> bool:
        """The act may be signed electronically (TTE) by who performs it."""
        return self.form is not None and issubclass(self.form, SignForm)


def _reason(data: dict) -> str:
    return data.get("reason", "")


def _return_summary(data: dict) -> str:
    """Pasal 12 ayat (4): Bagian Organisasi returns a draft with its notes."""
    return "\n".join(text for _standard, _component, text in do.written_notes(data))


# Coming into force (Pasal 12 ayat (1)-(2)): the final decree, the publication, the news.
IN_FORCE = (do.request_decree_document, do.publish, do.notify_in_force)


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
            effects=(do.freeze_lampiran, do.notify_reviewers),
            explanation=gettext_lazy(
                "Rancangan akan dikirim kepada Bagian Organisasi Sekretariat Daerah untuk "
                "dievaluasi (Pasal 12 ayat (4)). Selama evaluasi, standar tidak dapat diubah."
            ),
        ),
        Transition(
            "return",
            gettext_lazy("Kembalikan dengan catatan"),
            frozenset({S.SUBMITTED}),
            S.DRAFT,
            permissions.may_evaluate_decree,
            note_required=True,
            done=gettext_lazy("Keputusan dikembalikan kepada penyusun dengan catatan."),
            form=ReturnForm,
            effects=(do.write_review_notes, do.notify_returned),
            note=_return_summary,
            note_missing=gettext_lazy("Tulis sedikitnya satu catatan evaluasi."),
        ),
        Transition(
            "pass",
            gettext_lazy("Nyatakan lulus evaluasi"),
            frozenset({S.SUBMITTED}),
            S.EVALUATED,
            permissions.may_evaluate_decree,
            done=gettext_lazy("Keputusan dinyatakan lulus evaluasi."),
            effects=(do.notify_passed,),
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
            form=SetForm,
            effects=(do.request_decree_document, do.notify_set),
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
            form=SetForm,
            effects=IN_FORCE,
        ),
        Transition(
            "ratify",
            gettext_lazy("Sahkan"),
            frozenset({S.SET}),
            S.IN_FORCE,
            permissions.may_act_for_mayor,
            (guard_maklumat_set, guard_signed_scan),
            done=gettext_lazy("Keputusan disahkan dan berlaku."),
            form=SignForm,
            effects=IN_FORCE,
            explanation=gettext_lazy(
                "Dengan pengesahan, standar pelayanan dalam lampiran mulai berlaku dan "
                "menggantikan versi sebelumnya."
            ),
        ),
        Transition(
            "revoke",
            gettext_lazy("Cabut"),
            frozenset({S.IN_FORCE}),
            S.REVOKED,
            permissions.may_act_for_mayor,
            note_required=True,
            done=gettext_lazy("Keputusan dicabut."),
            form=ReasonForm,
            effects=(do.unpublish, do.revoke_documents, do.notify_revoked),
            note=_reason,
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
            # No decree is rendered: the signed original is the agency's; its scan is
            # attached beside it.
            effects=(do.publish,),
        ),
    )
}


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
            raise TransitionRefused([str(spec.note_missing)])
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


def act(*, actor, decree: Decree, action: str, **data) -> Decree:
    """Perform `action` as the table says: the move (`transition`) with the fields and the
    note taken from `data` (the act's form's cleaned data), then the act's effects, in one
    transaction. Raises PermissionDenied, TransitionRefused, or ValidationError (from an
    effect: a wrong passphrase, a note on a standard outside the decree)."""
    spec = TRANSITIONS.get(action)
    if spec is None or spec.internal:
        raise TransitionRefused([_("Tindakan tidak dikenal.")])
    with transaction.atomic():
        decree = transition(
            actor=actor,
            decree=decree,
            action=action,
            note=spec.note(data),
            **{name: data[name] for name in spec.fields},
        )
        for effect in spec.effects:
            effect(decree, actor, data)
    return decree


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

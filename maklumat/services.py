"""Writes to Maklumat Pelayanan (Pasal 14). Each checks permission, runs in a
transaction and locks the rows it changes; documents render after commit."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.published import portal_changed
from bontang_sp.dates import long_date

from .documents import request_posters
from .models import (
    DRAFT_EDITABLE_FIELDS,
    MAKLUMAT_MOVES,
    Maklumat,
    agency_head_title,
    default_statements,
)
from .permissions import may_edit_draft, may_set


def _lock_agency(agency: Agency) -> Agency:
    # Serialises version numbering and "one draft / one current" per agency.
    return Agency.objects.select_for_update().get(pk=agency.pk)


@transaction.atomic
def maklumat_draft(
    *,
    actor,
    agency: Agency,
    statement_promise: str | None = None,
    statement_obligation: str | None = None,
    statement_sanction: str | None = None,
    compensation: str | None = None,
    layout: str | None = None,
    revision: int | None = None,
) -> Maklumat:
    """Start the agency's draft (copied from the current Maklumat, or the default wording)
    or edit it. Fields left None keep their value; `revision`, when given, refuses the
    save if someone else saved the draft after this user loaded it."""
    if not may_edit_draft(actor, agency):
        raise PermissionDenied(_("Anda tidak berwenang menyusun Maklumat Perangkat Daerah ini."))
    agency = _lock_agency(agency)
    draft = Maklumat.objects.select_for_update().drafts().filter(agency=agency).first()
    if draft is None:
        draft = _new_draft(actor, agency)
    # A new draft has revision 0: a form loaded on a draft that was set since is stale too.
    if revision is not None and revision != draft.revision:
        raise ValidationError(
            _(
                "Tidak disimpan: rancangan Maklumat telah diubah orang lain setelah Anda "
                "membukanya. Teks Anda masih di layar; salin, muat ulang, lalu gabungkan."
            ),
            code="stale",
        )
    changes = {
        "statement_promise": statement_promise,
        "statement_obligation": statement_obligation,
        "statement_sanction": statement_sanction,
        "compensation": compensation,
        "layout": layout,
    }
    changed = [name for name, value in changes.items() if value is not None]
    if not changed and draft.pk:
        return draft
    for name in changed:
        setattr(draft, name, changes[name])
    draft.updated_by = actor
    draft.revision += 1
    draft.full_clean()
    draft._history_user = actor  # the history names who did it, also outside a request
    draft.save()
    return draft


def _new_draft(actor, agency: Agency) -> Maklumat:
    last = Maklumat.objects.filter(agency=agency).aggregate(last=Max("version"))["last"] or 0
    current = Maklumat.objects.current().filter(agency=agency).first()
    if current is not None:
        start = {name: getattr(current, name) for name in DRAFT_EDITABLE_FIELDS}
    else:
        start = default_statements()
    return Maklumat(agency=agency, version=last + 1, created_by=actor, revision=0, **start)


@transaction.atomic
def maklumat_set(
    *, actor, maklumat: Maklumat, set_on: datetime.date, revision: int | None = None
) -> Maklumat:
    """Penetapan by the agency head (Pasal 14 ayat (1)): the draft becomes the Maklumat in
    force, the previous one is replaced, the head's name is kept as signed, and the
    posters (A4 and A3) are requested, to be rendered after commit and issued (public)
    when ready. `revision`, when given, refuses a draft changed after the head read it."""
    if not may_set(actor, maklumat.agency):
        raise PermissionDenied(
            _("Hanya Kepala Perangkat Daerah yang dapat menetapkan Maklumat Pelayanan.")
        )
    agency = _lock_agency(maklumat.agency)
    maklumat = Maklumat.objects.select_for_update().get(pk=maklumat.pk)
    if not maklumat.is_draft:
        raise ValidationError(
            _("Maklumat versi %(version)s sudah ditetapkan.") % {"version": maklumat.version},
            code="not_draft",
        )
    if revision is not None and revision != maklumat.revision:
        raise ValidationError(
            _(
                "Rancangan Maklumat telah diubah setelah Anda membukanya. Baca kembali "
                "sebelum menetapkan."
            ),
            code="stale",
        )
    if set_on is None:
        raise ValidationError(_("Tanggal penetapan wajib diisi."), code="required")
    if set_on > timezone.localdate():
        raise ValidationError(
            _("Tanggal penetapan tidak boleh lebih dari hari ini."), code="future"
        )
    current = Maklumat.objects.select_for_update().current().filter(agency=agency).first()
    if current is not None and set_on < current.set_on:
        raise ValidationError(
            _("Tanggal penetapan tidak boleh sebelum tanggal Maklumat yang berlaku (%(date)s).")
            % {"date": long_date(current.set_on)},
            code="before_current",
        )
    maklumat.full_clean()
    now = timezone.now()
    if current is not None:
        # First, so that "one current per agency" holds at every statement.
        MAKLUMAT_MOVES.move(current, "replace")
        current.replaced_at = now
        current._history_user = actor
        current.save(update_fields=["status", "replaced_at", "updated_at"])
    MAKLUMAT_MOVES.move(maklumat, "set")
    maklumat.set_on = set_on
    maklumat.set_by = actor
    maklumat.set_at = now
    maklumat.agency_name = agency.name
    maklumat.head_title = agency_head_title(agency)
    # The agency record names its head; where it does not yet, the head setting it does.
    maklumat.head_name = agency.head_name or actor.get_full_name()
    maklumat.head_rank = agency.head_rank
    maklumat.head_nip = agency.head_nip
    maklumat.updated_by = actor
    maklumat._history_user = actor
    maklumat.save(
        update_fields=[
            "status",
            "set_on",
            "set_by",
            "set_at",
            "agency_name",
            "head_title",
            "head_name",
            "head_rank",
            "head_nip",
            "updated_by",
            "updated_at",
        ]
    )
    # The Document rows are written in this transaction (the row is the render job, so
    # it cannot be lost); documents queues the renders on commit.
    request_posters(maklumat, actor=actor, replaces=current)
    portal_changed()  # Pasal 14 ayat (3): the portal shows the new Maklumat at once
    return maklumat

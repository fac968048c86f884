"""What each act of the decree does besides moving it (Pasal 12): the documents it asks
for, the notifications, the publication. The table (`workflow.TRANSITIONS`) names each
act's effects; `workflow.act()` runs them in the act's transaction, after the move and its
StatusChange, so a refused or rolled-back act has none. Work for a worker (rendering,
signing, freezing the lampiran) is scheduled on commit.

Every effect is called as `effect(decree, actor, data)`: the decree as the act left it,
who acted, and what the act's form gave (`data`, its cleaned data).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from agencies.models import Agency, Membership, MembershipRole
from agencies.notifications import notify
from agencies.published import portal_changed
from agencies.roles import CityRole
from bontang_sp.dates import long_date
from documents.models import Document, DocumentKind, SignatureRole
from documents.services import document_request, document_revoke, document_supersede
from documents.signing.services import signature_request

from ..models import Decree, DecreeStatus, ReviewNote, ServiceStandard
from . import in_force
from .documents import issuer

DECREE_KINDS = (DocumentKind.DRAFT_DECREE, DocumentKind.DECREE, DocumentKind.MAYOR_DECREE)

Note = tuple[ServiceStandard | None, str, str]  # (standard or None, component or "", text)


def decree_documents(decree: Decree):
    return Document.objects.for_subject(decree).filter(kind__in=DECREE_KINDS)


# --- who hears of it ------------------------------------------------------------------


def _heads(agency: Agency):
    return get_user_model().objects.filter(
        memberships__agency=agency, memberships__role=MembershipRole.HEAD
    )


def _city_role(role: CityRole):
    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions__codename=role.value) | Q(user_permissions__codename=role.value)
        )
        .distinct()
    )


def _members(agency: Agency):
    """Everyone with a membership of the agency: its drafters and its head."""
    return get_user_model().objects.filter(
        pk__in=Membership.objects.filter(agency=agency).values("user_id")
    )


def _notify(decree: Decree, recipients, subject: str, body: str) -> None:
    notify(
        recipients=recipients,
        subject=subject,
        body=body,
        url=reverse("standards:decree-detail", args=[decree.pk]),
    )


def notify_reviewers(decree: Decree, actor, data: dict) -> None:
    _notify(
        decree,
        _city_role(CityRole.REVIEWER),
        _("Rancangan keputusan menunggu evaluasi"),
        _("%(agency)s mengajukan %(title)s untuk dievaluasi (Pasal 12 ayat (4)).")
        % {"agency": decree.agency.name, "title": decree.title},
    )


def notify_returned(decree: Decree, actor, data: dict) -> None:
    _notify(
        decree,
        _members(decree.agency),
        _("Rancangan keputusan dikembalikan dengan catatan"),
        _("Bagian Organisasi mengembalikan %(title)s dengan %(count)s catatan.")
        % {"title": decree.title, "count": len(written_notes(data))},
    )


def notify_passed(decree: Decree, actor, data: dict) -> None:
    recipients = _city_role(CityRole.MAYOR_OFFICE) if decree.by_mayor else _heads(decree.agency)
    _notify(
        decree,
        recipients,
        _("Rancangan keputusan lulus evaluasi"),
        _("%(title)s lulus evaluasi dan siap ditetapkan.") % {"title": decree.title},
    )


def notify_set(decree: Decree, actor, data: dict) -> None:
    _notify(
        decree,
        _city_role(CityRole.MAYOR_OFFICE),
        _("Keputusan menunggu pengesahan"),
        _("%(title)s Nomor %(number)s telah ditetapkan dan menunggu pengesahan Wali Kota.")
        % {"title": decree.title, "number": decree.number},
    )


def notify_in_force(decree: Decree, actor, data: dict) -> None:
    _notify(
        decree,
        _members(decree.agency),
        _("Keputusan berlaku"),
        _("%(title)s Nomor %(number)s telah disahkan dan berlaku sejak %(date)s.")
        % {"title": decree.title, "number": decree.number, "date": long_date(decree.ratified_on)},
    )


def notify_revoked(decree: Decree, actor, data: dict) -> None:
    _notify(
        decree,
        _members(decree.agency),
        _("Keputusan dicabut"),
        _("%(title)s dicabut: %(reason)s")
        % {"title": decree.title, "reason": decree.revoke_reason},
    )


# --- the evaluation (Pasal 12 ayat (4)) -------------------------------------------------


def freeze_lampiran(decree: Decree, actor, data: dict) -> None:
    """From submission the standards' text is frozen, so their lampiran are rendered once,
    after commit (the decree's PDF is assembled from them)."""
    from ..tasks import enqueue_freeze

    pk = decree.pk
    transaction.on_commit(lambda: enqueue_freeze(pk))


def written_notes(data: dict) -> list[Note]:
    """The return's notes that say something, stripped."""
    return [(s, c, t.strip()) for s, c, t in data.get("notes", ()) if t and t.strip()]


def write_review_notes(decree: Decree, actor, data: dict) -> None:
    """Each note of the return, optionally on a standard of the decree and a component."""
    lampiran = set(decree.lampiran.values_list("standard_id", flat=True))
    for standard, component, text in written_notes(data):
        if standard is not None and standard.pk not in lampiran:
            raise ValidationError(_("Catatan menunjuk standar di luar keputusan ini."))
        note = ReviewNote(
            decree=decree, standard=standard, component=component or "", text=text, author=actor
        )
        note.full_clean()
        note.save()


# --- the decree's documents (penetapan, pengesahan, revocation) ---------------------------


def request_decree_document(decree: Decree, actor, data: dict) -> None:
    """On penetapan: the decree for signature; on coming into force: the final decree,
    issued (frozen) and public. Every document of a decree this one replaced (its decree
    for signature too) is superseded by the new final decree. With a passphrase in `data`,
    the actor signs it electronically (documents.signing)."""
    passphrase = data.get("passphrase")
    if decree.status == DecreeStatus.SET:
        kind, public = DocumentKind.DRAFT_DECREE, False
    else:
        kind = DocumentKind.MAYOR_DECREE if decree.by_mayor else DocumentKind.DECREE
        public = True
    document = document_request(
        kind=kind,
        subject=decree,
        agency=decree.agency,
        title=f"{decree.title} Nomor {decree.number}",
        public=public,
        issue_when_ready=True,
        reference_number=decree.number,
        reference_date=decree.decree_date,
        actor=actor,
    )
    if passphrase is not None:
        _request_signature(decree, document, actor, passphrase)
    elif public and _signed_by_head(decree) is not None:
        raise ValidationError(
            {
                "passphrase": _(
                    "Keputusan ini ditandatangani secara elektronik oleh Kepala Perangkat "
                    "Daerah; pengesahannya juga dengan tanda tangan elektronik Wali Kota."
                )
            }
        )
    if public and decree.amends_id:
        amended = Decree.objects.get(pk=decree.amends_id)
        if amended.status == DecreeStatus.REPLACED:
            for old in decree_documents(amended).filter(superseded_by__isnull=True):
                document_supersede(old=old, new=document)


def _signed_by_head(decree: Decree) -> Document | None:
    """The decree for signature the Kepala PD signed electronically, if any."""
    if decree.by_mayor:
        return None
    return (
        decree_documents(decree)
        .filter(kind=DocumentKind.DRAFT_DECREE, signing_requests__role=SignatureRole.HEAD)
        .order_by("-id")
        .first()
    )


def _request_signature(decree: Decree, document: Document, actor, passphrase: str) -> None:
    """The signer is checked now (a wrong passphrase refuses the act); the job signs.

    The Wali Kota's pengesahan of a decree the Kepala PD signed electronically signs that
    very PDF again, so that both signatures stay valid. Its pages keep the code printed
    on them (the decree for signature's), which follows the decree's state: revoked with
    it; the Wali Kota's box carries the final document's code."""
    if decree.status == DecreeStatus.SET:
        role, position = SignatureRole.HEAD, issuer(decree.agency)
    else:
        role, position = SignatureRole.MAYOR, "Wali Kota Bontang"
    base = _signed_by_head(decree) if role == SignatureRole.MAYOR else None
    signature_request(
        actor=actor,
        document=document,
        role=role,
        position=position,
        passphrase=passphrase,
        base_document=base,
    )


def revoke_documents(decree: Decree, actor, data: dict) -> None:
    for document in decree_documents(decree).filter(issued=True, revoked_at__isnull=True):
        document_revoke(document=document, reason=decree.revoke_reason)


# --- the public side (Pasal 9 ayat (1)) ---------------------------------------------------


def publish(decree: Decree, actor, data: dict) -> None:
    """In force from now: the apps above publish it (the portal), public pages are stale.
    After the decree's document is asked for, so the publication links it."""
    in_force.decree_in_force(decree)
    portal_changed()


def unpublish(decree: Decree, actor, data: dict) -> None:
    """No longer in force: off the portal's search, and public pages are stale."""
    in_force.in_force_changed(decree.standards.values_list("service_id", flat=True))
    portal_changed()

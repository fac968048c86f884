"""Writes of electronic signatures: a signer's credential, the check at the act, and the
signing step of a document's job (decision 0009).

- `credential_upload`: the signer's own PKCS#12, judged by content (it must open with
  the passphrase given, hold a key and a certificate in the signer's name, valid now and
  chaining to a trusted root); stored sealed with the server key. It replaces the
  signer's earlier credential.
- `signature_request`: called inside the act's transaction. It opens the signer's key
  with the passphrase (so a wrong one refuses the act, and nothing is signed), checks the
  certificate, and writes a SigningRequest with the passphrase sealed for the job.
- `apply_signatures`: in the job, the document's bytes plus each requested signature.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError

from bontang_sp.dates import long_date

from ..models import Document, SignatureRole, SigningCredential, SigningRequest
from ..render import RenderedPdf, render_document_pdf
from . import keys, pdf
from .loops import outside_event_loop

PASSPHRASE_FIELD = "passphrase"  # noqa: S105 - a form field name


class SigningUnavailable(ValidationError):
    """A signer cannot sign now; the message goes beside the passphrase field."""

    def __init__(self, message: str):
        super().__init__({PASSPHRASE_FIELD: [message]})


def active_credential(user) -> SigningCredential | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return SigningCredential.objects.active().filter(owner=user).first()


def _person_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def _check_certificate(user, opened: keys.OpenedKey, *, when=None) -> None:
    """Refuse (in Indonesian) a certificate not in the user's name, not valid now, or not
    chaining to a trusted root."""
    when = when or timezone.now()
    cert = opened.certificate
    if not keys.names_match(opened.common_name, _person_name(user)):
        raise SigningUnavailable(
            _(
                "Nama pada sertifikat (%(cert)s) tidak sama dengan nama Anda (%(name)s): "
                "hanya pemilik sertifikat yang dapat menandatangani."
            )
            % {"cert": opened.common_name, "name": _person_name(user)}
        )
    if when < cert.not_valid_before_utc:
        raise SigningUnavailable(_("Sertifikat Anda belum berlaku."))
    if when > cert.not_valid_after_utc:
        raise SigningUnavailable(
            _("Sertifikat Anda kedaluwarsa sejak %(date)s; unggah sertifikat yang baru.")
            % {"date": long_date(cert.not_valid_after_utc)}
        )
    context = ValidationContext(
        trust_roots=list(keys.trust_roots()), allow_fetching=False, moment=when
    )
    validator = CertificateValidator(
        keys.to_asn1(cert),
        intermediate_certs=[keys.to_asn1(c) for c in opened.chain],
        validation_context=context,
    )
    try:
        _validate_usage(validator)
    except (PathBuildingError, PathValidationError) as error:
        raise SigningUnavailable(
            _("Sertifikat Anda tidak diterbitkan oleh penyelenggara sertifikasi yang dipercaya.")
        ) from error


@outside_event_loop
def _validate_usage(validator: CertificateValidator) -> None:
    asyncio.run(validator.async_validate_usage({"non_repudiation"}))


def _refuse_superuser(user) -> None:
    if user.is_superuser:
        raise SigningUnavailable(
            _("Administrator aplikasi tidak menandatangani keputusan (keputusan 0001).")
        )


@transaction.atomic
def credential_upload(*, actor, data: bytes, passphrase: str) -> SigningCredential:
    """Store the actor's own PKCS#12 (sealed), replacing the actor's earlier credential."""
    _refuse_superuser(actor)
    if not data or len(data) > keys.MAX_PKCS12_BYTES:
        raise ValidationError(
            {"berkas": [_("Berkas sertifikat (PKCS#12, .p12/.pfx) paling besar 64 KB.")]}
        )
    try:
        opened = keys.open_pkcs12(data, passphrase)
    except keys.KeyUnavailable as error:
        raise SigningUnavailable(
            _("Berkas ini bukan PKCS#12 berisi kunci dan sertifikat, atau frasa sandinya salah.")
        ) from error
    _check_certificate(actor, opened)
    now = timezone.now()
    for old in SigningCredential.objects.select_for_update().active().filter(owner=actor):
        old.revoked_at, old.revoke_reason = now, "diganti sertifikat baru"
        old.save(update_fields=["revoked_at", "revoke_reason"])
    return credential_row(owner=actor, data=data, opened=opened)


def credential_row(*, owner, data: bytes, opened: keys.OpenedKey) -> SigningCredential:
    """The stored credential: the PKCS#12 sealed, the certificate's facts in clear.
    No check here: `credential_upload` checked it (tests store expired ones with it)."""
    facts = keys.certificate_facts(opened.certificate)
    return SigningCredential.objects.create(
        owner=owner,
        sealed_pkcs12=keys.seal(data),
        certificate_pem=facts.pem,
        subject_name=facts.subject_name,
        subject=facts.subject,
        issuer=facts.issuer,
        serial_number=facts.serial_number,
        fingerprint=facts.fingerprint,
        not_before=facts.not_before,
        not_after=facts.not_after,
    )


@transaction.atomic
def credential_revoke(*, actor, credential: SigningCredential, reason: str) -> None:
    """The owner withdraws a credential (a lost or replaced certificate)."""
    locked = SigningCredential.objects.select_for_update().get(pk=credential.pk)
    if locked.owner_id != actor.pk:
        raise ValidationError(_("Hanya pemilik sertifikat yang dapat mencabutnya."))
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoke_reason = timezone.now(), reason[:300]
        locked.save(update_fields=["revoked_at", "revoke_reason"])


def unlock(*, actor, passphrase: str) -> tuple[SigningCredential, keys.OpenedKey]:
    """The actor's own credential opened with the passphrase, checked; or SigningUnavailable."""
    _refuse_superuser(actor)
    if not passphrase:
        raise SigningUnavailable(_("Masukkan frasa sandi sertifikat elektronik Anda."))
    credential = SigningCredential.objects.filter(owner=actor).order_by("revoked_at", "-id").first()
    if credential is None:
        raise SigningUnavailable(
            _("Anda belum mengunggah sertifikat elektronik; unggah di halaman Sertifikat TTE.")
        )
    if credential.revoked_at is not None:
        raise SigningUnavailable(_("Sertifikat Anda telah dicabut; unggah sertifikat yang baru."))
    try:
        opened = keys.open_pkcs12(keys.unseal(credential.sealed_pkcs12), passphrase)
    except keys.KeyUnavailable as error:
        raise SigningUnavailable(_("Frasa sandi sertifikat salah.")) from error
    _check_certificate(actor, opened)
    return credential, opened


def signature_request(
    *,
    actor,
    document: Document,
    role: str,
    position: str,
    passphrase: str,
    base_document: Document | None = None,
) -> SigningRequest:
    """In the act's transaction: check the signer now, and ask the job to sign as `role`."""
    SignatureRole(role)
    credential, _opened = unlock(actor=actor, passphrase=passphrase)
    return SigningRequest.objects.create(
        document=document,
        credential=credential,
        signer=actor,
        role=role,
        position=position[:300],
        base_document=base_document,
        sealed_passphrase=keys.seal(passphrase.encode()),
    )


# --- the job's step ---------------------------------------------------------------------


@dataclass(frozen=True)
class SigningPlan:
    """What a job signs: the requests in order; empty when the document is not signed."""

    requests: tuple[SigningRequest, ...]

    @property
    def base(self) -> Document | None:
        return next((r.base_document for r in self.requests if r.base_document_id), None)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(r.role for r in self.requests)


def signing_plan(document: Document) -> SigningPlan:
    requests = SigningRequest.objects.filter(document=document).select_related(
        "credential", "base_document"
    )
    return SigningPlan(tuple(requests.order_by("id")))


def is_signed_electronically(document: Document) -> bool:
    return SigningRequest.objects.filter(document=document).exists()


def produce_pdf(document: Document) -> RenderedPdf:
    """The job's PDF: rendered (or the signed base document's bytes), then signed."""
    plan = signing_plan(document)
    base = plan.base
    if base is None:
        rendered = render_document_pdf(document, tte_roles=plan.roles)
    else:
        with base.file.open("rb") as handle:
            content = handle.read()
        if hashlib.sha256(content).hexdigest() != base.sha256:
            raise RuntimeError(f"document {base.pk}: stored bytes differ from their hash")
        rendered = RenderedPdf(content=content, sha256=base.sha256, page_count=base.page_count)
    return apply_signatures(document, rendered, plan) if plan.requests else rendered


def apply_signatures(document: Document, rendered: RenderedPdf, plan: SigningPlan) -> RenderedPdf:
    """The rendered (or base) bytes with each requested signature, as one RenderedPdf."""
    data = rendered.content
    boxes = dict(rendered.boxes)
    for request in plan.requests:
        if not request.sealed_passphrase:
            raise RuntimeError("passphrase already wiped: the job ended before")
        passphrase = keys.unseal(request.sealed_passphrase).decode()
        opened = keys.open_pkcs12(keys.unseal(request.credential.sealed_pkcs12), passphrase)
        del passphrase
        box = boxes.pop(request.role, None)
        existing = pdf.signature_field_names(data)
        if box is None and pdf.FIELD_NAMES[request.role] not in existing:
            raise RuntimeError(f"no signature box for {request.role}")
        # Boxes of later signers get an empty field now; they sign into it later.
        later = {role: b for role, b in boxes.items() if role not in plan.roles}
        boxes = {role: b for role, b in boxes.items() if role in plan.roles}
        data = pdf.sign_pdf(
            data,
            key=opened,
            role=request.role,
            position=request.position,
            url=document.verification_url,
            reason=_signature_reason(document, request),
            box=box,
            empty_fields=later,
            tsa_url=_tsa_url(),
        )
    return RenderedPdf(
        content=data,
        sha256=hashlib.sha256(data).hexdigest(),
        page_count=rendered.page_count,
    )


def _signature_reason(document: Document, request: SigningRequest) -> str:
    act = "Pengesahan" if request.role == SignatureRole.MAYOR else "Penetapan"
    if request.role == SignatureRole.MAYOR and document.kind == "mayor_decree":
        act = "Penetapan"
    return f"{act} {document.title} (kode verifikasi {document.display_code})"[:500]


def _tsa_url() -> str:
    return settings.TTE_TSA_URL


def wipe_passphrases(document_id: int, *, signed: bool) -> None:
    """End of the job (done, or failed for good): the sealed passphrases are gone."""
    updates = {"sealed_passphrase": b""}
    if signed:
        updates["signed_at"] = timezone.now()
    SigningRequest.objects.filter(document_id=document_id).update(**updates)

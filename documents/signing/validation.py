"""What the signatures of a PDF say, with pyHanko's validation (offline: no fetching).

For each signature: who signed (the certificate's name and issuer), when (the time the
signer's software reported, or the timestamp token's), whether its signed bytes are
intact, whether anything but later signatures was added after it (a page appended in an
incremental update is), and whether the certificate chains to a trusted root
(settings.TTE_TRUST_ROOTS, and the demo CA when TTE_TRUST_DEMO_CA).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from django.core.cache import cache
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from ..models import Document, SignatureRole, normalise_code
from .keys import trust_roots
from .loops import outside_event_loop
from .pdf import FIELD_NAMES

logger = logging.getLogger(__name__)

ALLOWED_LATER_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
ROLE_BY_FIELD = {name: role for role, name in FIELD_NAMES.items()}
CODE_IN_REASON = re.compile(r"kode verifikasi ([0-9A-Z]{5}-?[0-9A-Z]{5})")
CACHE_SECONDS = 600


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    role: str  # "head", "mayor" or "" (a field this application did not make)
    signer_name: str
    signer_subject: str
    issuer: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool  # the bytes it signed are unchanged
    changed_after: bool  # something other than a later signature was added afterwards
    trusted: bool  # the certificate chains to a trusted root and was valid then
    demo: bool
    reason: str

    @property
    def ok(self) -> bool:
        return self.intact and not self.changed_after and self.trusted

    @property
    def role_label(self) -> str:
        return SignatureRole(self.role).label if self.role else ""

    @property
    def verification_code(self) -> str:
        """The code of the document it was made for (written in its reason)."""
        found = CODE_IN_REASON.search(self.reason)
        return normalise_code(found.group(1)) if found else ""


@dataclass(frozen=True)
class SignaturesReport:
    readable: bool
    signatures: tuple[SignatureReport, ...] = ()

    @property
    def signed(self) -> bool:
        return bool(self.signatures)

    @property
    def all_ok(self) -> bool:
        return self.readable and self.signed and all(s.ok for s in self.signatures)

    @property
    def modified(self) -> bool:
        return not self.readable or any(not s.intact or s.changed_after for s in self.signatures)


def _report(embedded, context: ValidationContext) -> SignatureReport:
    status = validate_pdf_signature(embedded, context)
    cert = status.signing_cert
    subject = cert.subject.native
    level = status.modification_level
    changed_after = (not status.docmdp_ok) if status.docmdp_ok is not None else False
    if level is not None and level not in ALLOWED_LATER_CHANGES:
        # A later signature (form filling) is fine only when one actually follows.
        later_signature_only = level == ModificationLevel.FORM_FILLING and _only_signatures_after(
            embedded
        )
        changed_after = changed_after or not later_signature_only
    timestamp = status.timestamp_validity
    signed_at = timestamp.timestamp if timestamp is not None else status.signer_reported_dt
    text = f"{cert.subject.human_friendly} {cert.issuer.human_friendly}"
    return SignatureReport(
        field_name=embedded.field_name,
        role=ROLE_BY_FIELD.get(embedded.field_name, ""),
        signer_name=str(subject.get("common_name", "")),
        signer_subject=cert.subject.human_friendly,
        issuer=str(cert.issuer.native.get("common_name", cert.issuer.human_friendly)),
        signed_at=signed_at,
        timestamped=timestamp is not None,
        intact=bool(status.intact and status.valid),
        changed_after=changed_after,
        trusted=bool(status.trusted),
        demo="DEMO" in text,
        reason=str(embedded.sig_object.get("/Reason", "")),
    )


def _only_signatures_after(embedded) -> bool:
    """Form filling after this signature: acceptable when it is the later signatures'."""
    reader = embedded.reader
    later = [s for s in reader.embedded_signatures if s.signed_revision > embedded.signed_revision]
    return bool(later) and max(s.signed_revision for s in later) == reader.xrefs.total_revisions - 1


@outside_event_loop
def validate_signatures(data: bytes) -> SignaturesReport:
    """The report of every signature in `data`; unreadable when it is not a sound PDF."""
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as error:
        logger.info("PDF tidak terbaca untuk validasi tanda tangan: %s", error)
        return SignaturesReport(readable=False)
    context = ValidationContext(
        trust_roots=list(trust_roots()), allow_fetching=False, revocation_mode="soft-fail"
    )
    reports = []
    for signature in embedded:
        try:
            reports.append(_report(signature, context))
        except Exception as error:  # a malformed signature is reported as broken
            logger.info("Tanda tangan %s tidak dapat divalidasi: %s", signature.field_name, error)
            return SignaturesReport(readable=False, signatures=tuple(reports))
    return SignaturesReport(readable=True, signatures=tuple(reports))


def signatures_of_document(document: Document) -> SignaturesReport | None:
    """The report of an issued document's own file (cached by its hash), or None."""
    if not (document.issued and document.is_ready and document.file and document.sha256):
        return None
    key = f"tte-report:{document.sha256}"
    report = cache.get(key)
    if report is None:
        with document.file.open("rb") as handle:
            report = validate_signatures(handle.read())
        cache.set(key, report, CACHE_SECONDS)
    return report


def documents_named_in(report: SignaturesReport | None) -> list[Document]:
    """The documents whose codes the signatures carry (a changed copy still names them)."""
    if report is None:
        return []
    codes = {s.verification_code for s in report.signatures if s.verification_code}
    return list(Document.objects.filter(code__in=codes).select_related("agency", "superseded_by"))

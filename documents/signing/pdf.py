"""PAdES signing of PDF bytes with pyHanko: baseline B-B, or B-T with a timestamp
authority (settings.TTE_TSA_URL). Every signature is an incremental update, so a second
signer keeps the first signature valid.

A signature box is a rectangle in PDF points on a page, found where the decree's template
put an element `tte-<role>` (documents.render collects those positions).
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import serialization
from pyhanko import stamp
from pyhanko.pdf_utils import text
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .keys import OpenedKey, to_asn1
from .loops import outside_event_loop

FIELD_NAMES = {"head": "TTE-Kepala-PD", "mayor": "TTE-Wali-Kota"}


@dataclass(frozen=True)
class SignatureBox:
    page: int  # 0-based
    x1: float
    y1: float
    x2: float
    y2: float

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


def box_from_anchor(page: int, anchor: tuple, page_height_px: float) -> SignatureBox:
    """A WeasyPrint anchor (x1, y1, x2, y2 in CSS px from the page's top-left) -> PDF points."""
    points = 0.75  # 1 CSS px = 0.75 pt; PDF's y axis goes up from the bottom
    x1, top, x2, bottom = anchor
    return SignatureBox(
        page,
        x1 * points,
        (page_height_px - bottom) * points,
        x2 * points,
        (page_height_px - top) * points,
    )


# The stamp's text is set in a standard PDF font (Courier): ASCII only, wrapped by hand.
STAMP_WIDTH_CHARS = 40


@lru_cache(maxsize=1)
def _stamp_style() -> stamp.QRStampStyle:
    return stamp.QRStampStyle(
        stamp_text="%(lines)s\nTanggal: %(ts)s",
        timestamp_format="%d-%m-%Y %H:%M %Z",
        text_box_style=text.TextBoxStyle(font_size=6, leading=8),
        border_width=1,
        background=None,
    )


def _ascii(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()


def stamp_lines(*, signer: str, position: str, url: str) -> str:
    """The box's text: who signed, as what, and where to check, wrapped to the box."""
    lines = ["Ditandatangani secara elektronik oleh:"]
    for value in (signer, position):
        lines += textwrap.wrap(_ascii(value), STAMP_WIDTH_CHARS) or [""]
    lines += textwrap.wrap(f"Periksa: {url}", STAMP_WIDTH_CHARS, break_on_hyphens=False)
    return "\n".join(lines)


@outside_event_loop
def sign_pdf(
    data: bytes,
    *,
    key: OpenedKey,
    role: str,
    position: str,
    url: str,
    reason: str,
    box: SignatureBox | None = None,
    empty_fields: dict[str, SignatureBox] | None = None,
    tsa_url: str = "",
) -> bytes:
    """Sign `data` as `role` and return the new bytes (the old ones plus one revision).

    With `box`, a new visible field is made there; without, the role's empty field
    (made by an earlier signer) is filled. `empty_fields` adds unsigned fields for later
    signers in the same revision.
    """
    field_name = FIELD_NAMES[role]
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    for other_role, other_box in (empty_fields or {}).items():
        fields.append_signature_field(
            writer,
            SigFieldSpec(FIELD_NAMES[other_role], on_page=other_box.page, box=other_box.as_tuple()),
        )
    registry = SimpleCertificateStore()
    registry.register_multiple([to_asn1(cert) for cert in key.chain])
    signer_name = key.common_name
    signer = signers.SimpleSigner(
        signing_cert=to_asn1(key.certificate),
        signing_key=_asn1_key(key.private_key),
        cert_registry=registry,
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        location="Bontang",
        name=None,
        use_pades_lta=False,
        embed_validation_info=False,
    )
    new_field = (
        SigFieldSpec(field_name, on_page=box.page, box=box.as_tuple()) if box is not None else None
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=signer,
        timestamper=timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None,
        stamp_style=_stamp_style(),
        new_field_spec=new_field,
    )
    output = BytesIO()
    pdf_signer.sign_pdf(
        writer,
        output=output,
        appearance_text_params={
            "url": url,
            "lines": stamp_lines(signer=signer_name, position=position, url=url),
        },
    )
    return output.getvalue()


def _asn1_key(private_key) -> asn1_keys.PrivateKeyInfo:
    der = private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return asn1_keys.PrivateKeyInfo.load(der)


def signature_field_names(data: bytes) -> list[str]:
    reader = PdfFileReader(BytesIO(data), strict=False)
    return [name for name, _value, _ref in fields.enumerate_sig_fields(reader)]

"""Keys at rest and the facts of a certificate.

A signer's PKCS#12 is stored sealed with the server key (Fernet, settings
TTE_ENCRYPTION_KEY); its private key stays locked by the signer's passphrase, so the
server key alone cannot sign. The passphrase reaches the signing job sealed with the same
server key and is wiped when the job ends (decision 0009).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..uploads import MAX_PKCS12_BYTES

DEMO_CA_FILE = "ca.pem"


class KeyUnavailable(ValueError):
    """The PKCS#12 cannot be opened: wrong passphrase, or not a PKCS#12 with a key."""


def _fernet() -> Fernet:
    key = settings.TTE_ENCRYPTION_KEY
    if not key:
        raise ImproperlyConfigured("TTE_ENCRYPTION_KEY belum diatur: TTE tidak tersedia.")
    return Fernet(key.encode() if isinstance(key, str) else key)


def seal(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def unseal(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken as error:
        raise KeyUnavailable("sealed with another server key") from error


@dataclass(frozen=True)
class CertificateFacts:
    subject_name: str
    subject: str
    issuer: str
    serial_number: str
    fingerprint: str
    not_before: datetime
    not_after: datetime
    pem: str


def certificate_facts(cert: x509.Certificate) -> CertificateFacts:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    return CertificateFacts(
        subject_name=str(names[0].value) if names else "",
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial_number=format(cert.serial_number, "X"),
        fingerprint=hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        pem=pem,
    )


@dataclass(frozen=True)
class OpenedKey:
    private_key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def common_name(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""


def open_pkcs12(data: bytes, passphrase: str) -> OpenedKey:
    """The key, certificate and chain in a PKCS#12, or KeyUnavailable."""
    if not data or len(data) > MAX_PKCS12_BYTES:
        raise KeyUnavailable("size")
    try:
        bundle = pkcs12.load_pkcs12(data, passphrase.encode() if passphrase else None)
    except (ValueError, TypeError) as error:
        raise KeyUnavailable(str(error)) from error
    if bundle.key is None or bundle.cert is None:
        raise KeyUnavailable("no key or certificate")
    return OpenedKey(
        private_key=bundle.key,
        certificate=bundle.cert.certificate,
        chain=tuple(c.certificate for c in bundle.additional_certs),
    )


# Degrees and honorifics before a name ("Dr.", "H.", "Ir.") and after a comma ("S.Sos.,
# M.Si.") are not part of the name a certificate carries.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _name_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name).split(",")[0]
    words = text.split()
    while words and words[0].endswith("."):
        words = words[1:]
    return [w.casefold() for word in words for w in _WORD.findall(word)]


def names_match(certificate_name: str, person_name: str) -> bool:
    """Whether the certificate's common name is the person's name (titles aside)."""
    words = _name_words(certificate_name)
    return bool(words) and words == _name_words(person_name)


def demo_ca_path() -> Path:
    return Path(settings.TTE_DEMO_DIR) / DEMO_CA_FILE


def trust_root_paths() -> list[Path]:
    paths = [Path(p) for p in settings.TTE_TRUST_ROOTS]
    if settings.TTE_TRUST_DEMO_CA:
        paths.append(demo_ca_path())
    return paths


@lru_cache(maxsize=8)
def _load_roots(key: tuple[tuple[str, float], ...]) -> tuple[asn1_x509.Certificate, ...]:
    roots = []
    for name, _mtime in key:
        for cert in x509.load_pem_x509_certificates(Path(name).read_bytes()):
            roots.append(asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)))
    return tuple(roots)


def trust_roots() -> tuple[asn1_x509.Certificate, ...]:
    """The configured root certificates (and the demo CA when trusted), read once per change."""
    key = tuple((str(p), p.stat().st_mtime) for p in trust_root_paths() if p.is_file())
    return _load_roots(key)


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))

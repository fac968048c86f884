"""The local demo CA of `make run` and its demo certificates, marked "DEMO — tidak sah".

Nothing here is for production: a real signer's certificate comes from BSrE (or another
CA named in TTE_TRUST_ROOTS) as a PKCS#12 the signer uploads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO_MARK = "DEMO — tidak sah"
CA_NAME = "Bontang SP CA Demo (DEMO — tidak sah)"
CA_KEY_FILE = "ca-key.pem"
CA_CERT_FILE = "ca.pem"


@dataclass(frozen=True)
class DemoCA:
    certificate: x509.Certificate
    key: rsa.RSAPrivateKey


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_MARK),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Bontang SP"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _create_ca() -> DemoCA:
    key = _new_key()
    now = datetime.now(UTC)
    name = _name(CA_NAME)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return DemoCA(certificate=cert, key=key)


def ensure_demo_ca(directory: Path) -> tuple[DemoCA, bool]:
    """The demo CA kept in `directory` (created on first use); True when just created."""
    directory = Path(directory)
    cert_path, key_path = directory / CA_CERT_FILE, directory / CA_KEY_FILE
    if cert_path.is_file() and key_path.is_file():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return DemoCA(certificate=cert, key=key), False
    directory.mkdir(parents=True, exist_ok=True)
    ca = _create_ca()
    key_path.write_bytes(
        ca.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(ca.certificate.public_bytes(serialization.Encoding.PEM))
    return ca, True


def issue_certificate(
    ca: DemoCA,
    common_name: str,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A demo signing certificate for `common_name` (valid two years unless told)."""
    key = _new_key()
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(hours=1))
        .not_valid_after(not_after or now + timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )
    return key, cert


def demo_pkcs12(ca: DemoCA, common_name: str, passphrase: str, **validity) -> bytes:
    """A PKCS#12 as a CA hands it out: key, certificate and the CA's certificate."""
    key, cert = issue_certificate(ca, common_name, **validity)
    return pkcs12.serialize_key_and_certificates(
        name=common_name.encode(),
        key=key,
        cert=cert,
        cas=[ca.certificate],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )

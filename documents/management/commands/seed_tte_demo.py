"""`make run`: a local demo CA and a demo certificate for each demo signer (the demo
heads kepala.* and camat.*, and walikota), marked "DEMO — tidak sah". Idempotent: a
signer whose active certificate was issued by the current demo CA keeps it."""

from __future__ import annotations

import os

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q

from documents.models import SigningCredential
from documents.signing import demo_ca
from documents.signing.services import credential_upload

DEFAULT_PASSPHRASE = "tte-demo-bontang"  # noqa: S105 - demo certificates only


def demo_signers():
    return (
        get_user_model()
        .objects.filter(
            Q(username__startswith="kepala.")
            | Q(username__startswith="camat.")
            | Q(username="walikota")
        )
        .filter(is_active=True, is_superuser=False)
        .order_by("username")
    )


def _issued_by(credential: SigningCredential, ca: demo_ca.DemoCA) -> bool:
    cert = x509.load_pem_x509_certificate(credential.certificate_pem.encode())
    try:
        cert.verify_directly_issued_by(ca.certificate)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


class Command(BaseCommand):
    help = "Membuat CA demo dan sertifikat TTE demo (DEMO — tidak sah) bagi penanda tangan demo."

    def handle(self, *args, **options):
        passphrase = os.environ.get("DEMO_TTE_PASSPHRASE") or DEFAULT_PASSPHRASE
        ca, created = demo_ca.ensure_demo_ca(settings.TTE_DEMO_DIR)
        if created:
            self.stdout.write(f"CA demo dibuat: {settings.TTE_DEMO_DIR / demo_ca.CA_CERT_FILE}")
        issued = []
        for user in demo_signers():
            current = SigningCredential.objects.active().filter(owner=user).first()
            if current is not None and _issued_by(current, ca):
                continue
            name = user.get_full_name() or user.get_username()
            credential_upload(
                actor=user, data=demo_ca.demo_pkcs12(ca, name, passphrase), passphrase=passphrase
            )
            issued.append(user.get_username())
        if issued:
            self.stdout.write("Sertifikat TTE demo dibuat untuk: " + ", ".join(issued))
        self.stdout.write(f"Frasa sandi sertifikat TTE demo (DEMO — tidak sah): {passphrase}")

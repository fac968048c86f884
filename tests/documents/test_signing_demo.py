"""`make run`'s demo CA and demo certificates: marked DEMO, made once, usable at once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from documents.models import SigningCredential
from documents.signing.services import unlock
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_seed_tte_demo_is_idempotent_and_marks_every_certificate_demo(tte_ca, settings):
    head = UserFactory(username="kepala.disdukcapil", first_name="Ahmad", last_name="Syarifuddin")
    mayor = UserFactory(username="walikota", first_name="Kantor", last_name="Wali Kota")
    UserFactory(username="penyusun.disdukcapil")  # not a signer
    out = StringIO()
    call_command("seed_tte_demo", stdout=out)
    assert "tte-demo-bontang" in out.getvalue()  # the passphrase is told
    first = set(SigningCredential.objects.values_list("owner__username", "fingerprint"))
    assert {username for username, _f in first} == {"kepala.disdukcapil", "walikota"}

    call_command("seed_tte_demo", stdout=StringIO())
    assert set(SigningCredential.objects.values_list("owner__username", "fingerprint")) == first
    for credential in SigningCredential.objects.all():
        assert "DEMO — tidak sah" in credential.subject
        assert "DEMO — tidak sah" in credential.issuer
    for user in (head, mayor):
        credential, opened = unlock(actor=user, passphrase="tte-demo-bontang")
        assert opened.common_name == user.get_full_name()

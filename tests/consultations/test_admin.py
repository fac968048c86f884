"""The admin shows consultations read-only and never links the stored scan files."""

import pytest

from tests.consultations.conftest import add_participant, add_required_scans

pytestmark = pytest.mark.django_db


def test_admin_is_read_only_and_hides_file_paths(client, superuser, consultation, drafter_a):
    add_participant(drafter_a, consultation)
    add_required_scans(drafter_a, consultation)
    client.force_login(superuser)
    for model in ("consultation", "participant", "consultationinput", "consultationscan"):
        assert client.get(f"/admin/consultations/{model}/").status_code == 200
        assert client.get(f"/admin/consultations/{model}/add/").status_code == 403
    page = client.get(f"/admin/consultations/consultation/{consultation.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    scan = consultation.scans.first()
    page = client.get(f"/admin/consultations/consultationscan/{scan.pk}/change/")
    assert page.status_code == 200 and scan.file.name not in page.content.decode()

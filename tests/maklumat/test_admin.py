import pytest

from .factories import SetMaklumatFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_maklumat_read_only(client, superuser, agency_a):
    maklumat = SetMaklumatFactory(agency=agency_a)
    client.force_login(superuser)
    listing = client.get("/admin/maklumat/maklumat/")
    assert listing.status_code == 200
    assert agency_a.name in listing.content.decode()
    page = client.get(f"/admin/maklumat/maklumat/{maklumat.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get("/admin/maklumat/maklumat/add/").status_code == 403
    assert client.post(f"/admin/maklumat/maklumat/{maklumat.pk}/delete/").status_code == 403

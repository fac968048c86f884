import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from maklumat.models import Maklumat, MaklumatStatus
from maklumat.selectors import current_maklumat, draft_maklumat
from tests.factories import AgencyFactory

from .factories import MaklumatFactory, SetMaklumatFactory

pytestmark = pytest.mark.django_db

ALL_PERSONAS = [
    "drafter_a",
    "head_a",
    "drafter_b",
    "head_b",
    "reviewer",
    "mayor_office",
    "coordinator",
    "secretariat",
    "superuser",
]


def _url(name, agency, **kwargs):
    return reverse(f"maklumat:{name}", kwargs={"agency_slug": agency.slug, **kwargs})


def _draft_post(**overrides):
    data = {
        "statement_promise": "sanggup melayani sesuai Standar Pelayanan",
        "statement_obligation": "melayani sesuai kewajiban dan memperbaiki terus-menerus",
        "statement_sanction": "bersedia menerima sanksi dan/atau memberi kompensasi",
        "compensation": "",
        "layout": "paragraph",
        "revision": "0",
    }
    data.update(overrides)
    return data


# --- who opens what --------------------------------------------------------------------

READ_STATUS = {
    "drafter_a": 200,
    "head_a": 200,
    "drafter_b": 404,
    "head_b": 404,
    "reviewer": 200,
    "mayor_office": 200,
    "coordinator": 404,
    "secretariat": 200,
    "superuser": 200,
}
EDIT_STATUS = {**READ_STATUS, "reviewer": 403, "mayor_office": 403, "secretariat": 403}
EDIT_STATUS["superuser"] = 403
SET_STATUS = {**EDIT_STATUS, "drafter_a": 403}


@pytest.mark.parametrize("persona", ALL_PERSONAS, indirect=True)
def test_staff_pages_by_persona(client, persona, request, agency_a):
    name = request.node.callspec.params["persona"]
    draft = MaklumatFactory(agency=agency_a)
    client.force_login(persona)
    assert client.get(_url("staff-detail", agency_a)).status_code == READ_STATUS[name]
    assert (
        client.get(_url("version-detail", agency_a, version=draft.version)).status_code
        == READ_STATUS[name]
    )
    assert client.get(_url("draft-edit", agency_a)).status_code == EDIT_STATUS[name]
    assert client.get(_url("set", agency_a)).status_code == SET_STATUS[name]


@pytest.mark.parametrize("persona", ALL_PERSONAS, indirect=True)
def test_posting_a_draft_by_persona(client, persona, request, agency_a):
    name = request.node.callspec.params["persona"]
    client.force_login(persona)
    response = client.post(_url("draft-edit", agency_a), _draft_post())
    if EDIT_STATUS[name] == 200:
        assert response.status_code == 302
        assert draft_maklumat(agency_a).statement_promise.startswith("sanggup melayani")
    else:
        assert response.status_code == EDIT_STATUS[name]
        assert not Maklumat.objects.exists()


@pytest.mark.parametrize("persona", ALL_PERSONAS, indirect=True)
def test_posting_set_by_persona(client, persona, request, agency_a):
    name = request.node.callspec.params["persona"]
    draft = MaklumatFactory(agency=agency_a)
    client.force_login(persona)
    response = client.post(
        _url("set", agency_a),
        {"set_on": timezone.localdate().isoformat(), "confirm": "on", "revision": draft.revision},
    )
    if SET_STATUS[name] == 200:
        assert response.status_code == 302
        assert current_maklumat(agency_a) == draft
    else:
        assert response.status_code == SET_STATUS[name]
        assert current_maklumat(agency_a) is None


def test_anonymous_users_are_sent_to_login(client, agency_a):
    MaklumatFactory(agency=agency_a)
    for name in ("staff-detail", "draft-edit", "set"):
        response = client.get(_url(name, agency_a))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_unknown_agency_is_404(client, drafter_a):
    client.force_login(drafter_a)
    assert client.get("/kelola/pd/tidak-ada/maklumat/").status_code == 404
    assert client.get("/pd/tidak-ada/maklumat/").status_code == 404


# --- drafting and setting through the pages --------------------------------------------


def test_draft_form_starts_from_the_default_wording(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    content = client.get(_url("draft-edit", agency_a)).content.decode()
    assert "sanggup menyelenggarakan pelayanan sesuai dengan Standar Pelayanan" in content
    assert not Maklumat.objects.exists()  # opening the form writes nothing


def test_draft_form_shows_errors_and_keeps_text(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    response = client.post(
        _url("draft-edit", agency_a), _draft_post(statement_sanction="", compensation="maaf")
    )
    assert response.status_code == 200
    assert "field-invalid" in response.content.decode()
    assert "maaf" in response.content.decode()


def test_stale_draft_form_says_so(client, drafter_a, head_a, agency_a):
    client.force_login(drafter_a)
    client.post(_url("draft-edit", agency_a), _draft_post())  # revision 0 -> 1
    response = client.post(_url("draft-edit", agency_a), _draft_post(compensation="maaf"))
    assert response.status_code == 200
    assert "diubah orang lain" in response.content.decode()


def test_head_sets_after_reading_the_draft(client, head_a, drafter_a, agency_a):
    client.force_login(drafter_a)
    client.post(_url("draft-edit", agency_a), _draft_post(compensation="cetak ulang gratis"))
    client.force_login(head_a)
    page = client.get(_url("set", agency_a)).content.decode()
    assert "DENGAN INI, KAMI MENYATAKAN SANGGUP MELAYANI" in page
    assert "cetak ulang gratis" in page
    draft = draft_maklumat(agency_a)
    set_on = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        _url("set", agency_a),
        {"set_on": set_on.isoformat(), "confirm": "on", "revision": draft.revision},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == _url("staff-detail", agency_a)
    assert "ditetapkan" in response.content.decode()
    maklumat = current_maklumat(agency_a)
    assert maklumat.pk == draft.pk and maklumat.set_on == set_on


def test_set_needs_confirmation_and_a_date(client, head_a, agency_a):
    draft = MaklumatFactory(agency=agency_a)
    client.force_login(head_a)
    response = client.post(_url("set", agency_a), {"set_on": "", "revision": draft.revision})
    assert response.status_code == 200
    assert draft_maklumat(agency_a) is not None
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    response = client.post(
        _url("set", agency_a), {"set_on": future, "confirm": "on", "revision": draft.revision}
    )
    assert response.status_code == 200
    assert "lebih dari hari ini" in response.content.decode()
    assert current_maklumat(agency_a) is None


def test_set_page_without_a_draft_goes_back(client, head_a, agency_a):
    client.force_login(head_a)
    response = client.get(_url("set", agency_a))
    assert response.status_code == 302
    assert response["Location"] == _url("staff-detail", agency_a)


def test_drafter_sees_no_set_button(client, drafter_a, head_a, agency_a):
    MaklumatFactory(agency=agency_a)
    client.force_login(drafter_a)
    content = client.get(_url("staff-detail", agency_a)).content.decode()
    assert _url("draft-edit", agency_a) in content
    assert _url("set", agency_a) not in content
    client.force_login(head_a)
    assert _url("set", agency_a) in client.get(_url("staff-detail", agency_a)).content.decode()


def test_reviewer_reads_without_buttons(client, reviewer, agency_a):
    MaklumatFactory(agency=agency_a)
    client.force_login(reviewer)
    content = client.get(_url("staff-detail", agency_a)).content.decode()
    assert _url("draft-edit", agency_a) not in content
    assert _url("set", agency_a) not in content


# --- the public page --------------------------------------------------------------------


def test_public_page_shows_only_the_maklumat_in_force(client, agency_a):
    SetMaklumatFactory(
        agency=agency_a,
        version=1,
        status=MaklumatStatus.REPLACED,
        statement_promise="janji lama yang diganti",
    )
    SetMaklumatFactory(agency=agency_a, version=2, statement_promise="janji yang berlaku")
    MaklumatFactory(agency=agency_a, statement_promise="janji rancangan rahasia")
    content = client.get(_url("public-detail", agency_a)).content.decode()
    assert "JANJI YANG BERLAKU" in content
    assert "Drs. Kepala Uji, M.Si." in content
    assert "RAHASIA" not in content.upper().replace("JANJI YANG BERLAKU", "")
    assert "DIGANTI" not in content


def test_public_page_never_shows_a_draft(client, agency_a):
    MaklumatFactory(agency=agency_a, statement_promise="janji rancangan rahasia")
    response = client.get(_url("public-detail", agency_a))
    assert response.status_code == 200
    content = response.content.decode()
    assert "RAHASIA" not in content.upper()
    assert "belum menetapkan Maklumat" in content


def test_public_page_of_an_inactive_agency_is_404(client):
    agency = AgencyFactory(active=False)
    SetMaklumatFactory(agency=agency)
    assert client.get(_url("public-detail", agency)).status_code == 404


# --- escaping and query counts -----------------------------------------------------------

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_user_text_is_escaped_everywhere(client, head_a, agency_a):
    SetMaklumatFactory(agency=agency_a, version=1, compensation=XSS, statement_promise=XSS)
    MaklumatFactory(agency=agency_a, statement_obligation=XSS, compensation=XSS)
    client.force_login(head_a)
    pages = [
        _url("staff-detail", agency_a),
        _url("version-detail", agency_a, version=1),
        _url("version-detail", agency_a, version=2),
        _url("draft-edit", agency_a),
        _url("set", agency_a),
        _url("public-detail", agency_a),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert "<script>alert(1)" not in content and "<SCRIPT>" not in content, url
        assert "<img src=x" not in content.lower(), url
        assert "&lt;" in content, url


def _make_history(agency, versions=12):
    for version in range(1, versions):
        SetMaklumatFactory(agency=agency, version=version, status=MaklumatStatus.REPLACED)
    SetMaklumatFactory(agency=agency, version=versions)
    MaklumatFactory(agency=agency, version=versions + 1)


def test_staff_page_queries_do_not_grow_with_history(
    client, head_a, agency_a, django_assert_max_num_queries
):
    _make_history(agency_a)
    client.force_login(head_a)
    with django_assert_max_num_queries(16):
        response = client.get(_url("staff-detail", agency_a))
    assert response.content.decode().count("Digantikan") == 11


def test_public_page_queries(client, agency_a, django_assert_max_num_queries):
    _make_history(agency_a)
    with django_assert_max_num_queries(4):
        assert client.get(_url("public-detail", agency_a)).status_code == 200


@pytest.mark.parametrize("page", ["version-detail", "draft-edit", "set"])
def test_other_staff_pages_have_bounded_queries(
    client, head_a, agency_a, django_assert_max_num_queries, page
):
    _make_history(agency_a)
    client.force_login(head_a)
    kwargs = {"version": 12} if page == "version-detail" else {}
    with django_assert_max_num_queries(16):
        assert client.get(_url(page, agency_a, **kwargs)).status_code == 200


def test_staff_home_links_each_agency_to_its_maklumat(client, drafter_a, agency_a):
    client.force_login(drafter_a)
    content = client.get(reverse("staff-home")).content.decode()
    assert _url("staff-detail", agency_a) in content

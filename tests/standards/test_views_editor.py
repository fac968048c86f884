"""The editor page of a standard: who sees it, who edits it, component and field saves
(htmx and without JavaScript), stale saves, bad input, the printable view, query counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from standards.models import ComponentKind, ServiceStandard, StandardComponent, StandardStatus
from standards.services import component_save
from tests.standards.factories import (
    ServiceFactory,
    StandardFactory,
    make_complete_standard,
    make_standard_with_rows,
)

pytestmark = pytest.mark.django_db

K = ComponentKind
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(agency_a):
    return StandardFactory(service=ServiceFactory(agency=agency_a, name="Kartu Keluarga"))


def page_url(standard):
    return reverse("standards:standard-detail", args=[standard.pk])


def save_url(standard, kind):
    return reverse("standards:component-save", args=[standard.pk, kind])


def fields_url(standard, group):
    return reverse("standards:fields-save", args=[standard.pk, group])


def component_post(kind, text, revision=0):
    return {f"{kind}-text": text, f"{kind}-revision": str(revision)}


def text_of(standard, kind):
    return StandardComponent.objects.get(standard=standard, kind=kind).text


# --- who sees what -------------------------------------------------------------------


def test_drafter_gets_the_editor_in_the_lampiran_layout(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.get(page_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Proses Penyampaian Pelayanan" in html
    assert "Proses Pengelolaan Pelayanan" in html
    for kind in ComponentKind:
        assert f'id="komponen-{kind.number}"' in html
        assert str(kind.label) in html
        assert f'action="{save_url(draft, kind.value)}"' in html
    # Part 1 holds 1-6 and part 2 holds 7-14, in the Lampiran's order.
    positions = [html.index(f'id="komponen-{n}"') for n in range(1, 15)]
    assert positions == sorted(positions)
    assert html.index("Proses Pengelolaan Pelayanan") < html.index('id="komponen-7"')
    assert html.index('id="komponen-6"') < html.index("Proses Pengelolaan Pelayanan")
    # The check is beside the editor, each item a link to its component.
    assert 'id="kelengkapan"' in html
    assert 'href="#komponen-1"' in html


@pytest.mark.parametrize("persona", ["secretariat", "reviewer", "mayor_office"], indirect=True)
def test_city_readers_see_the_standard_read_only(client, persona, draft):
    client.force_login(persona)
    response = client.get(page_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hanya baca" in html
    assert "<textarea" not in html
    assert "hx-post" not in html


@pytest.mark.parametrize("persona", ["drafter_b", "head_b", "coordinator"], indirect=True)
def test_others_get_404(client, persona, draft):
    client.force_login(persona)
    assert client.get(page_url(draft)).status_code == 404
    post = client.post(save_url(draft, "product"), component_post("product", "x"))
    assert post.status_code == 404
    assert text_of(draft, K.PRODUCT) == ""


def test_anonymous_is_sent_to_login(client, draft):
    response = client.get(page_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["secretariat", "reviewer"], indirect=True)
def test_readers_cannot_save_they_get_404(client, persona, draft):
    client.force_login(persona)
    response = client.post(save_url(draft, "product"), component_post("product", "KK"), **HX)
    assert response.status_code == 404
    response = client.post(fields_url(draft, "jumlah-pelaksana"), {})
    assert response.status_code == 404
    assert text_of(draft, K.PRODUCT) == ""


def test_coordinator_edits_a_kelurahan_standard(client, coordinator, village):
    standard = StandardFactory(service=ServiceFactory(agency=village))
    client.force_login(coordinator)
    assert "<textarea" in client.get(page_url(standard)).content.decode()
    response = client.post(save_url(standard, "product"), component_post("product", "SKTM"))
    assert response.status_code == 302
    assert text_of(standard, K.PRODUCT) == "SKTM"


def test_parent_agency_drafter_edits_its_upt_standard(client, drafter_a, upt_of_a):
    standard = StandardFactory(service=ServiceFactory(agency=upt_of_a))
    client.force_login(drafter_a)
    response = client.post(save_url(standard, "product"), component_post("product", "Kartu"))
    assert response.status_code == 302
    assert text_of(standard, K.PRODUCT) == "Kartu"


def test_standard_no_longer_a_draft_is_read_only_and_refuses_saves_with_403(
    client, drafter_a, draft
):
    ServiceStandard.objects.filter(pk=draft.pk).update(status=StandardStatus.IN_FORCE)
    client.force_login(drafter_a)
    html = client.get(page_url(draft)).content.decode()
    assert "<textarea" not in html
    assert reverse("standards:standard-revise", args=[draft.pk]) in html  # "Ubah standar"
    response = client.post(save_url(draft, "product"), component_post("product", "x"))
    assert response.status_code == 403
    assert text_of(draft, K.PRODUCT) == ""


# --- component text --------------------------------------------------------------------


def test_component_save_with_htmx_returns_the_form_and_oob_check(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.post(
        save_url(draft, "product"), component_post("product", "Kartu Keluarga"), **HX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<form")
    assert 'id="form-komponen-5"' in html
    assert "Tersimpan pukul" in html
    # the new revision travels with the form for the next save
    assert 'name="product-revision" value="1"' in html
    # the completeness list and the totals come along out of band
    assert re.search(r'id="kelengkapan"[^>]*hx-swap-oob="true"', html)
    assert re.search(r'id="total-waktu"[^>]*hx-swap-oob="true"', html)
    assert "Lampiran angka 1 huruf B angka 7" not in html  # product rule now passes
    assert text_of(draft, K.PRODUCT) == "Kartu Keluarga"


def test_component_save_without_javascript_redirects_to_the_anchor(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.post(save_url(draft, "facilities"), component_post("facilities", "Loket"))
    assert response.status_code == 302
    assert response["Location"] == page_url(draft) + "#komponen-8"
    assert text_of(draft, K.FACILITIES) == "Loket"
    follow = client.get(response["Location"])
    assert "tersimpan" in follow.content.decode()


def test_stale_component_save_is_refused_and_keeps_the_text(client, drafter_a, head_a, draft):
    # drafter_a loaded revision 0; head_a saved in the meantime.
    component_save(actor=head_a, standard=draft, kind="product", text="Versi kepala", revision=0)
    client.force_login(drafter_a)
    for extra in (HX, {}):
        response = client.post(
            save_url(draft, "product"),
            component_post("product", "Teks saya <b>tebal</b>"),
            **extra,
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Tidak disimpan" in html
        assert head_a.get_full_name() in html
        # the person's own text is still in the textarea, escaped
        assert "Teks saya &lt;b&gt;tebal&lt;/b&gt;" in html
        assert 'id="id_product-text_error"' in html  # beside the field
        assert "Versi kepala" in html  # what was saved meanwhile, to merge by hand
    assert text_of(draft, K.PRODUCT) == "Versi kepala"


@pytest.mark.parametrize(
    "text,message",
    [
        ("a\x00b", "null"),
        ("a\x07b", "karakter kendali"),
        ("abc\u202edef", "pengubah arah"),
        ("x" * 5001, "5000"),
    ],
    ids=["nul", "control", "bidi", "too-long"],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_bad_component_text_is_refused_beside_the_field(
    client, drafter_a, draft, text, message, htmx
):
    client.force_login(drafter_a)
    response = client.post(
        save_url(draft, "facilities"), component_post("facilities", text), **(HX if htmx else {})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_facilities-text_error"' in html
    assert message in html
    assert text_of(draft, K.FACILITIES) == ""


def test_unknown_component_is_404(client, drafter_a, draft):
    client.force_login(drafter_a)
    assert client.post(save_url(draft, "nonsense"), {}).status_code == 404


def test_user_text_is_escaped_everywhere(client, drafter_a, draft):
    client.force_login(drafter_a)
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    client.post(save_url(draft, "product"), component_post("product", evil))
    for url in (page_url(draft), reverse("standards:standard-print", args=[draft.pk])):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html


# --- the standard's own fields ------------------------------------------------------------


def contact(revision=0, **overrides):
    values = {
        "complaint_officer": "Siti Aminah",
        "complaint_phone": "0548-21234",
        "complaint_email": "pengaduan@bontangkota.go.id",
        "complaint_address": "Jl. Moh. Roem No. 1",
        "complaint_escalation": "Ombudsman RI",
        **overrides,
    }
    data = {f"isian-pengaduan-{k}": v for k, v in values.items()}
    data["isian-pengaduan-revision"] = str(revision)
    return data


def test_fields_save_with_htmx_refreshes_the_other_groups_revision(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.post(fields_url(draft, "pengaduan"), contact(), **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<form")
    assert "Tersimpan pukul" in html
    draft.refresh_from_db()
    assert draft.complaint_officer == "Siti Aminah"
    assert draft.revision == 1
    # the other groups' hidden revision inputs, out of band (not their visible fields)
    for group in ("biaya", "jumlah-pelaksana", "publikasi"):
        assert re.search(
            rf'<input type="hidden" name="isian-{group}-revision" value="1" '
            rf'id="id_isian-{group}-revision" hx-swap-oob="true">',
            html,
        )
    assert 'id="id_isian-pengaduan-revision" hx-swap-oob' not in html
    # a second save with the new revision passes
    second = client.post(
        fields_url(draft, "jumlah-pelaksana"),
        {"isian-jumlah-pelaksana-staff_count": "3", "isian-jumlah-pelaksana-revision": "1"},
        **HX,
    )
    assert "Tersimpan pukul" in second.content.decode()
    draft.refresh_from_db()
    assert draft.staff_count == 3


def test_fields_save_without_javascript_redirects_to_the_group(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.post(
        fields_url(draft, "biaya"),
        {"isian-biaya-fee_legal_basis": "Perda 5/2011", "isian-biaya-revision": "0"},
    )
    assert response.status_code == 302
    assert response["Location"] == page_url(draft) + "#isian-biaya"
    draft.refresh_from_db()
    assert draft.fee_legal_basis == "Perda 5/2011"


def test_publication_choice_is_saved(client, drafter_a, draft):
    client.force_login(drafter_a)
    client.post(
        fields_url(draft, "publikasi"),
        {"isian-publikasi-publish_management": "on", "isian-publikasi-revision": "0"},
    )
    draft.refresh_from_db()
    assert draft.publish_management is True


def test_stale_fields_save_is_refused_and_keeps_input(client, drafter_a, draft):
    client.force_login(drafter_a)
    client.post(fields_url(draft, "biaya"), {"isian-biaya-revision": "0"})  # revision -> 1
    for extra in (HX, {}):
        response = client.post(
            fields_url(draft, "pengaduan"), contact(revision=0, complaint_officer="Budi"), **extra
        )
        html = response.content.decode()
        assert "Tidak disimpan" in html
        assert 'value="Budi"' in html
    draft.refresh_from_db()
    assert draft.complaint_officer == ""


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("complaint_email", "bukan-surel", "alamat email yang valid"),
        ("complaint_phone", "telepon saya", "nomor telepon"),
        ("complaint_officer", "Siti\u202eAminah", "pengubah arah"),
        ("complaint_address", "x" * 301, "300"),
    ],
    ids=["email", "phone", "bidi", "too-long"],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_bad_contact_field_shows_error_beside_it_and_keeps_the_rest(
    client, drafter_a, draft, field, value, message, htmx
):
    client.force_login(drafter_a)
    response = client.post(
        fields_url(draft, "pengaduan"), contact(**{field: value}), **(HX if htmx else {})
    )
    html = response.content.decode()
    assert f'id="id_isian-pengaduan-{field}_error"' in html
    assert message in html.lower() or message in html
    if field != "complaint_officer":
        assert 'value="Siti Aminah"' in html
    assert 'value="Jl. Moh. Roem No. 1"' in html or field == "complaint_address"
    draft.refresh_from_db()
    assert draft.complaint_officer == ""


@pytest.mark.parametrize("value", ["-1", "1000001", "dua"], ids=["negative", "absurd", "word"])
def test_bad_staff_count_is_refused(client, drafter_a, draft, value):
    client.force_login(drafter_a)
    response = client.post(
        fields_url(draft, "jumlah-pelaksana"),
        {"isian-jumlah-pelaksana-staff_count": value, "isian-jumlah-pelaksana-revision": "0"},
        **HX,
    )
    html = response.content.decode()
    assert 'id="id_isian-jumlah-pelaksana-staff_count_error"' in html
    assert f'value="{value}"' in html
    draft.refresh_from_db()
    assert draft.staff_count is None


def test_unknown_field_group_is_404(client, drafter_a, draft):
    client.force_login(drafter_a)
    assert client.post(fields_url(draft, "status"), {}).status_code == 404


# --- print view and versions beside the editor -----------------------------------------------


def test_print_view_is_the_lampiran_table(client, reviewer, agency_a):
    standard = make_complete_standard(agency=agency_a)
    client.force_login(reviewer)
    response = client.get(reverse("standards:standard-print", args=[standard.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "STANDAR PELAYANAN" in html
    for word in ("NO.", "KOMPONEN", "URAIAN"):
        assert word in html
    assert "Gratis (tidak dipungut biaya)" in html
    assert "Rancangan — bukan dokumen yang ditetapkan" in html
    for kind in ComponentKind:
        assert str(kind.label) in html


def test_print_view_is_404_for_other_agencies(client, drafter_b, draft):
    client.force_login(drafter_b)
    assert client.get(reverse("standards:standard-print", args=[draft.pk])).status_code == 404


def test_preview_button_is_included(client, drafter_a, draft):
    client.force_login(drafter_a)
    response = client.get(page_url(draft))
    assert "standards/_preview_button.html" in [t.name for t in response.templates]


# --- query counts -----------------------------------------------------------------------------


def _editor_queries(client, standard, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(page_url(standard))
    assert response.status_code == 200
    return len(captured)


def test_editor_query_count_does_not_grow_with_rows(
    client, drafter_a, agency_a, django_assert_max_num_queries
):
    small = make_standard_with_rows(
        standard=StandardFactory(service=ServiceFactory(agency=agency_a)), steps=5, requirements=5
    )
    big = make_standard_with_rows(
        standard=StandardFactory(service=ServiceFactory(agency=agency_a)),
        steps=40,
        requirements=30,
    )
    client.force_login(drafter_a)
    client.get(page_url(small))  # warm the permission cache of the session user
    few = _editor_queries(client, small, django_assert_max_num_queries, 25)
    many = _editor_queries(client, big, django_assert_max_num_queries, 25)
    assert many == few
    html = client.get(page_url(big)).content.decode()
    assert html.count('id="baris-tahapan-') == 40
    assert html.count('id="baris-persyaratan-') == 30


def test_htmx_save_query_count_does_not_grow_with_rows(
    client, drafter_a, agency_a, django_assert_max_num_queries
):
    counts = []
    for steps in (5, 40):
        standard = make_standard_with_rows(
            standard=StandardFactory(service=ServiceFactory(agency=agency_a)),
            steps=steps,
            requirements=30,
        )
        client.force_login(drafter_a)
        with django_assert_max_num_queries(40) as captured:
            response = client.post(
                save_url(standard, "product"), component_post("product", "KK"), **HX
            )
        assert "Tersimpan" in response.content.decode()
        counts.append(len(captured))
    assert counts[0] == counts[1]

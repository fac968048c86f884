"""Rows of the standard's tables through the editor: every htmx endpoint and its twin
without JavaScript, stale edits, bad input beside the field, totals following the steps."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from standards.models import (
    ComplaintChannel,
    DurationUnit,
    LegalBasis,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    StandardStatus,
)
from standards.services import row_save
from tests.standards.factories import (
    RequirementFactory,
    ServiceFactory,
    StandardFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(agency_a):
    return StandardFactory(service=ServiceFactory(agency=agency_a))


@pytest.fixture
def editor(client, drafter_a):
    client.force_login(drafter_a)
    return client


def url(name, standard, rows, row=None):
    args = [standard.pk, rows] + ([row.pk] if row is not None else [])
    return reverse(f"standards:{name}", args=args)


def page(standard, anchor=""):
    return reverse("standards:standard-detail", args=[standard.pk]) + anchor


def step_data(prefix="baru-tahapan", revision=None, **overrides):
    values = {
        "actor": "Petugas loket",
        "action": "Menerima dan memeriksa berkas",
        "duration_value": "15",
        "duration_unit": DurationUnit.MINUTES,
        "applicant_fee": "",
        "agency_cost": "Rp 2.500",
        "output": "Tanda terima",
        **overrides,
    }
    data = {f"{prefix}-{k}": v for k, v in values.items()}
    if revision is not None:
        data[f"{prefix}-revision"] = str(revision)
    return data


ADD_DATA = {
    "persyaratan": {
        "baru-persyaratan-description": "Fotokopi KTP",
        "baru-persyaratan-kind": "administrative",
        "baru-persyaratan-timing": "start",
        "baru-persyaratan-step": "",
        "baru-persyaratan-notes": "",
    },
    "tahapan": step_data(),
    "saluran-pengaduan": {
        "baru-saluran-pengaduan-kind": "lapor",
        "baru-saluran-pengaduan-detail": "lapor.go.id",
    },
    "dasar-hukum": {
        "baru-dasar-hukum-kind": "uu",
        "baru-dasar-hukum-number": "25",
        "baru-dasar-hukum-year": "2009",
        "baru-dasar-hukum-title": "Pelayanan Publik",
    },
}
MODELS = {
    "persyaratan": Requirement,
    "tahapan": ProcedureStep,
    "saluran-pengaduan": ComplaintChannel,
    "dasar-hukum": LegalBasis,
}


# --- add -----------------------------------------------------------------------------


@pytest.mark.parametrize("rows", list(ADD_DATA))
def test_add_row_with_htmx_appends_it_and_resets_the_form(editor, draft, rows):
    response = editor.post(url("row-add", draft, rows), ADD_DATA[rows], **HX)
    assert response.status_code == 200
    row = MODELS[rows].objects.get(standard=draft)
    html = response.content.decode()
    # primary: the add form again (empty, open for the next row)
    assert html.lstrip().startswith(f'<div id="tambah-{rows}"')
    # out of band: the new row appended to the list; the check list and totals refreshed
    assert re.search(rf'hx-swap-oob="beforeend:#daftar-{rows}"', html)
    assert f'id="baris-{rows}-{row.pk}"' in html
    assert re.search(r'id="kelengkapan"[^>]*hx-swap-oob="true"', html)
    assert row.position == 1


@pytest.mark.parametrize("rows", list(ADD_DATA))
def test_add_row_without_javascript_redirects_to_its_anchor(editor, draft, rows):
    response = editor.post(url("row-add", draft, rows), ADD_DATA[rows])
    row = MODELS[rows].objects.get(standard=draft)
    assert response.status_code == 302
    assert response["Location"] == page(draft, f"#baris-{rows}-{row.pk}")


def test_adding_a_step_updates_totals_out_of_band_and_tells_requirement_forms(editor, draft):
    response = editor.post(
        url("row-add", draft, "tahapan"), step_data(applicant_fee="Rp 5.000"), **HX
    )
    html = response.content.decode()
    assert re.search(r'id="total-waktu"[^>]*hx-swap-oob="true"', html)
    assert "15 menit" in html
    assert re.search(r'id="total-biaya"[^>]*hx-swap-oob="true"', html)
    assert "Rp 5.000" in html
    assert "Rp 2.500" in html  # cost borne by the agency
    assert "steps-changed" in response["HX-Trigger"]
    step = ProcedureStep.objects.get(standard=draft)
    assert step.applicant_fee == Decimal(5000)  # "Rp 5.000" is 5000, never 5
    assert step.agency_cost == Decimal(2500)


def test_free_steps_read_gratis(editor, draft):
    response = editor.post(url("row-add", draft, "tahapan"), step_data(agency_cost="0"), **HX)
    assert "Gratis (tidak dipungut biaya)" in response.content.decode()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("duration_value", "-5", "tidak boleh negatif"),
        ("duration_value", "99999", "paling lama"),
        ("duration_value", "lima", "angka"),
        ("applicant_fee", "-5000", "rupiah"),
        ("applicant_fee", "Rp 5,5", "rupiah"),
        ("applicant_fee", "5.00.0", "rupiah"),
        ("applicant_fee", "Rp 2.000.000.000", "1.000.000.000"),
        ("agency_cost", "1" * 31, "terlalu panjang"),
        ("actor", "x" * 151, "150"),
        ("action", "Memeriksa\x00berkas", "null"),
        ("action", "Memeriksa\x1bberkas", "kendali"),
        ("output", "Tanda\u202eterima", "pengubah arah"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_bad_step_input_is_refused_beside_the_field_keeping_the_rest(
    editor, draft, field, value, message, htmx
):
    data = step_data(**{field: value})
    response = editor.post(url("row-add", draft, "tahapan"), data, **(HX if htmx else {}))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_baru-tahapan-{field}_error"' in html
    assert message in html
    # the other fields are still filled in
    if field != "actor":
        assert 'value="Petugas loket"' in html
    if field != "agency_cost":
        assert 'value="Rp 2.500"' in html
    assert not ProcedureStep.objects.filter(standard=draft).exists()
    if not htmx:
        assert "<h1>" in html  # the whole editor again, with this form open
        assert re.search(r'<details open>\s*<summary class="button">Tambah tahap', html)


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"baru-dasar-hukum-year": "1900"}, "year", "1945"),
        ({"baru-dasar-hukum-year": "3000"}, "year", "tidak masuk akal"),
        ({"baru-dasar-hukum-number": ""}, "number", "tidak boleh kosong"),
        ({"baru-dasar-hukum-title": "t" * 501}, "title", "500"),
    ],
)
def test_bad_legal_basis_is_refused(editor, draft, data, field, message):
    response = editor.post(
        url("row-add", draft, "dasar-hukum"), {**ADD_DATA["dasar-hukum"], **data}, **HX
    )
    html = response.content.decode()
    assert f'id="id_baru-dasar-hukum-{field}_error"' in html
    assert message in html
    assert not LegalBasis.objects.filter(standard=draft).exists()


def test_requirement_links_to_a_step_of_the_same_standard_only(editor, draft, agency_a):
    mine = StepFactory(standard=draft)
    other = StepFactory(standard=StandardFactory(service=ServiceFactory(agency=agency_a)))
    data = {**ADD_DATA["persyaratan"], "baru-persyaratan-step": str(other.pk)}
    response = editor.post(url("row-add", draft, "persyaratan"), data, **HX)
    assert 'id="id_baru-persyaratan-step_error"' in response.content.decode()
    assert not Requirement.objects.exists()
    data["baru-persyaratan-step"] = str(mine.pk)
    editor.post(url("row-add", draft, "persyaratan"), data, **HX)
    assert Requirement.objects.get().step == mine


def test_step_options_follow_the_steps_and_keep_the_choice(editor, draft):
    first = StepFactory(standard=draft, actor="Pemohon")
    second = StepFactory(standard=draft, actor="Verifikator")
    response = editor.get(
        reverse("standards:step-options", args=[draft.pk]),
        {"baru-persyaratan-step": str(second.pk)},
        **HX,
    )
    html = response.content.decode()
    assert f'<option value="{first.pk}">1. Pemohon' in html
    assert f'<option value="{second.pk}" selected>2. Verifikator' in html
    assert '<option value="">' in html


def test_requirement_form_listens_for_step_changes(editor, draft):
    html = editor.get(page(draft)).content.decode()
    assert re.search(
        r'<select name="baru-persyaratan-step"[^>]*hx-trigger="steps-changed from:body"', html
    )


# --- edit ------------------------------------------------------------------------------


def test_edit_row_with_htmx_returns_the_form_then_the_saved_row(editor, draft):
    step = StepFactory(standard=draft, duration_value=Decimal(15))
    edit = url("row-edit", draft, "tahapan", step)
    form_html = editor.get(edit, **HX).content.decode()
    assert form_html.lstrip().startswith(f'<li id="baris-tahapan-{step.pk}"')
    assert f'name="tahapan-{step.pk}-revision" value="0"' in form_html
    response = editor.post(
        edit,
        step_data(f"tahapan-{step.pk}", revision=0, duration_value="2", duration_unit="hours"),
        **HX,
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="baris-tahapan-{step.pk}"')
    assert "row-editing" not in html.split(">")[0]
    assert "2 jam" in html  # oob total
    step.refresh_from_db()
    assert (step.duration_value, step.duration_unit, step.revision) == (Decimal(2), "hours", 1)


def test_edit_row_without_javascript_opens_the_editor_with_the_form(editor, draft):
    step = StepFactory(standard=draft)
    response = editor.get(url("row-edit", draft, "tahapan", step))
    html = response.content.decode()
    assert "<h1>" in html
    assert f'action="{url("row-edit", draft, "tahapan", step)}"' in html
    response = editor.post(
        url("row-edit", draft, "tahapan", step),
        step_data(f"tahapan-{step.pk}", revision=0, actor="Kasi"),
    )
    assert response.status_code == 302
    assert response["Location"] == page(draft, f"#baris-tahapan-{step.pk}")
    step.refresh_from_db()
    assert step.actor == "Kasi"


def test_cancel_edit_shows_the_row_or_redirects_without_javascript(editor, draft):
    step = StepFactory(standard=draft, actor="Pemohon")
    show = url("row-show", draft, "tahapan", step)
    assert "Pemohon" in editor.get(show, **HX).content.decode()
    response = editor.get(show)
    assert response.status_code == 302
    assert response["Location"] == page(draft, f"#baris-tahapan-{step.pk}")


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_stale_row_edit_is_refused_and_keeps_the_input(editor, draft, head_a, htmx):
    requirement = RequirementFactory(standard=draft, description="KTP")
    requirement.description = "KTP asli"
    row_save(actor=head_a, standard=draft, row=requirement, revision=0)  # revision -> 1
    prefix = f"persyaratan-{requirement.pk}"
    data = {
        f"{prefix}-description": "Fotokopi KTP saya",
        f"{prefix}-kind": "administrative",
        f"{prefix}-timing": "start",
        f"{prefix}-revision": "0",
    }
    response = editor.post(
        url("row-edit", draft, "persyaratan", requirement), data, **(HX if htmx else {})
    )
    html = response.content.decode()
    assert "Tidak disimpan" in html
    assert head_a.get_full_name() in html
    assert 'value="Fotokopi KTP saya"' in html
    requirement.refresh_from_db()
    assert requirement.description == "KTP asli"


def test_edit_without_revision_is_refused(editor, draft):
    step = StepFactory(standard=draft)
    response = editor.post(
        url("row-edit", draft, "tahapan", step), step_data(f"tahapan-{step.pk}"), **HX
    )
    assert "muat ulang halaman" in response.content.decode()
    step.refresh_from_db()
    assert step.revision == 0


# --- move and delete ------------------------------------------------------------------------


def test_move_with_htmx_returns_the_list_in_the_new_order(editor, draft):
    a = StepFactory(standard=draft, position=1, actor="Pertama")
    b = StepFactory(standard=draft, position=2, actor="Kedua")
    response = editor.post(url("row-move", draft, "tahapan", b), {"arah": "naik"}, **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<ol id="daftar-tahapan"')
    assert html.index("Kedua") < html.index("Pertama")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (b.position, a.position) == (1, 2)
    assert "steps-changed" in response["HX-Trigger"]


def test_move_without_javascript_redirects(editor, draft):
    a = RequirementFactory(standard=draft, position=1)
    b = RequirementFactory(standard=draft, position=2)
    response = editor.post(url("row-move", draft, "persyaratan", a), {"arah": "turun"})
    assert response["Location"] == page(draft, f"#baris-persyaratan-{a.pk}")
    assert list(Requirement.objects.order_by("position")) == [b, a]


def test_move_with_unknown_direction_changes_nothing(editor, draft):
    a = RequirementFactory(standard=draft, position=1)
    RequirementFactory(standard=draft, position=2)
    editor.post(url("row-move", draft, "persyaratan", a), {"arah": "samping"})
    a.refresh_from_db()
    assert a.position == 1


def test_delete_with_htmx_removes_the_row_and_refreshes_totals(editor, draft):
    step = StepFactory(standard=draft, duration_value=Decimal(15))
    response = editor.post(url("row-delete", draft, "tahapan", step), **HX)
    html = response.content.decode()
    assert html.lstrip().startswith("<section")  # nothing for the row itself, then oob
    assert "belum dapat dihitung" in html
    assert not ProcedureStep.objects.filter(pk=step.pk).exists()


def test_delete_without_javascript_redirects_to_the_list(editor, draft):
    channel = ComplaintChannel.objects.create(standard=draft, kind="lapor", position=1)
    response = editor.post(url("row-delete", draft, "saluran-pengaduan", channel))
    assert response["Location"] == page(draft, "#daftar-saluran-pengaduan")
    assert not ComplaintChannel.objects.exists()


def test_delete_form_carries_the_rows_revision(editor, draft):
    step = StepFactory(standard=draft, revision=3)
    html = editor.get(page(draft)).content.decode()
    delete_url = url("row-delete", draft, "tahapan", step)
    form = html[html.index(f'action="{delete_url}"') :]
    assert '<input type="hidden" name="revisi" value="3">' in form[: form.index("</form>")]


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_deleting_a_row_changed_since_it_was_shown_is_refused(editor, draft, head_a, htmx):
    requirement = RequirementFactory(standard=draft, description="KTP")
    requirement.description = "KTP asli dan fotokopi"
    row_save(actor=head_a, standard=draft, row=requirement, revision=0)  # revision -> 1
    response = editor.post(
        url("row-delete", draft, "persyaratan", requirement),
        {"revisi": "0"},
        **(HX if htmx else {}),
    )
    assert Requirement.objects.filter(pk=requirement.pk).exists()
    if htmx:
        html = response.content.decode()
        assert "Tidak dihapus" in html and head_a.get_full_name() in html
        assert "KTP asli dan fotokopi" in html  # the row as it is now
    else:
        assert response["Location"] == page(draft, f"#baris-persyaratan-{requirement.pk}")
        assert "Tidak dihapus" in editor.get(response["Location"]).content.decode()
    # Its twin: with the revision the user saw, the row goes.
    editor.post(url("row-delete", draft, "persyaratan", requirement), {"revisi": "1"})
    assert not Requirement.objects.filter(pk=requirement.pk).exists()


# --- permissions ---------------------------------------------------------------------------


ENDPOINTS = ("row-add", "row-edit", "row-show", "row-delete", "row-move")


def _hit(client, name, standard, row, method="post"):
    target = url(name, standard, "tahapan", None if name == "row-add" else row)
    return getattr(client, method)(target, step_data(revision=0), **HX)


@pytest.mark.parametrize(
    "persona", ["drafter_b", "secretariat", "reviewer", "coordinator"], indirect=True
)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_rows_of_another_agency_are_404(client, persona, draft, name):
    step = StepFactory(standard=draft, actor="Asli")
    client.force_login(persona)
    method = "get" if name == "row-show" else "post"
    assert _hit(client, name, draft, step, method).status_code == 404
    step.refresh_from_db()
    assert step.actor == "Asli"
    assert ProcedureStep.objects.filter(standard=draft).count() == 1


@pytest.mark.parametrize("name", ["row-add", "row-edit", "row-delete", "row-move"])
def test_rows_of_a_standard_in_force_are_403(editor, draft, name):
    step = StepFactory(standard=draft)
    ServiceStandard.objects.filter(pk=draft.pk).update(status=StandardStatus.IN_FORCE)
    assert _hit(editor, name, draft, step).status_code == 403
    assert ProcedureStep.objects.filter(standard=draft).count() == 1


def test_a_row_of_another_standard_is_404_through_this_one(editor, draft, agency_a):
    other = StandardFactory(service=ServiceFactory(agency=agency_a))
    foreign = StepFactory(standard=other)
    for name in ("row-edit", "row-delete", "row-move"):
        assert _hit(editor, name, draft, foreign).status_code == 404
    assert ProcedureStep.objects.filter(pk=foreign.pk).exists()


def test_unknown_row_table_is_404(editor, draft):
    assert (
        editor.post(reverse("standards:row-add", args=[draft.pk, "status"]), {}).status_code == 404
    )


def test_anonymous_is_sent_to_login(client, draft):
    step = StepFactory(standard=draft)
    response = _hit(client, "row-edit", draft, step)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

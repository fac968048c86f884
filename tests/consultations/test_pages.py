"""The consultation pages: plan, invitees, attendance at the door (htmx and plain forms),
live inputs, outcomes, close; and query counts that stay flat as rows grow."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import Consultation, ConsultationStatus, InputOutcome
from standards.models import ComponentKind
from tests.consultations.conftest import (
    add_participant,
    add_required_scans,
    make_held,
    plan,
)
from tests.standards.factories import ServiceFactory, StandardFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, consultation, *extra):
    return reverse(
        f"consultations:{name}", args=[consultation.agency.slug, consultation.pk, *extra]
    )


def test_plan_a_consultation(client, drafter_a, agency_a, standard_a, standard_a2):
    client.force_login(drafter_a)
    create = reverse("consultations:consultation-create", args=[agency_a.slug])
    page = client.get(create).content.decode()
    assert "Akta Kelahiran" in page and "Diskusi Grup Terfokus (FGD)" in page
    assert "<legend>" in page  # radio and checkbox groups are fieldsets
    response = client.post(
        create,
        {
            "method": "hearing",
            "starts_at": "2026-03-10T09:00",
            "place": "Aula Kantor",
            "agenda": "Pembahasan",
            "chair_name": "Kepala Dinas",
            "note_taker_name": "Sekretaris",
            "standards": [standard_a.pk, standard_a2.pk],
            "invitation_number": "005/1",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("participant-list", consultation)
    assert consultation.method == "hearing"
    local = timezone.localtime(consultation.starts_at)
    assert (local.hour, local.utcoffset()) == (9, timedelta(hours=8))  # WITA
    assert set(consultation.standards.all()) == {standard_a, standard_a2}


def test_plan_errors_keep_the_input(client, drafter_a, agency_a, standard_a):
    client.force_login(drafter_a)
    response = client.post(
        reverse("consultations:consultation-create", args=[agency_a.slug]),
        {"method": "fgd", "place": "Aula\u202eKantor", "agenda": "Agenda saya"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "pengubah arah tulisan" in content
    assert "Agenda saya" in content
    assert "Pilih paling sedikit satu rancangan standar." in content
    assert not Consultation.objects.exists()


def test_plan_page_without_drafts_explains(client, drafter_b, agency_b):
    client.force_login(drafter_b)
    content = client.get(reverse("consultations:consultation-create", args=[agency_b.slug]))
    assert "belum memiliki rancangan" in content.content.decode()


def test_add_invitee_and_walk_in(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(
        url("participant-list", consultation),
        {
            "name": "Hj. Nurhayati",
            "organisation": "PKK Kelurahan Api-Api",
            "category": "related_organisation",
            "contact": "0812",
            "signs_minutes": "on",
        },
    )
    assert response.status_code == 302
    invitee = consultation.participants.get()
    assert invitee.invited and not invitee.attended and invitee.signs_minutes
    response = client.post(
        url("walk-in-add", consultation),
        {"datang-name": "Warga", "datang-category": "service_user"},
    )
    assert response.status_code == 302
    walk_in = consultation.participants.get(name="Warga")
    assert walk_in.attended and not walk_in.invited


def test_walk_in_errors_show_on_the_attendance_page(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(url("walk-in-add", consultation), {"datang-name": ""})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_datang-name_error"' in content


def test_attendance_toggle_with_htmx_returns_the_row_and_the_count(
    client, drafter_a, consultation, public_participant
):
    client.force_login(drafter_a)
    toggle = url("attendance-toggle", consultation, public_participant.pk)
    response = client.post(toggle, {"attended": "1"}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith(f'<li id="peserta-{public_participant.pk}"')
    assert 'aria-pressed="true"' in content
    assert 'id="jumlah-hadir"' in content and 'hx-swap-oob="true"' in content
    assert "<strong>1</strong> dari 1" in content
    # A second tap on a slow connection posts the same wanted state: still present.
    client.post(toggle, {"attended": "1"}, **HTMX)
    public_participant.refresh_from_db()
    assert public_participant.attended
    client.post(toggle, {"attended": "0"}, **HTMX)
    public_participant.refresh_from_db()
    assert not public_participant.attended


def test_attendance_toggle_without_javascript_redirects_to_the_row(
    client, drafter_a, consultation, public_participant
):
    client.force_login(drafter_a)
    response = client.post(
        url("attendance-toggle", consultation, public_participant.pk), {"attended": "1"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#peserta-{public_participant.pk}")


def test_attendance_page_has_big_buttons_and_search(client, drafter_a, consultation):
    add_participant(drafter_a, consultation, name="Andi")
    add_participant(drafter_a, consultation, name="Budi", organisation="LSM Peduli")
    client.force_login(drafter_a)
    content = client.get(url("attendance", consultation)).content.decode()
    assert content.count('class="cons-door-button"') == 2
    assert 'hx-post="' in content and 'aria-pressed="false"' in content
    found = client.get(url("attendance", consultation), {"q": "peduli"}).content.decode()
    assert "Budi" in found and "Andi" not in found


def test_record_input_with_htmx_updates_form_and_list(
    client, drafter_a, consultation, standard_a, public_participant
):
    client.force_login(drafter_a)
    data = {
        "standard": standard_a.pk,
        "component": "fee",
        "raised_by": public_participant.pk,
        "mark_present": "on",
        "text": "Mohon biaya dihapus.",
    }
    response = client.post(url("input-list", consultation), data, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<form id="form-masukan"')
    assert '<ol id="daftar-masukan"' in content and 'hx-swap-oob="true"' in content
    assert "Mohon biaya dihapus." in content
    assert "Masukan nomor 1 dicatat." in content
    # The standard and component stay selected for the next input; the text is empty.
    form_part = content.split('<ol id="daftar-masukan"')[0]
    assert '<option value="fee" selected>' in form_part
    assert "Mohon biaya dihapus." not in form_part
    assert consultation.inputs.get().text == "Mohon biaya dihapus."


def test_record_input_errors_with_htmx(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(url("input-list", consultation), {"text": "tanpa penyampai"}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "field-errors" in content and "tanpa penyampai" in content
    assert not consultation.inputs.exists()


def test_record_input_without_javascript(
    client, drafter_a, consultation, standard_a, public_participant
):
    client.force_login(drafter_a)
    response = client.post(
        url("input-list", consultation),
        {
            "standard": standard_a.pk,
            "component": "fee",
            "raised_by": public_participant.pk,
            "mark_present": "on",
            "text": "x",
        },
    )
    assert response.status_code == 302
    assert "#masukan-" in response["Location"]


def test_decide_adopted_and_not_adopted(
    client, drafter_a, consultation, standard_a, public_participant
):
    entries = [
        services.input_record(
            actor=drafter_a,
            consultation=consultation,
            standard=standard_a,
            component=ComponentKind.FEE,
            raised_by=public_participant,
            mark_present=True,  # the recorder confirms they were there
            text=text,
        )
        for text in ("Gratiskan.", "Tambah loket.")
    ]
    client.force_login(drafter_a)
    response = client.post(
        url("input-decide", consultation, entries[0].pk),
        {"outcome": "adopted", "change_component": "fee", "change_description": "Biaya Rp 0."},
    )
    assert response.status_code == 302
    response = client.post(
        url("input-decide", consultation, entries[1].pk), {"outcome": "not_adopted"}
    )
    assert response.status_code == 200
    assert "Tuliskan alasan masukan ini tidak diterima." in response.content.decode()
    client.post(
        url("input-decide", consultation, entries[1].pk),
        {"outcome": "not_adopted", "reason": "Anggaran tidak tersedia."},
    )
    outcomes = dict(consultation.inputs.values_list("text", "outcome"))
    assert outcomes == {
        "Gratiskan.": InputOutcome.ADOPTED,
        "Tambah loket.": InputOutcome.NOT_ADOPTED,
    }


def test_close_page_lists_what_is_missing_then_closes(client, drafter_a, consultation):
    make_held(drafter_a, consultation)
    client.force_login(drafter_a)
    close = url("consultation-close", consultation)
    page = client.get(close).content.decode()
    assert "Pasal 12 ayat (3): pindaian bukti undangan belum diunggah." in page
    response = client.post(close, {"minutes_number": "BA/1", "confirm": "on"})
    assert response.status_code == 200
    assert Consultation.objects.get().status == ConsultationStatus.HELD
    add_required_scans(drafter_a, consultation)
    response = client.post(close, {"minutes_number": "BA/1", "confirm": "on"})
    assert response.status_code == 302
    assert Consultation.objects.get().status == ConsultationStatus.MINUTES_SIGNED


def test_mark_held_shows_the_reason(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(url("consultation-mark-held", consultation), follow=True)
    assert "Pasal 11 ayat (1)-(2)" in response.content.decode()


def test_user_text_is_escaped(client, drafter_a, consultation, standard_a):
    evil = add_participant(drafter_a, consultation, name="<script>alert(1)</script>")
    services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component="fee",
        raised_by=evil,
        mark_present=True,  # the recorder confirms they were there
        text="<img src=x onerror=alert(1)>",
    )
    client.force_login(drafter_a)
    for name in ("participant-list", "attendance", "input-list", "consultation-detail"):
        content = client.get(url(name, consultation)).content.decode()
        assert "<script>alert(1)" not in content and "<img src=x" not in content


def test_pages_have_no_inline_script_or_style(client, drafter_a, consultation, public_participant):
    client.force_login(drafter_a)
    for name in (
        "consultation-detail",
        "participant-list",
        "attendance",
        "input-list",
        "scan-list",
    ):
        content = client.get(url(name, consultation)).content.decode()
        assert " style=" not in content and " onclick=" not in content and "<style" not in content


# --- query counts ----------------------------------------------------------------------


def _populate(actor, agency, consultations=3, participants=12, inputs=8, standards=3):
    made = []
    drafts = [StandardFactory(service=ServiceFactory(agency=agency)) for _ in range(standards)]
    for _n in range(consultations):
        consultation = plan(actor, agency, drafts)
        people = [
            add_participant(actor, consultation, name=f"Peserta {i}") for i in range(participants)
        ]
        for i in range(inputs):
            services.input_record(
                actor=actor,
                consultation=consultation,
                standard=drafts[i % standards],
                component=ComponentKind.values[i % 14],
                raised_by=people[i % participants],
                mark_present=True,  # the recorder confirms they were there
                text=f"Masukan {i}",
            )
        add_required_scans(actor, consultation)
        made.append(consultation)
    return made


LIST_QUERIES = 10
PAGE_QUERIES = 15


@pytest.mark.parametrize("size", [1, 4])
def test_list_page_queries_do_not_grow(
    client, drafter_a, agency_a, size, django_assert_max_num_queries
):
    _populate(drafter_a, agency_a, consultations=3 * size, participants=3 * size, inputs=2 * size)
    client.force_login(drafter_a)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(reverse("consultations:consultation-list", args=[agency_a.slug]))
    assert response.content.decode().count('class="card cons-card"') == 3 * size


@pytest.mark.parametrize(
    "name", ["consultation-detail", "participant-list", "attendance", "input-list", "scan-list"]
)
@pytest.mark.parametrize("size", [1, 4])
def test_consultation_page_queries_do_not_grow(
    client, drafter_a, agency_a, name, size, django_assert_max_num_queries
):
    [consultation] = _populate(
        drafter_a, agency_a, consultations=1, participants=10 * size, inputs=8 * size
    )
    client.force_login(drafter_a)
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(url(name, consultation))
    assert response.status_code == 200


def test_trace_selector_queries_do_not_grow(drafter_a, agency_a, django_assert_max_num_queries):
    from consultations.selectors import inputs_for_standard

    consultations = _populate(drafter_a, agency_a, consultations=3, participants=5, inputs=9)
    standard = consultations[0].standards.first()
    for entry in standard.consultation_inputs.all():
        services.input_decide(
            actor=drafter_a,
            entry=entry,
            outcome="adopted",
            change_component=entry.component,
            change_description="Diubah.",
        )
    with django_assert_max_num_queries(3):
        entries = inputs_for_standard(standard)
        [(e.raised_by.name, e.consultation.starts_at, e.linked_change) for e in entries]
    assert len(entries) == 9

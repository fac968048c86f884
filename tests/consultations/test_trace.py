"""The trace input -> change shown on a standard's page (Pasal 4 ayat (2)-(3))."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from consultations import services
from consultations.selectors import change_record_from_key, change_records_for, inputs_for_standard
from standards.models import ComponentKind
from standards.services import component_save
from tests.consultations.conftest import add_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def traced(drafter_a, consultation, standard_a):
    speaker = add_participant(drafter_a, consultation, name="Ibu Ratna", organisation="LSM Mata")
    adopted = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.FACILITIES,
        raised_by=speaker,
        mark_present=True,  # the recorder confirms they were there
        text="Sediakan kursi roda.",
    )
    services.input_decide(
        actor=drafter_a,
        entry=adopted,
        outcome="adopted",
        change_component=ComponentKind.FACILITIES,
        change_description="Kursi roda ditambahkan pada sarana.",
    )
    component_save(
        actor=drafter_a,
        standard=standard_a,
        kind=ComponentKind.FACILITIES,
        text="Ruang tunggu, kursi roda.",
        revision=0,
    )
    record = change_record_from_key(standard_a, change_records_for(standard_a)[0].key)
    services.input_link_change(actor=drafter_a, entry=adopted, record=record)
    rejected = services.input_record(
        actor=drafter_a,
        consultation=consultation,
        standard=standard_a,
        component=ComponentKind.FEE,
        raised_by=speaker,
        mark_present=True,  # the recorder confirms they were there
        text="Hapus biaya.",
    )
    services.input_decide(
        actor=drafter_a, entry=rejected, outcome="not_adopted", reason="Tidak ada biaya."
    )
    return standard_a


def test_selector_returns_inputs_with_their_change(traced):
    entries = inputs_for_standard(traced)
    assert [e.text for e in entries] == ["Sediakan kursi roda.", "Hapus biaya."]
    assert entries[0].linked_change.component == ComponentKind.FACILITIES
    assert "kursi roda" in entries[0].linked_change.summary
    assert entries[1].linked_change is None


def test_partial_shows_input_outcome_and_change(traced):
    html = render_to_string(
        "consultations/_standard_trace.html",
        {"standard": traced, "trace_inputs": inputs_for_standard(traced)},
    )
    for text in (
        "Sediakan kursi roda.",
        "Kursi roda ditambahkan pada sarana.",
        "Sarana dan Prasarana/Fasilitas",
        "Ibu Ratna",
        "Tidak diterima",
        "Tidak ada biaya.",
        "Riwayat:",
    ):
        assert text in html


def test_template_tag_for_the_standard_page_and_the_public(traced):
    staff = Template("{% load consultation_trace %}{% standard_trace standard %}").render(
        Context({"standard": traced})
    )
    public = Template(
        "{% load consultation_trace %}{% standard_trace standard public=True %}"
    ).render(Context({"standard": traced}))
    assert "Ibu Ratna" in staff
    assert "Ibu Ratna" not in public and "LSM Mata" in public


def test_other_versions_have_their_own_trace(traced, standard_a2):
    assert inputs_for_standard(standard_a2) == []
    html = render_to_string(
        "consultations/_standard_trace.html", {"standard": standard_a2, "trace_inputs": []}
    )
    assert "Belum ada masukan" in html


def test_publication_part_leaves_out_the_speakers_name(traced):
    """What the portal publishes of the trace (portal.publication): outcomes, the
    change or the reason, the speaker's category and organisation, never the name."""
    import json

    from consultations.selectors import public_trace

    entries = public_trace(traced)["trace"]
    assert [e["outcome"] for e in entries] == ["adopted", "not_adopted"]
    assert entries[0]["change_description"] == "Kursi roda ditambahkan pada sarana."
    assert entries[0]["linked_change"]
    assert entries[1]["reason"] == "Tidak ada biaya."
    assert entries[0]["organisation"] == "LSM Mata"
    assert "Ibu Ratna" not in json.dumps(entries)

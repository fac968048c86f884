"""Application records (Pasal 13) and evaluations (Pasal 16 ayat (1), (2), (4))."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from monitoring.models import ActivityDocument, Evaluation, FollowUpStatus
from monitoring.services import (
    evaluation_follow_up_create,
    evaluation_follow_up_start_revision,
    evaluation_record,
)
from standards.models import ServiceStandard, StandardStatus
from tests.consultations.conftest import pdf_bytes
from tests.standards.factories import make_complete_standard

pytestmark = pytest.mark.django_db


def _detail(standard):
    return reverse(
        "monitoring:application-detail", args=[standard.service.agency.slug, standard.pk]
    )


def test_drafter_records_internalisation_with_documentation(client, drafter_a, in_force):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(drafter_a)
    response = client.post(
        _detail(in_force),
        {
            "form": "activity",
            "kind": "internalisation",
            "held_on": "2026-02-03",
            "audience": "Seluruh pegawai Disdukcapil",
            "participants": 35,
            "summary": "Penjelasan standar pelayanan kepada pelaksana.",
            "files": SimpleUploadedFile("daftar-hadir.pdf", pdf_bytes(), "application/pdf"),
        },
    )
    assert response.status_code == 302
    document = ActivityDocument.objects.get()
    assert document.activity.kind == "internalisation" and document.sha256
    download = client.get(
        reverse("monitoring:activity-document", args=["disdukcapil", document.pk])
    )
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    overview = client.get(reverse("monitoring:application-list", args=["disdukcapil"]))
    assert "✓ 1" in overview.content.decode()


def test_a_fake_pdf_is_refused(client, drafter_a, in_force):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(drafter_a)
    response = client.post(
        _detail(in_force),
        {
            "form": "activity",
            "kind": "socialisation",
            "held_on": "2026-02-03",
            "audience": "Masyarakat",
            "participants": 10,
            "summary": "Sosialisasi",
            "files": SimpleUploadedFile("x.pdf", b"<html>", "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert not ActivityDocument.objects.exists()


def test_other_agency_gets_404(client, head_b, drafter_b, in_force):
    client.force_login(drafter_b)
    assert client.get(_detail(in_force)).status_code == 404


def test_head_records_evaluation_and_a_follow_up_starts_a_linked_revision(head_a, in_force):
    evaluation = evaluation_record(
        actor=head_a,
        standard=in_force,
        evaluated_on=datetime.date(2026, 3, 1),
        methods=["method_documents", "method_survey"],
        success_factors="Persyaratan jelas.",
        inhibiting_factors="Antrean panjang pada jam sibuk.",
    )
    follow_up = evaluation_follow_up_create(
        actor=head_a,
        evaluation=evaluation,
        action="Terapkan antrean daring",
        owner="Sekretaris",
        due_on=datetime.date(2026, 6, 30),
    )
    linked = evaluation_follow_up_start_revision(
        actor=head_a,
        follow_up=follow_up,
        reason="technology",
        explanation="Pendaftaran antrean daring.",
    )
    assert linked.revision.previous_id == in_force.pk
    assert linked.revision.status == StandardStatus.DRAFT
    assert linked.status == FollowUpStatus.IN_PROGRESS
    assert linked.revision.evaluation_follow_up == linked
    with pytest.raises(ValidationError):
        evaluation_follow_up_start_revision(
            actor=head_a, follow_up=linked, reason="technology", explanation="Lagi."
        )


def test_evaluation_needs_a_method_and_the_head(head_a, drafter_a, in_force):
    values = {
        "standard": in_force,
        "evaluated_on": datetime.date(2026, 3, 1),
        "success_factors": "a",
        "inhibiting_factors": "b",
    }
    with pytest.raises(ValidationError):
        evaluation_record(actor=head_a, methods=[], **values)
    with pytest.raises(PermissionDenied):
        evaluation_record(actor=drafter_a, methods=["method_survey"], **values)
    assert not Evaluation.objects.exists()


def test_evaluation_through_the_page(client, head_a, in_force):
    client.force_login(head_a)
    response = client.post(
        _detail(in_force),
        {
            "form": "evaluation",
            "evaluated_on": "2026-03-01",
            "methods": ["method_interview", "method_observation"],
            "success_factors": "Petugas ramah.",
            "inhibiting_factors": "Server lambat.",
        },
    )
    assert response.status_code == 302
    page = client.get(_detail(in_force)).content.decode()
    assert "Wawancara" in page or "wawancara" in page
    assert "Server lambat." in page


def test_standard_page_shows_whether_it_was_internalised_and_socialised(
    client, drafter_a, agency_a
):
    from django.urls import reverse

    from monitoring.models import ActivityKind, ImplementationActivity
    from standards.models import StandardStatus

    standard = make_complete_standard(agency=agency_a)
    ServiceStandard.objects.filter(pk=standard.pk).update(status=StandardStatus.IN_FORCE)
    ImplementationActivity.objects.create(
        standard=standard,
        kind=ActivityKind.INTERNALISATION,
        held_on="2026-11-02",
        audience="Petugas loket",
        participants=8,
        summary="Pembekalan standar baru.",
    )
    client.force_login(drafter_a)
    content = client.get(reverse("standards:standard-detail", args=[standard.pk])).content.decode()
    section = content.split("Penerapan (Pasal 13)")[1]
    assert "Internalisasi kepada pelaksana: <strong>sudah</strong>" in section
    assert "Sosialisasi kepada masyarakat: belum" in section


def test_a_second_revision_is_refused_with_the_reason_and_a_link_to_the_open_draft(
    client, head_a, in_force
):
    """Issue 17 point 5: not a bare 404, but why, and where the open draft is."""
    evaluation = evaluation_record(
        actor=head_a,
        standard=in_force,
        evaluated_on=datetime.date(2026, 3, 1),
        methods=["method_documents"],
        success_factors="Persyaratan jelas.",
        inhibiting_factors="Antrean panjang.",
    )
    first, second = (
        evaluation_follow_up_create(
            actor=head_a,
            evaluation=evaluation,
            action=action,
            owner="Sekretaris",
            due_on=datetime.date(2026, 6, 30),
        )
        for action in ("Antrean daring", "Loket prioritas")
    )
    draft = evaluation_follow_up_start_revision(
        actor=head_a, follow_up=first, reason="technology", explanation="Antrean daring."
    ).revision
    client.force_login(head_a)
    detail = client.get(_detail(in_force)).content.decode()
    assert 'href="' + reverse("standards:standard-detail", args=[draft.pk]) + '"' in detail
    url = reverse(
        "monitoring:evaluation-follow-up-revise", args=["disdukcapil", in_force.pk, second.pk]
    )
    response = client.post(
        url, {"reason": "innovation", "explanation": "Loket prioritas."}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Layanan ini sudah memiliki rancangan versi baru (versi 2)." in page
    draft_url = reverse("standards:standard-detail", args=[draft.pk])
    assert f'<a href="{draft_url}">Buka rancangan versi 2</a>' in page
    assert client.get(draft_url).status_code == 200
    second.refresh_from_db()
    assert second.revision is None
    assert ServiceStandard.objects.filter(service=in_force.service).count() == 2

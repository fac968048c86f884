"""Another agency's object is always 404: on every staff URL of every app, GET and POST.

The URLs come from the URLconf (tests/support/routes.py), so a URL added later is asked
too: each parameter is filled with an object of agency B (or, for a URL that takes two
objects, one of agency A and one of agency B), and a drafter and the head of agency A must
get 404, exactly as for an object that does not exist. The twin test asks the same URLs of
agency B as its own head and must not get 404: the 404s are the access check's, not a
wrong sample. A parameter this module does not know fails the test until it is added here;
a URL whose parameters name no agency's object is listed in NOT_AN_AGENCY_OBJECT.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings

from agencies.models import MembershipRole
from consultations import services as consultation_services
from documents.models import Document, DocumentKind, DocumentStatus
from maklumat.models import MaklumatStatus
from monitoring import services as monitoring_services
from standards import decrees
from standards.models import (
    ReviewNote,
    ServiceStandard,
    SpreadsheetUpload,
    StandardStatus,
)
from tests.conftest import make_member
from tests.consultations.conftest import add_participant, clean_pdf, plan
from tests.factories import AgencyFactory
from tests.maklumat.factories import MaklumatFactory, SetMaklumatFactory
from tests.standards.factories import (
    ChannelFactory,
    LegalBasisFactory,
    StandardFactory,
    make_complete_standard,
    make_standard_with_rows,
)
from tests.standards.workflow_fixtures import PDF, form_team
from tests.support.routes import STAFF_ROUTES, fill, parameters

# Staff URLs with parameters that name no object of an agency.
NOT_AN_AGENCY_OBJECT = {
    # The user's own notifications (agencies.notifications filters by recipient).
    "kelola/pemberitahuan/<int:pk>/baca/",
}
# Parameters that choose among fixed values (a row type, a component, an act), the same
# for every agency: they are never the object of another agency.
PLAIN = {"rows", "kind", "group", "action", "version"}


@dataclass
class World:
    """One agency with an object of every kind that a staff URL takes."""

    agency: object
    drafter: object
    head: object
    values: dict  # (parameter, segment before it or "") -> value


def _file(name: str, content: bytes = PDF) -> ContentFile:
    return ContentFile(content, name=name)


def _ready_document(agency, subject, kind) -> Document:
    document = Document(
        kind=kind,
        agency=agency,
        title="Pratinjau",
        status=DocumentStatus.READY,
        sha256=hashlib.sha256(PDF).hexdigest(),
        size=len(PDF),
        page_count=1,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
    )
    document.file.save("pratinjau.pdf", _file("pratinjau.pdf"), save=False)
    document.save()
    return document


def build_world(slug: str) -> World:
    agency = AgencyFactory(slug=slug, name=f"Dinas {slug}", short_name=slug)
    drafter = make_member(agency, MembershipRole.DRAFTER, username=f"penyusun-{slug}")
    head = make_member(agency, MembershipRole.HEAD, username=f"kepala-{slug}")

    # Version 1 in force, version 2 a draft with a row of each kind.
    in_force = make_complete_standard(agency=agency)
    ServiceStandard.objects.filter(pk=in_force.pk).update(
        status=StandardStatus.IN_FORCE, in_force_since=datetime.date(2025, 1, 2)
    )
    in_force.refresh_from_db()
    service = in_force.service
    draft = StandardFactory(service=service, version=2, previous=in_force)
    make_standard_with_rows(standard=draft, steps=1, requirements=1)
    ChannelFactory(standard=draft, position=1)
    LegalBasisFactory(standard=draft, position=1)
    preview = _ready_document(agency, draft, DocumentKind.STANDARD_PREVIEW)

    team = form_team(agency, chair_user=drafter)
    team.decree_scan.save("sk-tim.pdf", _file("sk-tim.pdf"), save=False)
    team.decree_scan_name = "sk-tim.pdf"
    team.save()
    member = team.members.order_by("pk").first()

    decree = decrees.decree_create(actor=drafter, agency=agency, standards=[draft])
    decree.signed_scan.save("pindaian.pdf", _file("pindaian.pdf"), save=False)
    decree.signed_scan_name, decree.signed_scan_type = "pindaian.pdf", "application/pdf"
    decree.save()
    note = ReviewNote.objects.create(decree=decree, standard=draft, text="Lengkapi.", author=head)

    upload = SpreadsheetUpload(
        agency=agency,
        uploaded_by=head,
        original_name="layanan.csv",
        content_type="text/csv",
        sha256=hashlib.sha256(b"nama\n").hexdigest(),
    )
    upload.file.save("buku-kerja", ContentFile(b"nama\n"), save=False)
    upload.save()

    SetMaklumatFactory(agency=agency)
    MaklumatFactory(agency=agency, status=MaklumatStatus.DRAFT)

    consultation = plan(drafter, agency, [draft])
    participant = add_participant(drafter, consultation)
    entry = consultation_services.input_record(
        actor=drafter,
        consultation=consultation,
        standard=draft,
        component="fee",
        raised_by=participant,
        mark_present=True,
        text="Biaya?",
    )
    [scan] = consultation_services.scan_add(
        actor=drafter, consultation=consultation, kind="invitation", uploads=[clean_pdf()]
    )

    period = monitoring_services.survey_period_open(
        actor=head, agency=agency, kind="year", year=2026, population=1000
    )
    survey_follow_up = monitoring_services.survey_follow_up_create(
        actor=head,
        period=period,
        element="complaints",
        action="Sediakan kotak pengaduan",
        owner="Sekretaris",
        due_on=datetime.date(2026, 12, 31),
    )
    evaluation = monitoring_services.evaluation_record(
        actor=head,
        standard=in_force,
        evaluated_on=datetime.date(2026, 3, 1),
        methods=["method_documents"],
        success_factors="Persyaratan jelas.",
        inhibiting_factors="Antrean panjang.",
    )
    evaluation_follow_up = monitoring_services.evaluation_follow_up_create(
        actor=head,
        evaluation=evaluation,
        action="Terapkan antrean daring",
        owner="Sekretaris",
        due_on=datetime.date(2026, 6, 30),
    )
    activity = monitoring_services.activity_record(
        actor=drafter,
        standard=in_force,
        kind="internalisation",
        held_on=datetime.date(2026, 2, 3),
        audience="Seluruh pegawai",
        participants=20,
        summary="Penjelasan standar pelayanan.",
        uploads=[clean_pdf("daftar-hadir.pdf")],
    )

    values = {
        ("agency_slug", ""): agency.slug,
        # standards
        ("pk", "standar"): draft.pk,
        ("other_pk", "banding"): in_force.pk,
        ("rows", ""): "tahapan",
        ("row_pk", ""): draft.steps.get().pk,
        ("kind", "komponen"): "facilities",
        ("group", "isian"): "biaya",
        ("pk", "layanan"): service.pk,
        ("pk", "impor"): upload.pk,
        ("member_pk", "anggota"): member.pk,
        ("pk", "keputusan"): decree.pk,
        ("action", "tindakan"): "submit",
        ("pk", "catatan"): note.pk,
        # maklumat
        ("version", "versi"): 1,
        # consultations
        ("pk", "pembahasan"): consultation.pk,
        ("participant_pk", "hadir"): participant.pk,
        ("participant_pk", "peserta"): participant.pk,
        ("input_pk", "masukan"): entry.pk,
        ("scan_pk", "pindaian"): scan.pk,
        ("kind", "dokumen"): "undangan",
        # monitoring
        ("pk", "penerapan"): in_force.pk,
        ("evaluation_pk", "evaluasi"): evaluation.pk,
        ("follow_up_pk", "tindak-lanjut"): evaluation_follow_up.pk,
        ("pk", "dokumen"): activity.documents.get().pk,
        ("pk", "skm"): period.pk,
        ("service_pk", "poster"): service.pk,
        ("pk", "tindak-lanjut"): survey_follow_up.pk,
        # documents: a document that is not issued (verifikasi/<code>/unduh/)
        ("code", "verifikasi"): preview.code,
    }
    return World(agency=agency, drafter=drafter, head=head, values=values)


def _value(world: World, name: str, before: str):
    for key in ((name, before), (name, "")):
        if key in world.values:
            return world.values[key]
    raise LookupError(f"no sample for <{name}> after '{before}/': add one to build_world()")


ROUTES = [route for route, _pattern in STAFF_ROUTES if parameters(route)]
ROUTES = [route for route in ROUTES if route not in NOT_AN_AGENCY_OBJECT]
# Public URLs that serve an agency's files to those who may read the agency.
ROUTES.append("verifikasi/<str:code>/unduh/")


def variants(route: str, a: World, b: World) -> list[dict]:
    """Every object of agency B; and, where the URL takes more than one object, each
    object of B in turn among objects of A (the agency checked, the object not looked up
    within it)."""
    params = parameters(route)
    objects = [name for name, _before in params if name not in PLAIN]
    found = [{name: _value(b, name, before) for name, before in params}]
    if len(objects) > 1:
        for foreign in objects:
            found.append(
                {name: _value(b if name == foreign else a, name, before) for name, before in params}
            )
    return found


# --- the two agencies, built once for the module --------------------------------------


@pytest.fixture(scope="module")
def _media_in_tmp(tmp_path_factory):
    """The files of the module's worlds live as long as the worlds (overrides conftest)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker, _media_in_tmp):
    """Agencies A and B, written in a transaction that is rolled back after the module;
    each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = {"a": build_world("dinas-a"), "b": build_world("dinas-b")}
        yield built
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _ask(client, path: str) -> dict[str, int]:
    return {"GET": client.get(path).status_code, "POST": client.post(path).status_code}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["drafter", "head"])
@pytest.mark.parametrize("route", ROUTES)
def test_another_agencys_object_is_404(client, worlds, route, persona):
    a, b = worlds["a"], worlds["b"]
    client.force_login(getattr(a, persona))
    for values in variants(route, a, b):
        path = fill(route, values)
        answers = _ask(client, path)
        # 405: the method is refused before any object is looked up, as for a missing one.
        assert set(answers.values()) <= {404, 405} and 404 in answers.values(), (path, answers)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_the_agencys_own_head_reaches_the_same_url(client, worlds, route):
    b = worlds["b"]
    client.force_login(b.head)
    path = fill(route, {name: _value(b, name, before) for name, before in parameters(route)})
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    assert response.status_code != 404, path


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if len(parameters(r)) > 1])
def test_each_object_of_agency_a_alone_reaches_the_url(client, worlds, route):
    """The twin of the mixed variants: with A's objects only, A's head is not refused."""
    a = worlds["a"]
    client.force_login(a.head)
    path = fill(route, {name: _value(a, name, before) for name, before in parameters(route)})
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    assert response.status_code != 404, path


def test_the_exceptions_name_existing_staff_urls():
    staff = {route for route, _pattern in STAFF_ROUTES}
    assert staff >= NOT_AN_AGENCY_OBJECT

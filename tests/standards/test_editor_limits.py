"""The editor never loses text silently: limits shown with a live count instead of a
cutting `maxlength`, a text over the limit refused beside the field and kept; a step that
requirements are linked to is deleted only after the drafter confirms it, and the diff
says what happened in whole words."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from standards.diff import public_diff
from standards.models import LONG_TEXT_MAX, ComponentKind, ProcedureStep, Requirement
from standards.selectors import standard_with_rows
from standards.services import StepHasRequirements, row_delete
from tests.standards.factories import ServiceFactory, StandardFactory, make_complete_standard

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(client, drafter_a):
    client.force_login(drafter_a)
    return client


@pytest.fixture
def draft(agency_a):
    return StandardFactory(service=ServiceFactory(agency=agency_a))


# --- point 10 --------------------------------------------------------------------------


def test_the_editor_shows_limits_and_counts_and_never_cuts_with_maxlength(editor, draft):
    html = editor.get(reverse("standards:standard-detail", args=[draft.pk])).content.decode()
    textarea = re.search(r'<textarea[^>]*id="id_product-text"[^>]*>', html)
    assert textarea is not None
    assert "maxlength" not in textarea.group(0)
    assert f'data-limit="{LONG_TEXT_MAX}"' in textarea.group(0)
    assert f"0 dari {LONG_TEXT_MAX} karakter" in html
    assert not re.search(r"<(textarea|input)[^>]*maxlength", html.split("</header>", 1)[-1])


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_a_text_over_the_limit_is_refused_beside_the_field_and_kept(editor, draft, htmx):
    kind = ComponentKind.PRODUCT
    url = reverse("standards:component-save", args=[draft.pk, kind.value])
    too_long = "Kartu Keluarga. " * 400  # 6400 characters
    data = {"product-text": too_long, "product-revision": "0"}
    response = editor.post(url, data, **(HX if htmx else {}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "paling banyak 5000 karakter" in html
    assert too_long.strip() in html  # kept on screen, whole
    assert "Tersimpan" not in html
    assert "char-count-over" in html
    assert draft.components.get(kind=kind).text == ""


# --- point 11 --------------------------------------------------------------------------


@pytest.fixture
def linked(agency_a):
    standard = make_complete_standard(agency=agency_a)
    step = standard.steps.order_by("position").first()
    requirement = Requirement.objects.filter(standard=standard).first()
    Requirement.objects.filter(pk=requirement.pk).update(step=step)
    return standard, step, requirement


def test_the_service_asks_before_unlinking_requirements(linked, drafter_a):
    standard, step, requirement = linked
    with pytest.raises(StepHasRequirements) as asked:
        row_delete(actor=drafter_a, standard=standard, row=step)
    assert asked.value.requirements == [requirement]
    assert ProcedureStep.objects.filter(pk=step.pk).exists()
    row_delete(actor=drafter_a, standard=standard, row=step, unlink_requirements=True)
    requirement.refresh_from_db()
    assert requirement.step is None and not ProcedureStep.objects.filter(pk=step.pk).exists()


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_the_editor_asks_before_deleting_a_linked_step(editor, linked, htmx):
    standard, step, requirement = linked
    url = reverse("standards:row-delete", args=[standard.pk, "tahapan", step.pk])
    extra = HX if htmx else {}
    html = editor.post(url, {"revisi": str(step.revision)}, **extra).content.decode()
    assert "tidak lagi terkait tahap tertentu" in html
    assert requirement.description in html
    assert 'name="lepas-persyaratan" value="ya"' in html
    assert ProcedureStep.objects.filter(pk=step.pk).exists()
    editor.post(url, {"revisi": str(step.revision), "lepas-persyaratan": "ya"}, **extra)
    assert not ProcedureStep.objects.filter(pk=step.pk).exists()


def test_the_public_diff_names_the_step_whole_and_says_no_step_in_words(
    linked, drafter_a, mayor_office
):
    from standards.services import standard_revise

    standard, step, requirement = linked
    ProcedureStep.objects.filter(pk=step.pk).update(action="Memeriksa berkas " + "x" * 80)
    standard.status = "in_force"
    standard.save(update_fields=["status"])
    new = standard_revise(
        actor=drafter_a, standard=standard, reason="policy", explanation="Tahap digabung."
    )
    new_step = new.steps.get(key=step.key)
    row_delete(actor=drafter_a, standard=new, row=new_step, unlink_requirements=True)
    comparison = public_diff(standard_with_rows(standard.pk), standard_with_rows(new.pk))
    rows = [c for c in comparison.components if c.kind == ComponentKind.REQUIREMENTS][0].rows
    [change] = [f for r in rows for f in r.changes if f.field == "step"]
    assert change.old.endswith("x" * 80)  # whole, not cut at 60 characters
    assert change.new == "tidak terkait tahap tertentu"
    assert "(kosong)" not in change.new

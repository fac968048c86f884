"""The decree PDF assembled from frozen parts (issue 15 point 5, docs/decisions/0013):
it reads (pdftotext) and looks (pages as PNG) the same as the decree rendered from its
whole HTML, and each standard's lampiran is rendered once, when submitted."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from PIL import Image, ImageChops

from documents.assembly import PARTS_FOLDER
from documents.models import DocumentKind
from documents.render import html_to_pdf, render_html
from standards import decrees
from standards.decrees.documents import decree_context
from standards.models import ComponentKind, StandardComponent
from tests.standards.workflow_fixtures import answer_notes, ready_decree, set_maklumat, sign

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"


def stored_parts() -> set[Path]:
    return set((Path(settings.MEDIA_ROOT) / PARTS_FOLDER).glob("*/*.pdf"))


def text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def pngs(path: Path, prefix: str) -> list[Path]:
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(ARTIFACTS / prefix)], check=True)
    return sorted(ARTIFACTS.glob(f"{prefix}-*.png"))


def test_the_assembled_decree_reads_and_looks_like_the_whole_html_decree(
    agency_a, drafter_a, reviewer, head_a, mayor_office
):
    set_maklumat(head_a, agency_a)
    decree = ready_decree(agency_a, drafter_a, standards=3)
    before = stored_parts()
    decrees.decree_submit(actor=drafter_a, decree=decree)
    frozen = stored_parts() - before
    assert len(frozen) == 3  # one lampiran per standard, on submission

    # A drafter's change after a return makes one new part; the others are reused.
    decrees.decree_return(actor=reviewer, decree=decree, notes=[(None, "", "Perbaiki sarana.")])
    answer_notes(decree, drafter_a)
    first = decree.standards.order_by("service__name").first()
    StandardComponent.objects.filter(standard=first, kind=ComponentKind.FACILITIES).update(
        text="Ruang tunggu dengan 12 kursi."
    )
    decrees.decree_submit(actor=drafter_a, decree=decree)
    assert len(stored_parts() - before) == 4

    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head_a, decree=decree, number="7/2026", decree_date=timezone.localdate()
    )
    sign(decree, head_a)
    decrees.decree_ratify(actor=mayor_office, decree=decree)
    final = decrees.decree_documents(decree).get(kind=DocumentKind.DECREE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assembled = ARTIFACTS / "assembled.pdf"
    with final.file.open("rb") as handle:
        assembled.write_bytes(handle.read())
    whole = ARTIFACTS / "whole.pdf"
    html = render_html("documents/decree.html", decree_context(decree), document=final)
    rendered = html_to_pdf(html)
    whole.write_bytes(rendered.content)

    assert final.page_count == rendered.page_count
    assert "Ruang tunggu dengan 12 kursi." in text(assembled)
    assert text(assembled) == text(whole)
    ours, theirs = pngs(assembled, "assembled"), pngs(whole, "whole")
    assert len(ours) == len(theirs) == final.page_count
    for mine, other in zip(ours, theirs, strict=True):
        a, b = Image.open(mine).convert("L"), Image.open(other).convert("L")
        assert a.size == b.size
        differing = sum(1 for value in ImageChops.difference(a, b).getdata() if value > 64)
        assert differing <= a.size[0] * a.size[1] // 1000, mine.name

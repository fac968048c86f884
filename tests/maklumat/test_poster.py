import io
import os
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents.models import Document, DocumentKind, DocumentStatus
from maklumat.documents import posters_of
from maklumat.services import maklumat_draft, maklumat_set

pytestmark = pytest.mark.django_db

LONG = (
    "memberikan pelayanan sesuai dengan kewajiban, dengan ramah, cepat, tepat dan tanpa "
    "pungutan liar, serta akan melakukan perbaikan secara terus-menerus berdasarkan hasil "
    "Survei Kepuasan Masyarakat dan pengaduan yang kami terima"
)


def _text(document: Document) -> str:
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _keep(document: Document, name: str) -> None:
    # MAKLUMAT_POSTER_DIR=/tmp/x keeps the PDFs for a person to look at.
    folder = os.environ.get("MAKLUMAT_POSTER_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        with document.file.open("rb") as handle:
            (Path(folder) / name).write_bytes(handle.read())


@pytest.fixture
def set_maklumat(agency_a, drafter_a, head_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = maklumat_draft(
            actor=drafter_a,
            agency=agency_a,
            statement_obligation=LONG,
            compensation="cetak ulang dokumen tanpa biaya bila terdapat kesalahan penulisan",
        )
        maklumat = maklumat_set(actor=head_a, maklumat=draft, set_on=timezone.localdate())
    return maklumat


def test_setting_issues_public_a4_and_a3_posters(set_maklumat):
    posters = Document.objects.for_subject(set_maklumat).order_by("kind")
    assert {p.kind for p in posters} == {DocumentKind.MAKLUMAT, DocumentKind.MAKLUMAT_POSTER}
    for poster in posters:
        assert poster.status == DocumentStatus.READY, poster.last_error
        assert poster.issued and poster.public and poster.is_in_force
        assert poster.page_count == 1
    assert [link.label for link in posters_of(set_maklumat)] == ["Poster A4", "Poster A3"]


def test_poster_text_has_statements_head_and_place(set_maklumat, agency_a):
    for link in posters_of(set_maklumat):
        text = _text(link.document)
        _keep(link.document, f"maklumat-{link.label[-2:]}.pdf")
        assert "PEMERINTAH KOTA BONTANG" in text
        assert "MAKLUMAT PELAYANAN" in text
        assert "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN" in text
        assert "TANPA PUNGUTAN LIAR" in text
        assert "BERSEDIA MENERIMA SANKSI DAN/ATAU MEMBERIKAN KOMPENSASI" in text
        assert "cetak ulang dokumen tanpa biaya" in text
        assert "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" in text
        assert "Drs. Kepala Uji, M.Si." in text
        assert "Pembina Utama Muda (IV/c)" in text
        assert "NIP 197001011990031001" in text
        assert "Bontang, " in text
        assert link.document.display_code in text


def test_pages_of_a3_are_a3(set_maklumat):
    sizes = {}
    for link in posters_of(set_maklumat):
        with link.document.file.open("rb") as handle:
            box = PdfReader(io.BytesIO(handle.read())).pages[0].mediabox
        sizes[link.label] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"Poster A4": (595, 842), "Poster A3": (842, 1191)}


def test_new_maklumat_supersedes_the_old_posters(
    set_maklumat, agency_a, drafter_a, head_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = maklumat_draft(actor=drafter_a, agency=agency_a, compensation="")
        second = maklumat_set(actor=head_a, maklumat=draft, set_on=timezone.localdate())
    old = {d.kind: d for d in Document.objects.for_subject(set_maklumat)}
    new = {d.kind: d for d in Document.objects.for_subject(second)}
    for kind in (DocumentKind.MAKLUMAT, DocumentKind.MAKLUMAT_POSTER):
        assert old[kind].superseded_by == new[kind]
        assert not old[kind].is_in_force and new[kind].is_in_force


def test_user_text_in_the_poster_is_escaped(agency_a, drafter_a, head_a):
    from documents.render import render_html

    draft = maklumat_draft(
        actor=drafter_a,
        agency=agency_a,
        compensation='<img src="file:///etc/passwd"><link rel=attachment href=x>',
    )
    maklumat = maklumat_set(actor=head_a, maklumat=draft, set_on=timezone.localdate())
    html = render_html(
        "documents/maklumat_poster.html",
        {"maklumat": maklumat, "agency": agency_a, "paper": "A4"},
    )
    assert "<img src=" not in html and "<link rel=attachment" not in html
    assert "&lt;img src=" in html


def test_public_page_links_the_issued_posters(client, set_maklumat, agency_a):
    content = client.get(f"/pd/{agency_a.slug}/maklumat/").content.decode()
    assert "Poster A4" in content and "Poster A3" in content


@pytest.mark.parametrize("layout", ["paragraph", "points"])
@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_the_longest_wording_still_fits_one_page(agency_a, head_a, layout, paper):
    from documents.render import render_template_pdf
    from maklumat.documents import poster_context
    from maklumat.models import COMPENSATION_MAX, STATEMENT_MAX

    text = ("pelayanan administrasi kependudukan yang cepat dan tepat " * 20).strip()
    draft = maklumat_draft(
        actor=head_a,
        agency=agency_a,
        statement_promise=text[:STATEMENT_MAX],
        statement_obligation=text[:STATEMENT_MAX],
        statement_sanction=text[:STATEMENT_MAX],
        compensation=text[:COMPENSATION_MAX],
        layout=layout,
    )
    maklumat = maklumat_set(actor=head_a, maklumat=draft, set_on=timezone.localdate())
    pdf = render_template_pdf("documents/maklumat_poster.html", poster_context(maklumat, paper))
    assert pdf.page_count == 1


def test_poster_links_download_the_issued_file(client, set_maklumat):
    link = posters_of(set_maklumat)[0]
    assert link.url == f"/verifikasi/{link.document.code}/unduh/"
    response = client.get(link.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"

"""PDF pipeline vs bare WeasyPrint, side by side in one run.

Renders a decree-sized document (a lampiran of 20 Standar Pelayanan, about 40 pages)
through the project's pipeline (context read from the database, Django template, QR code,
the static-only URL fetcher, the shared font configuration, SHA-256 and page count), and
the same HTML through bare WeasyPrint (`HTML(string=html).write_pdf()`, default fetcher).
Prints the median of 5 runs of each (CPU time of this process, which other jobs on a
shared machine do not inflate, and wall time) and, as the last line,
``ratio=<pipeline/bare>`` of the CPU medians.

    DJANGO_SETTINGS_MODULE=bontang_sp.settings_test .venv/bin/python bench/pdf.py

The standard is bench/data/pdf-standard.yaml, written 20 times by demo.builder into an
in-memory SQLite database migrated at start: nothing is written to the project's database
or media folder.

Then the decree of those 20 standards (body, 20 lampiran, the Maklumat), assembled from
parts (standards/decrees/parts.py, docs/decisions/0013) against bare WeasyPrint on the
decree's whole HTML, in two cases: every part new (nothing frozen yet), and one standard
changed since the others were frozen. Prints ``assembled_all_new_ratio=`` and
``assembled_one_changed_ratio=`` (CPU medians, goal for the second: <= 0.3).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bontang_sp.settings_test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-pdf-")  # parts stored here

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from weasyprint import HTML  # noqa: E402

from agencies.models import Agency  # noqa: E402
from demo.builder import build_standards, read_data  # noqa: E402
from documents.models import Document, DocumentKind  # noqa: E402
from documents.render import html_to_pdf, render_html  # noqa: E402
from standards.models import ComponentKind, StandardComponent  # noqa: E402
from standards.selectors import standards_with_rows  # noqa: E402
from standards.totals import standard_totals  # noqa: E402

STANDARDS = 20
RUNS = 5
TEMPLATE = "documents/standards_lampiran.html"
DATA = ROOT / "bench" / "data" / "pdf-standard.yaml"


def build_data() -> tuple[Agency, list[int]]:
    """The agency of the data file and its standard 20 times, numbered."""
    call_command("migrate", verbosity=0, interactive=False)
    data = read_data(DATA)
    agency = Agency.objects.create(**data["agency"])
    item = data["standard"]
    items = [
        {**item, "key": item["key"].format(n=n), "name": item["name"].format(n=n)}
        for n in range(1, STANDARDS + 1)
    ]
    return agency, [standard.pk for standard in build_standards(agency, items)]


class Item:
    def __init__(self, standard):
        self.standard = standard
        self.totals = standard_totals(standard)


def pipeline(document: Document, ids: list[int]) -> tuple[str, object]:
    """What a render task does: read, template, PDF with our fetcher and fonts, hash, pages."""
    standards = standards_with_rows().filter(pk__in=ids).order_by("pk")
    context = {"items": [Item(s) for s in standards], "agency": document.agency}
    html = render_html(TEMPLATE, context, document=document)
    return html, html_to_pdf(html)


def bare(html: str) -> bytes:
    return HTML(string=html).write_pdf()


def decree_of(agency: Agency, ids: list[int]):
    """An in-force decree carrying the 20 standards, with the agency's Maklumat."""
    import datetime

    from maklumat.models import DEFAULT_STATEMENT_OBLIGATION as OBLIGATION
    from maklumat.models import DEFAULT_STATEMENT_PROMISE as PROMISE
    from maklumat.models import DEFAULT_STATEMENT_SANCTION as SANCTION
    from maklumat.models import Maklumat, MaklumatStatus
    from standards.models import Decree, DecreeStandard, DecreeStatus

    Maklumat.objects.create(
        agency=agency,
        version=1,
        status=MaklumatStatus.SET,
        statement_promise=str(PROMISE),
        statement_obligation=str(OBLIGATION),
        statement_sanction=str(SANCTION),
        head_title=f"Kepala {agency.name}",
        head_name="Drs. Kepala Uji, M.Si.",
        set_on=datetime.date(2026, 12, 1),
        compensation="Dokumen yang terlambat diantar ke rumah pemohon tanpa biaya.",
    )
    decree = Decree.objects.create(
        agency=agency,
        title=f"Keputusan Kepala {agency.name} tentang Standar Pelayanan",
        considerations="a. bahwa ...;\nb. bahwa ...;",
        legal_references="1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
        number="100.3/20/2026",
        decree_date=datetime.date(2026, 12, 2),
        year=2026,
        status=DecreeStatus.IN_FORCE,
        ratified_on=datetime.date(2026, 12, 3),
    )
    DecreeStandard.objects.bulk_create(
        DecreeStandard(decree=decree, standard_id=pk, position=i) for i, pk in enumerate(ids, 1)
    )
    return decree


def change_one_standard(ids: list[int], round_: int) -> None:
    """A drafter edits one component of one standard: its lampiran is a new part."""
    StandardComponent.objects.filter(
        standard_id=ids[len(ids) // 2], kind=ComponentKind.FACILITIES
    ).update(text=f"Ruang tunggu ber-AC dengan {40 + round_} kursi dan loket pelayanan.")


def bench_assembled(agency: Agency, ids: list[int]) -> None:
    """The decree assembled from parts vs bare WeasyPrint on its whole HTML, side by side:
    all parts new, and one standard changed since the others were frozen."""
    import shutil

    from django.conf import settings

    from documents.assembly import PARTS_FOLDER
    from standards.decrees.documents import decree_context
    from standards.decrees.parts import freeze_decree_lampiran, render_decree_pdf

    decree = decree_of(agency, ids)
    document = Document.objects.create(
        kind=DocumentKind.DECREE, agency=agency, title="Keputusan (benchmark)", subject=decree
    )
    parts_dir = Path(settings.MEDIA_ROOT) / PARTS_FOLDER

    def whole_html() -> str:
        return render_html("documents/decree.html", decree_context(decree), document=document)

    def all_new() -> None:
        shutil.rmtree(parts_dir, ignore_errors=True)
        render_decree_pdf(document)

    rounds = iter(range(1, 1000))

    def one_changed() -> None:
        render_decree_pdf(document)

    def prepare_one_changed() -> None:  # not timed: the others are frozen, one is edited
        freeze_decree_lampiran(decree)
        change_one_standard(ids, next(rounds))

    assembled = render_decree_pdf(document)  # warm-up
    html = whole_html()
    bare(html)
    print(f"decree: {len(ids)} standards, {assembled.page_count} pages assembled")
    cpu: dict[str, list[float]] = {"all_new": [], "one_changed": [], "bare_decree": []}
    for _ in range(RUNS):
        for name, run, prepare in (
            ("all_new", all_new, None),
            ("one_changed", one_changed, prepare_one_changed),
            ("bare_decree", lambda: bare(whole_html()), None),
        ):
            if prepare:
                prepare()
            start = time.process_time()
            run()
            cpu[name].append(time.process_time() - start)
    for name, values in cpu.items():
        print(f"{name}: median {statistics.median(values):.3f} s CPU")
    base = statistics.median(cpu["bare_decree"])
    print(f"assembled_all_new_ratio={statistics.median(cpu['all_new']) / base:.2f}")
    print(f"assembled_one_changed_ratio={statistics.median(cpu['one_changed']) / base:.2f}")


def main() -> None:
    agency, ids = build_data()
    document = Document.objects.create(
        kind=DocumentKind.DECREE, agency=agency, title="Lampiran Keputusan (benchmark)"
    )
    html, warm = pipeline(document, ids)  # warm-up: fonts, templates, imports
    bare(html)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
    )
    print(f"document: {STANDARDS} standards, {warm.page_count} pages, {len(warm.content)} bytes")

    # CPU time of this process is what the comparison is about, and unlike wall time it
    # stays put when other jobs share the machine (both are printed).
    cpu: dict[str, list[float]] = {"pipeline": [], "bare": []}
    wall: dict[str, list[float]] = {"pipeline": [], "bare": []}
    for _ in range(RUNS):
        for name, run in (
            ("pipeline", lambda: pipeline(document, ids)),
            ("bare", lambda: bare(html)),
        ):
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            run()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start_wall)

    for name in ("pipeline", "bare"):
        runs = " ".join(f"{v:.2f}" for v in cpu[name])
        print(
            f"{name}: median {statistics.median(cpu[name]):.3f} s CPU "
            f"({statistics.median(wall[name]):.3f} s wall; CPU runs: {runs})"
        )
    bench_signing(warm, document, statistics.median(cpu["pipeline"]))
    ratio = statistics.median(cpu["pipeline"]) / statistics.median(cpu["bare"])
    print(f"ratio={ratio:.2f}")
    bench_assembled(agency, ids)


def bench_signing(rendered, document: Document, render_cpu: float) -> None:
    """What TTE adds to the same decree: the Kepala PD's signature (with an empty field for
    the Wali Kota), then the Wali Kota's as an incremental update, and validating both;
    CPU medians of RUNS, beside the render's. Keys come from a throwaway demo CA."""
    import tempfile

    from documents.signing import demo_ca, keys
    from documents.signing.pdf import SignatureBox, sign_pdf
    from documents.signing.validation import validate_signatures

    with tempfile.TemporaryDirectory() as folder:
        ca, _created = demo_ca.ensure_demo_ca(Path(folder))
        from django.conf import settings

        settings.TTE_DEMO_DIR, settings.TTE_TRUST_DEMO_CA = Path(folder), True
        head = keys.open_pkcs12(demo_ca.demo_pkcs12(ca, "Kepala Dinas", "x"), "x")
        mayor = keys.open_pkcs12(demo_ca.demo_pkcs12(ca, "Wali Kota", "x"), "x")
        last = rendered.page_count - 1
        boxes = {
            "head": SignatureBox(last, 300, 500, 527, 585),
            "mayor": SignatureBox(last, 300, 380, 527, 465),
        }
        common = {"url": document.verification_url, "reason": "benchmark"}

        def sign_head() -> bytes:
            return sign_pdf(
                rendered.content,
                key=head,
                role="head",
                position="Kepala Dinas",
                box=boxes["head"],
                empty_fields={"mayor": boxes["mayor"]},
                **common,
            )

        signed_head = sign_head()

        def sign_mayor() -> bytes:
            return sign_pdf(signed_head, key=mayor, role="mayor", position="Wali Kota", **common)

        signed_both = sign_mayor()
        assert validate_signatures(signed_both).all_ok
        cpu: dict[str, list[float]] = {"head": [], "mayor": [], "validate": []}
        for _ in range(RUNS):
            for name, run in (
                ("head", sign_head),
                ("mayor", sign_mayor),
                ("validate", lambda: validate_signatures(signed_both)),
            ):
                start = time.process_time()
                run()
                cpu[name].append(time.process_time() - start)
    medians = {name: statistics.median(values) for name, values in cpu.items()}
    added = len(signed_both) - len(rendered.content)
    print(
        f"signing: Kepala PD {medians['head']:.3f} s, Wali Kota {medians['mayor']:.3f} s, "
        f"validating both {medians['validate']:.3f} s CPU (medians); the PDF grows by "
        f"{added} bytes ({added / len(rendered.content):.1%})"
    )
    print(
        f"sign_ratio={(medians['head'] + medians['mayor']) / render_cpu:.3f} "
        "(both signatures / the pipeline's render)"
    )


if __name__ == "__main__":
    main()

"""Importing a workbook of standards, rows per second, side by side with writing the same
standards row by row through the editor's services, in one run.

Migrates a temporary SQLite database, builds a workbook of ``--standards`` complete
standards (standards.spreadsheet.example: 23 rows each over the seven sheets), then
measures:

- read: openpyxl parsing and cell checks (reader.read_upload);
- import: the plan (every row through the row forms and the completeness check) and
  the bulk writes, in one transaction (importer.import_workbook);
- editor: the same standards written one row at a time with standard_create,
  component_save, row_save and standard_update_fields (what a person's clicks do).

Prints rows per second of each and, as the last line,
``import_rows_per_s=<n> editor_rows_per_s=<n> import_vs_editor=<ratio>``.

    .venv/bin/python bench/import.py [--standards 200]

Nothing is written to the project's database or media.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(folder: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{folder}/media"
    os.environ["VAR_DIR"] = f"{folder}/var"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bontang_sp.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _editor_write(agency, contents) -> None:
    """The same content, one call per component and row, as the editor's pages do."""
    from standards.models import (
        ComplaintChannel,
        LegalBasis,
        ProcedureStep,
        Requirement,
        Service,
    )
    from standards.services import (
        SYSTEM,
        component_save,
        row_save,
        service_save,
        standard_create,
        standard_update_fields,
    )

    for content in contents:
        row = content["Layanan"][0]
        service = service_save(
            actor=SYSTEM,
            service=Service(agency=agency, slug=row["key"], name=row["name"], kind=row["kind"]),
        )
        standard = standard_create(actor=SYSTEM, service=service)
        for text in content["Uraian Komponen"]:
            component_save(
                actor=SYSTEM,
                standard=standard,
                kind=text["component"],
                text=text["text"],
                revision=0,
            )
        fields = {
            k: v
            for k, v in content["Standar"][0].items()
            if k not in ("key", "decree_number", "decree_date", "decree_signer")
        }
        standard = standard_update_fields(
            actor=SYSTEM, standard=standard, revision=standard.revision, **fields
        )
        steps = [
            row_save(
                actor=SYSTEM,
                standard=standard,
                row=ProcedureStep(
                    actor=s["actor"],
                    action=s["action"],
                    duration_value=s["duration_value"],
                    duration_unit=s["duration_unit"],
                    applicant_fee=Decimal(s["applicant_fee"]),
                    agency_cost=Decimal(s["agency_cost"]),
                    output=s["output"],
                ),
            )
            for s in content["Prosedur"]
        ]
        for r in content["Persyaratan"]:
            row_save(
                actor=SYSTEM,
                standard=standard,
                row=Requirement(
                    description=r["description"],
                    kind=r["kind"],
                    timing=r["timing"],
                    step=steps[r["step"] - 1],
                ),
            )
        for b in content["Dasar Hukum"]:
            row_save(
                actor=SYSTEM,
                standard=standard,
                row=LegalBasis(
                    kind=b["kind"], number=b["number"], year=b["year"], title=b["title"]
                ),
            )
        for c in content["Pengaduan"]:
            row_save(
                actor=SYSTEM,
                standard=standard,
                row=ComplaintChannel(kind=c["kind"], detail=c["detail"]),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        _setup(folder)
        from agencies.models import Agency, AgencyKind
        from standards.services import SYSTEM
        from standards.spreadsheet.example import example_content
        from standards.spreadsheet.importer import import_workbook
        from standards.spreadsheet.reader import read_upload
        from standards.spreadsheet.writer import export_workbook

        one = Agency.objects.create(
            name="Dinas Uji Impor", slug="uji-impor", kind=AgencyKind.OFFICE
        )
        two = Agency.objects.create(
            name="Dinas Uji Editor", slug="uji-editor", kind=AgencyKind.OFFICE
        )
        contents = [
            example_content(f"layanan-{n}", f"Layanan Uji {n}") for n in range(args.standards)
        ]
        rows = sum(len(rows) for content in contents for rows in content.values())
        data = export_workbook(one, contents)

        started = time.perf_counter()
        parsed = read_upload(data, "bench.xlsx")
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        plan, result = import_workbook(actor=SYSTEM, agency=one, parsed=parsed)
        import_s = time.perf_counter() - started
        assert result is not None and result.created_standards == args.standards, plan.errors

        started = time.perf_counter()
        _editor_write(two, contents)
        editor_s = time.perf_counter() - started

        whole = rows / (read_s + import_s)
        editor = rows / editor_s
        print(f"standards={args.standards} rows={rows} workbook_bytes={len(data)}")
        print(f"read_s={read_s:.2f} import_s={import_s:.2f} editor_s={editor_s:.2f}")
        print(
            f"import_rows_per_s={whole:.0f} editor_rows_per_s={editor:.0f} "
            f"import_vs_editor={whole / editor:.1f}"
        )


if __name__ == "__main__":
    main()

"""Read an uploaded workbook (or a CSV of the service inventory) into rows, refusing what
is not a plain table of values, with a message a person can act on.

The file is judged before openpyxl opens it: it must be a ZIP holding an Excel workbook
(not an old .xls, not a macro workbook .xlsm), and no part of it may inflate beyond
`MAX_UNPACKED_BYTES` or `MAX_RATIO` (a zip bomb). Then every sheet is read whole:
formulas, merged cells, more than `MAX_DATA_ROWS` rows and dates typed as text are
problems with their sheet, row and column, never guessed.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from bontang_sp.validators import parse_rupiah
from documents.uploads import CleanUpload, sanitize_filename

from .template import CHOICES, INSTRUCTIONS_SHEET, MAX_DATA_ROWS, SERVICES, SHEETS, Column, Sheet

__all__ = [
    "MAX_FILE_BYTES",
    "ParsedWorkbook",
    "Problem",
    "WorkbookRefused",
    "read_upload",
]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200  # xlsx parts compress about 5-20 times; hundreds means a bomb
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class WorkbookRefused(Exception):
    """The file as a whole cannot be read; `message` says why, in Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str  # the column's header ("" for the whole row or sheet)
    message: str
    warning: bool = False  # shown, but does not stop the import

    @property
    def cell(self) -> str:
        """A1-style reference when the column is known (for the preview)."""
        spec = next((s for s in SHEETS if s.name == self.sheet), None)
        if spec is None or self.row is None or not self.column:
            return ""
        headers = spec.headers
        if self.column not in headers:
            return ""
        return f"{get_column_letter(headers.index(self.column) + 1)}{self.row}"


@dataclass
class ParsedWorkbook:
    agency_key: str = ""
    # sheet name -> [(row number, {column name: value})]
    rows: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, sheet: str, row: int | None, column: str, message: str) -> None:
        self.problems.append(Problem(sheet, row, column, message))


def _check_container(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise WorkbookRefused(
            _(
                "Berkas ini buku kerja Excel lama (.xls). Buka di Excel atau LibreOffice, "
                "lalu simpan sebagai Excel Workbook (.xlsx) dan unggah lagi."
            )
        )
    if not data.startswith(ZIP_MAGIC):
        raise WorkbookRefused(
            _(
                "Berkas ini bukan buku kerja Excel (.xlsx) dan bukan CSV. Unduh templatnya, "
                "isi, lalu simpan sebagai .xlsx."
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise WorkbookRefused(_("Berkas .xlsx ini rusak atau terpotong; simpan ulang.")) from error
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookRefused(
            _("Berkas ZIP ini bukan buku kerja Excel (.xlsx). Unggah buku kerja dari templat.")
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise WorkbookRefused(
                _(
                    "Isi berkas ini mengembang jauh melebihi ukurannya (bom zip); berkas "
                    "ditolak. Simpan ulang buku kerja dari templat."
                )
            )
    content_types = archive.read("[Content_Types].xml")
    if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
        raise WorkbookRefused(
            _(
                "Buku kerja ini memuat makro (.xlsm). Makro tidak diterima: simpan sebagai "
                "Excel Workbook (.xlsx) tanpa makro lalu unggah lagi."
            )
        )


# --- cells ---------------------------------------------------------------------------


class CellError(Exception):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _cell(column: Column, value):
    """A cell's value as the row's (model) value; CellError with the reason otherwise."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if column.required:
            raise CellError(_("Wajib diisi."))
        return {"int": None, "date": None, "yesno": False}.get(column.kind, "")
    kind = column.kind
    if kind == "text":
        if isinstance(value, datetime.datetime | datetime.date):
            raise CellError(_("Tulis teks, bukan tanggal."))
        return _text(value)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise CellError(_("Tulis bilangan bulat."))
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation as error:
            raise CellError(_("Tulis bilangan bulat, misalnya 3.")) from error
        if number != number.to_integral_value():
            raise CellError(_("Tulis bilangan bulat, tanpa pecahan."))
        return int(number)
    if kind == "decimal":
        if isinstance(value, datetime.datetime | datetime.date | bool):
            raise CellError(_("Tulis angka, misalnya 15 atau 2,5."))
        try:
            number = (
                Decimal(str(value).replace(",", "."))
                if isinstance(value, str)
                else Decimal(str(value))
            )
        except InvalidOperation as error:
            raise CellError(_("Tulis angka, misalnya 15 atau 2,5.")) from error
        if not number.is_finite():
            raise CellError(_("Tulis angka, misalnya 15 atau 2,5."))
        return number.quantize(Decimal("0.01"))
    if kind == "money":
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value) != int(value):
                raise CellError(_("Tulis jumlah rupiah tanpa sen."))
            value = str(int(value))
        try:
            return int(parse_rupiah(str(value)))
        except ValidationError as error:
            raise CellError(error.messages[0]) from error
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError as error:
            raise CellError(
                _(
                    "Tanggal diketik sebagai teks (“%(text)s”). Ketik ulang sebagai tanggal "
                    "Excel (format sel Tanggal) atau tulis TTTT-BB-HH, misalnya 2019-03-14."
                )
                % {"text": _text(value)[:40]}
            ) from error
    if kind == "yesno":
        word = _text(value).lower()
        if word in ("ya", "y", "1", "true"):
            return True
        if word in ("tidak", "t", "0", "false", ""):
            return False
        raise CellError(_("Tulis ya atau tidak."))
    if kind == "choice":
        word = _text(value).lower()
        mapping = CHOICES[column.choices]
        if word not in mapping:
            raise CellError(
                _("“%(word)s” tidak dikenal; pilih salah satu: %(choices)s.")
                % {"word": _text(value)[:60], "choices": "; ".join(mapping)}
            )
        return mapping[word]
    raise AssertionError(kind)  # pragma: no cover


def _rows(parsed: ParsedWorkbook, spec: Sheet, values: list[tuple]) -> None:
    """Header row first; the rest are data rows (blank rows skipped)."""
    header = [_text(v) for v in (values[0] if values else ())]
    missing = [h for h in spec.headers if h not in header]
    if missing:
        parsed.add(
            spec.name,
            1,
            "",
            _("Judul kolom tidak ditemukan: %(missing)s. Jangan ubah baris judul templat.")
            % {"missing": ", ".join(missing)},
        )
        return
    positions = {column.name: header.index(column.header) for column in spec.columns}
    rows = []
    for number, raw in enumerate(values[1:], start=2):
        if all(v is None or _text(v) == "" for v in raw):
            continue
        row = {}
        for column in spec.columns:
            index = positions[column.name]
            value = raw[index] if index < len(raw) else None
            try:
                row[column.name] = _cell(column, value)
            except CellError as error:
                parsed.add(spec.name, number, column.header, str(error))
                row[column.name] = None
        rows.append((number, row))
    parsed.rows[spec.name] = rows


def _read_xlsx(data: bytes) -> ParsedWorkbook:
    _check_container(data)
    try:
        book = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken part
        raise WorkbookRefused(
            _("Buku kerja ini tidak dapat dibaca (%(reason)s); simpan ulang sebagai .xlsx.")
            % {"reason": type(error).__name__}
        ) from error
    parsed = ParsedWorkbook()
    total_rows = sum(
        max(book[spec.name].max_row - 1, 0) for spec in SHEETS if spec.name in book.sheetnames
    )
    if total_rows > MAX_DATA_ROWS:
        raise WorkbookRefused(
            _(
                "Buku kerja ini memuat %(rows)s baris; paling banyak %(limit)s baris sekaligus. "
                "Bagi menjadi beberapa buku kerja."
            )
            % {"rows": f"{total_rows:,}".replace(",", "."), "limit": "10.000"}
        )
    if INSTRUCTIONS_SHEET in book.sheetnames:
        parsed.agency_key = _text(book[INSTRUCTIONS_SHEET]["B2"].value)
    for spec in SHEETS:
        if spec.name not in book.sheetnames:
            if spec is SERVICES:
                parsed.add(spec.name, None, "", _("Lembar Layanan tidak ada; pakai templat."))
            continue
        sheet = book[spec.name]
        for merged in sheet.merged_cells.ranges:
            parsed.add(
                spec.name,
                merged.min_row,
                "",
                _("Sel %(range)s digabung (merge). Pisahkan sel dan isi setiap baris.")
                % {"range": merged.coord},
            )
        values = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    parsed.add(
                        spec.name,
                        cell.row,
                        _header(sheet, cell.column),
                        _(
                            "Sel %(cell)s berisi rumus (%(formula)s). Tulis nilainya saja: "
                            "salin, lalu Tempel Khusus > Nilai."
                        )
                        % {"cell": cell.coordinate, "formula": str(cell.value)[:40]},
                    )
            values.append(tuple(None if c.data_type == "f" else c.value for c in row))
        _rows(parsed, spec, values)
    return parsed


def _header(sheet, column: int) -> str:
    return _text(sheet.cell(1, column).value)


def _read_csv(data: bytes) -> ParsedWorkbook:
    """The service inventory alone, as CSV with the Layanan sheet's headers."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkbookRefused(
            _("Berkas CSV harus berenkode UTF-8; simpan ulang sebagai CSV UTF-8.")
        ) from error
    if "\x00" in text:
        raise WorkbookRefused(_("Berkas ini bukan CSV teks."))
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    values = [tuple(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(values) > MAX_DATA_ROWS + 1:
        raise WorkbookRefused(
            _("Berkas CSV ini memuat lebih dari 10.000 baris; bagi menjadi beberapa berkas.")
        )
    parsed = ParsedWorkbook()
    _rows(parsed, SERVICES, values)
    return parsed


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"


def judge_upload(uploaded) -> CleanUpload:
    """The upload gate's judge for a workbook (documents.uploads.JudgedFileField): the
    bytes, read by their content; refused here when they cannot be read as a table."""
    uploaded.seek(0)
    data = uploaded.read(MAX_FILE_BYTES + 1)
    name = sanitize_filename(getattr(uploaded, "name", ""))
    try:
        read_upload(data, name)
    except WorkbookRefused as refused:
        raise ValidationError(refused.message, code="unreadable") from refused
    return CleanUpload(
        content=data,
        content_type=XLSX if data.startswith(ZIP_MAGIC) else CSV,
        original_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def read_upload(data: bytes, filename: str = "") -> ParsedWorkbook:
    """Parse the whole file; raise WorkbookRefused when it cannot be read as a table."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused(_("Berkas lebih besar dari 5 MB; bagi menjadi beberapa buku kerja."))
    if not data:
        raise WorkbookRefused(_("Berkas kosong."))
    if filename.lower().endswith(".xlsm"):
        raise WorkbookRefused(
            _(
                "Buku kerja ini memuat makro (.xlsm). Makro tidak diterima: simpan sebagai "
                "Excel Workbook (.xlsx) tanpa makro lalu unggah lagi."
            )
        )
    if filename.lower().endswith(".csv") and not data.startswith(ZIP_MAGIC):
        return _read_csv(data)
    return _read_xlsx(data)

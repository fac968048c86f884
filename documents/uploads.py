"""The one gate for uploaded scans and photos: PDF, JPEG and PNG judged by their content.

Every app that accepts a scan (consultation evidence, the drafting team's decree, signed
decrees) validates it here and stores it under a random name below MEDIA_ROOT/private/:

- the type comes from the bytes, never from the name or the browser's Content-Type: a PDF
  must start with ``%PDF-`` and have an intact trailer; an image must really decode with
  Pillow (a PNG signature followed by HTML is refused) and is re-encoded, which drops
  metadata (EXIF location, text chunks) and anything appended after the image data;
- at most ``MAX_UPLOAD_BYTES`` per file, ``MAX_REQUEST_BYTES`` and ``MAX_FILES_PER_REQUEST``
  per request, ``MAX_IMAGE_PIXELS`` per image; empty files are refused;
- the original name is kept only as sanitised text (no path parts, control, bidi or
  zero-width characters, length-capped) for display and the download name;
- files are served only as attachments, with nosniff and a sandbox CSP.

A PDF is checked for its structure first (header, trailer, cross-reference offset: a clear
message for a truncated scan), then parsed whole with pypdf: every object, also those
packed in compressed object streams and names written with #-escapes, is looked at, and a
PDF that is encrypted, has no page, or carries scripts, launch actions, embedded files or
forms (XFA) is refused.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import uuid
import warnings
from dataclasses import dataclass
from functools import wraps
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 10 * MB
MAX_REQUEST_BYTES = 25 * MB
MAX_FILES_PER_REQUEST = 10
# About 40 megapixels: an A3 page scanned at 600 dpi; decoding more is a memory bomb.
MAX_IMAGE_PIXELS = 40_000_000
ORIGINAL_NAME_MAX = 120
# Multipart boundaries and the other fields of the form, on top of the files.
REQUEST_OVERHEAD_BYTES = 256 * 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
ALL_TYPES = (PDF, JPEG, PNG)
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"

PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
PDF_XREF_TARGET = re.compile(rb"\s*(?:xref\b|\d+\s+\d+\s+obj\b)")
PDF_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF")
# Active content has no place in a scan; a reader could run it (defence in depth: the file
# is also served as an attachment in a sandbox).
# What a scanned letter never holds: scripts, actions that start programs or fetch data,
# embedded files, rich media, XFA forms.
PDF_ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
)
PDF_ACTIVE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PNG_MODES = ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16")


@dataclass(frozen=True)
class CleanUpload:
    """An upload that passed every check, with the bytes to store."""

    content: bytes
    content_type: str
    original_name: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    def as_file(self) -> ContentFile:
        """The bytes under a random name (the storage path comes from `private_upload_path`)."""
        return ContentFile(self.content, name=f"{uuid.uuid4().hex}{self.extension}")


# --- names ---------------------------------------------------------------------------


def sanitize_filename(name: str | None, *, max_length: int = ORIGINAL_NAME_MAX) -> str:
    """The last path part of `name` as plain text: no control, bidi or zero-width
    characters, no leading dots, whitespace collapsed, at most `max_length` characters."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.split(r"[\\/]", text)[-1]
    text = "".join(
        char
        for char in text
        # Cc control, Cf format (bidi overrides, zero-width), Cs/Co/Cn, line separators.
        if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
    )
    text = re.sub(r"\s+", " ", text).strip().lstrip(".").strip()
    if len(text) > max_length:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 10 and stem:
            text = stem[: max_length - len(extension) - 1].rstrip() + "." + extension
        else:
            text = text[:max_length]
    return text or "berkas"


def download_name(original_name: str, content_type: str) -> str:
    """The name offered on download: the sanitised original, with the extension of its content."""
    name = sanitize_filename(original_name)
    extension = EXTENSIONS.get(content_type, "")
    suffix = PurePosixPath(name).suffix.lower()
    if extension and not (suffix == extension or (extension == ".jpg" and suffix == ".jpeg")):
        name = f"{name}{extension}"
    return name


def private_upload_path(folder: str, filename: str) -> str:
    """A random storage path below private/ (never served by the web server); only the
    extension, one of ours, survives from `filename`."""
    suffix = PurePosixPath(str(filename)).suffix.lower()
    if suffix not in EXTENSIONS.values():
        suffix = ""
    today = timezone.localdate()
    return f"private/{folder}/{today:%Y/%m}/{uuid.uuid4().hex}{suffix}"


# --- content -------------------------------------------------------------------------


def _refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def _check_pdf(data: bytes) -> None:
    if not PDF_HEADER.match(data):
        raise _refuse(_("Berkas ini bukan PDF yang sah."), "invalid_pdf")
    tail = data[-4096:]
    trailers = list(PDF_STARTXREF.finditer(tail))
    if not trailers or tail.rstrip()[-5:] != b"%%EOF":
        raise _refuse(
            _(
                "PDF ini rusak atau tidak lengkap (bagian penutupnya hilang). "
                "Simpan ulang atau pindai ulang."
            ),
            "broken_pdf",
        )
    offset = int(trailers[-1].group(1))
    if offset >= len(data) or not PDF_XREF_TARGET.match(data, offset):
        raise _refuse(
            _(
                "PDF ini rusak (tabel rujukan silang tidak ditemukan). "
                "Simpan ulang atau pindai ulang."
            ),
            "broken_pdf",
        )
    _check_pdf_objects(data)


def _check_pdf_objects(data: bytes) -> None:
    """Parse the whole PDF (pypdf) and refuse what a scan never holds."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise _refuse(
                _("PDF ini dikunci dengan sandi. Simpan ulang tanpa sandi, lalu unggah."),
                "encrypted_pdf",
            )
        if len(reader.pages) == 0:
            raise _refuse(_("PDF ini tidak memiliki halaman."), "broken_pdf")
        active = any(_is_active(obj) for obj in _pdf_objects(reader))
    except ValidationError:
        raise
    except Exception as error:  # any failure to parse untrusted bytes is a broken PDF
        raise _refuse(
            _("PDF ini rusak sehingga tidak dapat dibaca. Simpan ulang atau pindai ulang."),
            "broken_pdf",
        ) from error
    if active:
        raise _refuse(
            _("PDF ini memuat skrip atau tindakan otomatis. Unggah hasil pindaian biasa."),
            "active_pdf",
        )


def _pdf_objects(reader: PdfReader):
    """Every object the cross-reference tables name, those in object streams included."""
    numbers = {
        (number, generation) for generation, table in reader.xref.items() for number in table
    }
    numbers |= {(number, 0) for number in reader.xref_objStm}
    for number, generation in sorted(numbers):
        yield reader.get_object(IndirectObject(number, generation, reader))


def _is_active(obj) -> bool:
    if not isinstance(obj, DictionaryObject):
        return False
    return bool(PDF_ACTIVE_KEYS.intersection(obj.keys())) or obj.get("/S") in PDF_ACTIVE_ACTIONS


def _reencode_image(data: bytes, content_type: str) -> bytes:
    from PIL import Image, ImageOps

    fmt = "JPEG" if content_type == JPEG else "PNG"
    refused = _refuse(
        _("Gambar ini tidak dapat dibaca sebagai %(format)s yang utuh."),
        "invalid_image",
        format=fmt,
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[fmt])
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _refuse(
                    _(
                        "Gambar terlalu besar: %(width)s × %(height)s piksel. Paling banyak "
                        "40 megapiksel; perkecil resolusinya."
                    ),
                    "too_many_pixels",
                    width=width,
                    height=height,
                )
            image.load()
            # Phones store the rotation in EXIF, which re-encoding drops: apply it first.
            image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _refuse(
            _("Gambar terlalu besar (lebih dari 40 megapiksel); perkecil resolusinya."),
            "too_many_pixels",
        ) from error
    except Exception as error:  # Pillow raises many kinds for malformed data
        raise refused from error

    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("L", "RGB", "CMYK"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True)
    else:
        transparent_palette = image.mode == "P" and "transparency" in image.info
        if transparent_palette or image.mode not in PNG_MODES:
            image = image.convert("RGBA")
        # A new image with only the pixels: no text chunks, no ICC, no trailing data.
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def sniff_content_type(head: bytes) -> str | None:
    """The type the first bytes announce, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(JPEG_SIGNATURE):
        return JPEG
    if head.startswith(PNG_SIGNATURE):
        return PNG
    return None


def validate_upload(
    uploaded, *, max_bytes: int = MAX_UPLOAD_BYTES, allowed: tuple[str, ...] = ALL_TYPES
) -> CleanUpload:
    """Read, judge and clean one uploaded file; raise ValidationError with an Indonesian
    message naming the rule."""
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes:
        raise _refuse(
            _("Berkas terlalu besar (%(size)s). Paling besar %(limit)s per berkas."),
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(max_bytes),
        )
    uploaded.seek(0)
    data = uploaded.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _refuse(
            _("Berkas terlalu besar. Paling besar %(limit)s per berkas."),
            "too_large",
            limit=filesizeformat(max_bytes),
        )
    if not data:
        raise _refuse(_("Berkas kosong (0 bait). Pilih berkas hasil pindaian."), "empty")
    content_type = sniff_content_type(data[:16])
    if allowed == (PDF,) and content_type != PDF:
        raise _refuse(
            _(
                "Isi berkas ini bukan PDF (jenis berkas dinilai dari isinya, bukan dari "
                "namanya). Unggah pindaian dalam format PDF."
            ),
            "wrong_type",
        )
    if content_type is None or content_type not in allowed:
        raise _refuse(
            _(
                "Isi berkas ini bukan PDF, JPEG atau PNG (jenis berkas dinilai dari isinya, "
                "bukan dari namanya)."
            ),
            "wrong_type",
        )
    if content_type == PDF:
        _check_pdf(data)
    else:
        data = _reencode_image(data, content_type)
        if len(data) > max_bytes:
            raise _refuse(
                _("Gambar terlalu besar setelah diproses. Paling besar %(limit)s per berkas."),
                "too_large",
                limit=filesizeformat(max_bytes),
            )
    return CleanUpload(
        content=data,
        content_type=content_type,
        original_name=sanitize_filename(getattr(uploaded, "name", "")),
        sha256=hashlib.sha256(data).hexdigest(),
    )


# --- forms and requests --------------------------------------------------------------


def request_too_large(request, limit: int = MAX_REQUEST_BYTES) -> bool:
    """True when the body is larger than the files allowed plus form overhead. Check it
    before touching request.POST/FILES, so that nothing of it is parsed or spooled."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > limit + REQUEST_OVERHEAD_BYTES


REQUEST_TOO_LARGE_MESSAGE = _(
    "Kiriman terlalu besar: paling banyak 25 MB sekaligus. Unggah berkas satu per satu."
)


def limit_upload_size(view=None, *, limit: int = MAX_REQUEST_BYTES):
    """Decorate an upload view so that an oversized POST is never parsed.

    CsrfViewMiddleware reads request.POST, which would spool the whole body to disk before
    the view could look at its size; so the view is CSRF-exempt here and protected again
    once the size is known (the pattern of Django's upload handler docs). An oversized
    request reaches the view with `request.upload_too_large` True and empty POST/FILES:
    the view must only show the form again with REQUEST_TOO_LARGE_MESSAGE.
    """

    def decorate(view_func):
        protected = csrf_protect(view_func)

        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            request.upload_too_large = request.method == "POST" and request_too_large(
                request, limit
            )
            if request.upload_too_large:
                request._post, request._files = QueryDict(), MultiValueDict()
                return view_func(request, *args, **kwargs)
            return protected(request, *args, **kwargs)

        return csrf_exempt(wrapper)

    return decorate(view) if view is not None else decorate


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class JudgedFileField(forms.FileField):
    """One file of a kind other than a scan (a spreadsheet, a certificate), cleaned by
    `judge(uploaded)`, which reads it by its content and raises ValidationError or returns
    what the form keeps. The gate's test accepts only this field and ScanField."""

    def __init__(self, *args, judge, **kwargs):
        self.judge = judge
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        return self.judge(uploaded) if uploaded else uploaded


class ScanField(forms.FileField):
    """One or more scans; cleans to a list of CleanUpload. Each file's refusal names it."""

    widget = MultipleFileInput

    def __init__(
        self,
        *args,
        max_files: int = MAX_FILES_PER_REQUEST,
        max_bytes: int = MAX_UPLOAD_BYTES,
        max_total: int = MAX_REQUEST_BYTES,
        allowed: tuple[str, ...] = ALL_TYPES,
        **kwargs,
    ):
        self.max_files = max_files
        self.max_bytes = max_bytes
        self.max_total = max_total
        self.allowed = allowed
        kwargs.setdefault(
            "help_text",
            _("PDF, JPEG atau PNG; paling besar 10 MB per berkas, 25 MB dan 10 berkas sekaligus."),
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT_ATTRIBUTE)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(_("Pilih paling sedikit satu berkas."), code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                _("Terlalu banyak berkas: paling banyak %(max)d berkas sekaligus.")
                % {"max": self.max_files},
                code="too_many_files",
            )
        total = sum(getattr(f, "size", 0) or 0 for f in files)
        if total > self.max_total:
            raise ValidationError(
                _("Jumlah ukuran berkas %(size)s; paling banyak %(limit)s sekaligus.")
                % {"size": filesizeformat(total), "limit": filesizeformat(self.max_total)},
                code="request_too_large",
            )
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(
                    validate_upload(uploaded, max_bytes=self.max_bytes, allowed=self.allowed)
                )
            except ValidationError as error:
                name = sanitize_filename(getattr(uploaded, "name", ""))
                for message in error.messages:
                    errors.append(
                        ValidationError(
                            "%(name)s: %(message)s",
                            code=error.error_list[0].code if error.error_list else "invalid",
                            params={"name": name, "message": message},
                        )
                    )
        if errors:
            raise ValidationError(errors)
        return cleaned


# --- several scans as one PDF --------------------------------------------------------

A4_WIDTH_INCHES = 210 / 25.4


def _image_as_pdf(upload: CleanUpload) -> bytes:
    """One page per image, sized so that the image is as wide as an A4 page."""
    from PIL import Image

    with Image.open(io.BytesIO(upload.content)) as image:
        page = image.convert("RGB") if image.mode not in ("L", "RGB") else image.copy()
    dpi = max(page.width / A4_WIDTH_INCHES, 1)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=dpi)
    return out.getvalue()


def assemble_pdf(uploads: list[CleanUpload], *, original_name: str = "") -> CleanUpload:
    """Cleaned scans (PDF pages and images, in the order given) joined into one PDF: a
    document scanned page by page is kept as the one document it is. One PDF is kept as
    it is."""
    from pypdf import PdfWriter

    if not uploads:
        raise ValueError("nothing to assemble")
    if len(uploads) == 1 and uploads[0].content_type == PDF:
        return uploads[0]
    writer = PdfWriter()
    for upload in uploads:
        data = upload.content if upload.content_type == PDF else _image_as_pdf(upload)
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    content = out.getvalue()
    name = original_name or str(PurePosixPath(uploads[0].original_name).with_suffix(".pdf"))
    return CleanUpload(
        content=content,
        content_type=PDF,
        original_name=sanitize_filename(name),
        sha256=hashlib.sha256(content).hexdigest(),
    )


# --- serving -------------------------------------------------------------------------


def attachment_response(fieldfile, *, filename: str, content_type: str) -> FileResponse:
    """Serve a stored upload as a download that no browser renders or sniffs."""
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type if content_type in ALL_TYPES else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


# --- a signer's certificate (TTE) ---------------------------------------------------------
MAX_PKCS12_BYTES = 64 * 1024


def read_pkcs12_upload(upload) -> bytes:
    """The bytes of an uploaded PKCS#12 (.p12/.pfx), judged by content: at most 64 KB and
    a DER SEQUENCE; whether it opens (with the passphrase) is documents.signing's check."""
    if upload.size > MAX_PKCS12_BYTES:
        raise _refuse(_("Berkas sertifikat paling besar 64 KB."), "too_large")
    upload.seek(0)
    data = upload.read(MAX_PKCS12_BYTES + 1)
    if len(data) > MAX_PKCS12_BYTES:
        raise _refuse(_("Berkas sertifikat paling besar 64 KB."), "too_large")
    if not data.startswith(b"\x30"):
        raise _refuse(_("Berkas ini bukan sertifikat PKCS#12 (.p12 atau .pfx)."), "not_pkcs12")
    return data

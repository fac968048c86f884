"""documents.uploads, the shared gate for scans: every refusal, judged by content, and the
upload page that shows each refusal beside the field and keeps the other input."""

from __future__ import annotations

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations.models import ConsultationScan
from documents.uploads import (
    MAX_FILES_PER_REQUEST,
    MAX_IMAGE_PIXELS,
    MAX_UPLOAD_BYTES,
    ScanField,
    download_name,
    sanitize_filename,
    validate_upload,
)
from tests.consultations.conftest import jpeg_bytes, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def refusal_code(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    return error.value.error_list[0].code


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, with one tiny (invalid) data chunk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 10))
        + chunk(b"IEND", b"")
    )


# --- accepted ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,content,content_type",
    [
        ("scan.pdf", pdf_bytes(), "application/pdf"),
        ("foto.jpg", jpeg_bytes(), "image/jpeg"),
        ("foto.png", png_bytes(), "image/png"),
    ],
)
def test_pdf_jpeg_png_are_accepted(name, content, content_type):
    clean = validate_upload(upload(name, content))
    assert clean.content_type == content_type
    assert clean.original_name == name
    assert len(clean.sha256) == 64


def test_type_comes_from_content_not_name():
    clean = validate_upload(upload("foto.pdf", png_bytes()))
    assert clean.content_type == "image/png"
    assert download_name(clean.original_name, clean.content_type) == "foto.pdf.png"


def test_weasyprint_pdf_passes_the_structural_check():
    import weasyprint

    content = weasyprint.HTML(string="<p>Berita acara</p>").write_pdf()
    assert validate_upload(upload("ba.pdf", content)).content_type == "application/pdf"


def test_images_are_reencoded_without_metadata_or_trailing_data():
    from PIL import Image

    exif = Image.Exif()
    exif[0x0131] = "KameraRahasia 1.0"  # Software
    exif[0x010E] = "lokasi rumah saya"  # ImageDescription
    jpeg = jpeg_bytes(exif=exif.tobytes())
    assert b"KameraRahasia" in jpeg
    clean = validate_upload(upload("foto.jpg", jpeg))
    assert b"KameraRahasia" not in clean.content and b"Exif" not in clean.content

    trailing = png_bytes() + b"<html><script>alert(1)</script></html>"
    clean = validate_upload(upload("foto.png", trailing))
    assert b"<script>" not in clean.content
    assert clean.content.endswith(b"IEND\xaeB`\x82")


# --- refused ------------------------------------------------------------------------------


def test_oversized_file_is_refused():
    assert refusal_code("besar.pdf", b"%PDF-1.4\n" + b"0" * MAX_UPLOAD_BYTES) == "too_large"


def test_zero_bytes_are_refused():
    assert refusal_code("kosong.pdf", b"") == "empty"


@pytest.mark.parametrize(
    "name,content",
    [
        ("undangan.pdf", b"Ini hanya teks biasa, bukan PDF."),
        ("daftar-hadir.pdf", b"<html><body>phishing</body></html>"),
        ("foto.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("foto.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("arsip.pdf", b"PK\x03\x04" + b"\0" * 100),
    ],
)
def test_wrong_type_by_content_under_a_right_extension_is_refused(name, content):
    assert refusal_code(name, content) == "wrong_type"


def test_png_header_followed_by_html_is_refused():
    content = b"\x89PNG\r\n\x1a\n<html><script>alert(document.cookie)</script></html>"
    assert refusal_code("foto.png", content) == "invalid_image"


def test_jpeg_header_followed_by_garbage_is_refused():
    assert refusal_code("foto.jpg", b"\xff\xd8\xff\xe0" + b"<html>" * 50) == "invalid_image"


@pytest.mark.parametrize(
    "header",
    [b"\x7fELF\x02\x01\x01\x00", b"MZ\x90\x00\x03\x00\x00\x00", b"#!/bin/sh\nrm -rf /\n"],
    ids=["elf", "mz", "script"],
)
def test_executable_renamed_pdf_is_refused(header):
    assert refusal_code("berita-acara.pdf", header + b"\0" * 2000) == "wrong_type"


def test_pdf_without_trailer_is_refused():
    assert refusal_code("ba.pdf", pdf_bytes()[:-200]) == "broken_pdf"


def test_pdf_header_followed_by_html_is_refused():
    assert refusal_code("ba.pdf", b"%PDF-1.7\n<html><script>x</script></html>") == "broken_pdf"


def with_object(body: bytes) -> bytes:
    """A clean scan with an incremental update adding object 99 (as an editor saves)."""
    content = pdf_bytes()
    root = re.search(rb"/Root (\d+ \d+ R)", content).group(1)
    previous = re.findall(rb"startxref\s+(\d+)", content)[-1]
    obj = b"\n99 0 obj\n" + body + b"\nendobj\n"
    xref_at = len(content) + len(obj)
    return (
        content
        + obj
        + b"xref\n99 1\n%010d 00000 n \ntrailer\n<< /Size 100 /Root %s /Prev %s >>\n"
        % (len(content) + 1, root, previous)
        + b"startxref\n%d\n%%%%EOF\n" % xref_at
    )


def test_an_incremental_update_of_plain_data_is_accepted():
    """The twin of the refusals below: the same update carrying nothing active passes."""
    content = with_object(b"<< /Title (Berita acara) >>")
    assert validate_upload(upload("ba.pdf", content)).content_type == "application/pdf"


@pytest.mark.parametrize(
    "body",
    [
        b"<< /S /JavaScript /JS (app.alert(1)) >>",
        # The same action with its names #-escaped: only a real parse sees it.
        b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>",
        b"<< /S /Launch /F (cmd.exe) >>",
        b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> /EmbeddedFile 5 0 R >>",
    ],
    ids=["javascript", "escaped-names", "launch", "embedded-file"],
)
def test_pdf_with_active_content_is_refused(body):
    assert refusal_code("ba.pdf", with_object(body)) == "active_pdf"


def test_pdf_with_an_attachment_made_by_a_library_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.add_attachment("program.exe", b"MZ" + b"\0" * 64)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refusal_code("ba.pdf", buffer.getvalue()) == "active_pdf"


def test_encrypted_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("rahasia", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refusal_code("ba.pdf", buffer.getvalue()) == "encrypted_pdf"


def test_pdf_whose_objects_cannot_be_read_is_refused():
    """Structure intact (header, trailer, xref offset), contents garbage."""
    content = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n"
    xref_at = len(content)
    content += (
        b"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
        b"trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )
    assert refusal_code("ba.pdf", content) == "broken_pdf"


def test_image_over_the_pixel_limit_is_refused():
    side = int(MAX_IMAGE_PIXELS**0.5) + 100
    assert refusal_code("besar.png", png_header_only(side, side)) == "too_many_pixels"
    # A decompression bomb far beyond Pillow's own limit is refused too.
    assert refusal_code("bom.png", png_header_only(30000, 30000)) == "too_many_pixels"


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\system32\\scan.pdf", "scan.pdf"),
        ("/var/www/../.htaccess", "htaccess"),
        ("laporan\u202efdp.exe", "laporanfdp.exe"),
        ("a\u200bb\u2066c\u2069.pdf", "abc.pdf"),
        ("nama\x00berkas\r\n.pdf", "namaberkas.pdf"),
        ("   ", "berkas"),
        ("...", "berkas"),
    ],
)
def test_names_are_sanitised(raw, expected):
    assert sanitize_filename(raw) == expected


def test_long_names_are_capped_keeping_the_extension():
    name = sanitize_filename("a" * 500 + ".pdf")
    assert len(name) == 120 and name.endswith(".pdf")


def test_scan_field_refuses_too_many_files():
    field = ScanField()
    files = [upload(f"{i}.png", png_bytes()) for i in range(MAX_FILES_PER_REQUEST + 1)]
    with pytest.raises(ValidationError) as error:
        field.clean(files)
    assert error.value.error_list[0].code == "too_many_files"


def test_scan_field_refuses_a_total_over_the_request_limit():
    field = ScanField(max_total=2 * MB)
    files = [upload(f"{i}.pdf", b"x" * MB) for i in range(3)]
    with pytest.raises(ValidationError) as error:
        field.clean(files)
    assert error.value.error_list[0].code == "request_too_large"


def test_scan_field_names_each_refused_file():
    field = ScanField()
    with pytest.raises(ValidationError) as error:
        field.clean([upload("baik.png", png_bytes()), upload("jahat.pdf", b"MZ\0\0")])
    assert len(error.value.messages) == 1
    assert error.value.messages[0].startswith("jahat.pdf: ")


# --- the upload page ------------------------------------------------------------------------


def scan_url(consultation):
    return reverse("consultations:scan-list", args=[consultation.agency.slug, consultation.pk])


def test_upload_page_stores_several_files(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(
        scan_url(consultation),
        {
            "kind": "photo",
            "files": [upload("a.png", png_bytes()), upload("b.jpg", jpeg_bytes())],
        },
    )
    assert response.status_code == 302
    assert consultation.scans.filter(kind="photo").count() == 2


def test_refusal_is_shown_beside_the_field_and_the_kind_is_kept(client, drafter_a, consultation):
    client.force_login(drafter_a)
    response = client.post(
        scan_url(consultation),
        {"kind": "minutes", "files": [upload("ba.pdf", b"\x7fELF" + b"\0" * 100)]},
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_files_error"' in content
    assert "ba.pdf: Isi berkas ini bukan PDF, JPEG atau PNG" in content
    assert '<option value="minutes" selected>' in content
    assert not ConsultationScan.objects.exists()


def test_too_many_files_in_one_request(client, drafter_a, consultation):
    client.force_login(drafter_a)
    files = [upload(f"{i}.png", png_bytes()) for i in range(MAX_FILES_PER_REQUEST + 1)]
    response = client.post(scan_url(consultation), {"kind": "photo", "files": files})
    assert response.status_code == 400
    assert "paling banyak 10 berkas" in response.content.decode()
    assert not ConsultationScan.objects.exists()


def test_oversized_request_is_not_parsed(client, drafter_a, consultation):
    client.force_login(drafter_a)
    big = upload("besar.pdf", b"%PDF-1.4\n" + b"0" * (26 * MB))
    response = client.post(scan_url(consultation), {"kind": "minutes", "files": [big]})
    assert response.status_code == 413
    assert "paling banyak 25 MB sekaligus" in response.content.decode()
    assert not ConsultationScan.objects.exists()


def test_oversized_request_still_needs_the_right_to_manage(client, reviewer, consultation):
    client.force_login(reviewer)
    big = upload("besar.pdf", b"0" * (26 * MB))
    response = client.post(scan_url(consultation), {"kind": "minutes", "files": [big]})
    assert response.status_code == 403


def test_upload_needs_the_csrf_token(drafter_a, consultation):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(drafter_a)
    response = client.post(
        scan_url(consultation), {"kind": "photo", "files": [upload("a.png", png_bytes())]}
    )
    assert response.status_code == 403
    assert not ConsultationScan.objects.exists()


def test_download_is_an_attachment_that_is_never_rendered(client, drafter_a, consultation):
    client.force_login(drafter_a)
    content = pdf_bytes()  # Pillow stamps the time: make the bytes once
    client.post(
        scan_url(consultation),
        {"kind": "minutes", "files": [upload("../BA \u202e.pdf", content)]},
    )
    scan = consultation.scans.get()
    response = client.get(
        reverse(
            "consultations:scan-download",
            args=[consultation.agency.slug, consultation.pk, scan.pk],
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "BA .pdf" in response["Content-Disposition"]
    assert "\u202e" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"".join(response.streaming_content) == content

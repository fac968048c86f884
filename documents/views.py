"""The public verification page (`/verifikasi/`, `/verifikasi/<code>/`) and guarded downloads.

Files are never under a public URL: `download` checks `documents.permissions.may_download`
and serves the bytes as an attachment with nosniff and a sandboxing CSP.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bontang_sp import ratelimit

from .forms import MAX_VERIFY_UPLOAD_BYTES, CodeForm, VerifyUploadForm
from .models import CODE_LENGTH, Document, normalise_code
from .permissions import is_public_download, may_download
from .selectors import document_by_code, issued_documents_with_hash
from .signing.validation import documents_named_in, signatures_of_document, validate_signatures

REQUEST_OVERHEAD_BYTES = 256 * 1024


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "documents/verify_rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def _body_too_large(request: HttpRequest) -> bool:
    """Checked before request.FILES is touched, so a huge body is never parsed or spooled."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > MAX_VERIFY_UPLOAD_BYTES + REQUEST_OVERHEAD_BYTES


def _upload_form(request: HttpRequest) -> VerifyUploadForm:
    if _body_too_large(request):
        form = VerifyUploadForm()
        form.cleaned_data = {}
        form.add_error(None, _("Berkas terlalu besar; paling besar 20 MB."))
        return form
    return VerifyUploadForm(request.POST, request.FILES)


@login_not_required
@require_http_methods(["GET", "POST"])
def verify_index(request: HttpRequest) -> HttpResponse:
    """Type a code, or drop a PDF to learn whether it is an issued document."""
    if not ratelimit.allow(request, scope="verify"):
        return _too_many(request)
    code_form = CodeForm(request.GET or None)
    upload_form = VerifyUploadForm()
    matches = upload_signatures = named = None
    if code_form.is_bound and code_form.is_valid():
        return redirect("documents:verify", code=code_form.cleaned_data["kode"])
    if request.method == "POST":
        upload_form = _upload_form(request)
        if upload_form.is_bound and upload_form.is_valid():
            matches = list(issued_documents_with_hash(upload_form.cleaned_data["berkas"]))
            upload_signatures = validate_signatures(upload_form.pdf_bytes)
            # A changed file matches nothing: its signatures still say which document it was.
            named = [] if matches else documents_named_in(upload_signatures)
    return render(
        request,
        "documents/verify_index.html",
        {
            "code_form": code_form,
            "upload_form": upload_form,
            "matches": matches,
            "upload_signatures": upload_signatures,
            "named": named,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """What the document with this code is, whether it is in force, and a byte comparison."""
    if not ratelimit.allow(request, scope="verify"):
        return _too_many(request)
    canonical = normalise_code(code)
    if canonical and canonical != code and len(canonical) <= CODE_LENGTH:
        return redirect("documents:verify", code=canonical)
    document = document_by_code(canonical) if canonical == code else None
    if document is None:
        return render(request, "documents/verify_not_found.html", {"code": code}, status=404)
    upload_form = VerifyUploadForm()
    comparison = upload_signatures = None
    if request.method == "POST":
        upload_form = _upload_form(request)
        if upload_form.is_bound and upload_form.is_valid():
            comparison = bool(document.sha256) and (
                upload_form.cleaned_data["berkas"] == document.sha256
            )
            if not comparison:
                upload_signatures = validate_signatures(upload_form.pdf_bytes)
    return render(
        request,
        "documents/verify.html",
        {
            "document": document,
            "upload_form": upload_form,
            "comparison": comparison,
            "signatures": signatures_of_document(document),
            "upload_signatures": upload_signatures,
            "public_download": is_public_download(document),
            "may_download": may_download(request.user, document),
        },
    )


def download_filename(document: Document) -> str:
    stem = slugify(document.title)[:80].strip("-") or "dokumen"
    return f"{stem}-{document.code}.pdf"


def document_file_response(document: Document) -> FileResponse:
    """The PDF as an attachment that no browser renders inline or sniffs."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=download_filename(document),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = (
        "public, max-age=3600" if is_public_download(document) else "private, no-store"
    )
    return response


@login_not_required
@require_GET
def download(request: HttpRequest, code: str) -> HttpResponse:
    """Issued public documents for everyone; the others for those who may read the agency."""
    if not request.user.is_authenticated and not ratelimit.allow(request, scope="verify"):
        return _too_many(request)
    document = document_by_code(code)
    if document is None or not document.is_ready:
        raise Http404
    if not may_download(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return document_file_response(document)

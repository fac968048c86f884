"""The error pages: Indonesian, in the site's layout; JSON under /api/ (any view there,
whatever framework serves it). The 500 page reads nothing: no database, no context
processors, so it still answers when the database is what broke."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"

PAGES = {
    400: (
        _lazy("Permintaan tidak dapat diproses"),
        _lazy("Permintaan yang dikirim tidak sah atau tidak lengkap."),
    ),
    403: (
        _lazy("Akses ditolak"),
        _lazy("Anda tidak berwenang membuka halaman ini dengan akun ini."),
    ),
    404: (
        _lazy("Halaman tidak ditemukan"),
        _lazy(
            "Alamat yang Anda buka tidak ada, sudah dipindahkan, atau belum diterbitkan. "
            "Periksa kembali alamatnya."
        ),
    ),
    500: (
        _lazy("Terjadi gangguan pada sistem"),
        _lazy(
            "Permintaan Anda belum dapat diselesaikan. Gangguan ini sudah tercatat; "
            "silakan coba lagi beberapa saat lagi."
        ),
    ),
}

# Served when even the template fails (a broken installation): plain, and complete.
LAST_RESORT = (
    '<!doctype html><html lang="id"><head><meta charset="utf-8">'
    "<title>Terjadi gangguan pada sistem — Bontang SP</title></head><body>"
    "<h1>Terjadi gangguan pada sistem</h1><p>Silakan coba lagi beberapa saat lagi.</p>"
    "</body></html>"
)


def api_error(status: int, detail: str | None = None, **extra) -> JsonResponse:
    """The one shape of an error under /api/: {"detail": ..., "status": ...}."""
    return JsonResponse(
        {"detail": str(detail or PAGES[status][1]), "status": status, **extra},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _answer(request, status: int, *, message: str | None = None, with_request: bool = True):
    title, default_message = (str(text) for text in PAGES[status])
    message = message or default_message
    if request is not None and request.path_info.startswith(API_PREFIX):
        return api_error(status, message)
    context = {"status": status, "title": title, "message": message}
    try:
        template = loader.get_template("errors/page.html")
        # Without the request: no context processors (they would read the session and user).
        body = template.render(context, request if with_request else None)
    except Exception:
        logger.exception("Halaman galat %s tidak dapat dirender.", status)
        body = LAST_RESORT
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return _answer(request, 400, with_request=False)


def permission_denied(request, exception=None):
    """The refusal, explained: our services and gatekeepers raise PermissionDenied with
    the reason in Indonesian (`agencies.permissions.refuse_unless`); without one, the
    page's own sentence."""
    reason = str(exception) if isinstance(exception, PermissionDenied) else ""
    return _answer(request, 403, message=reason or None)


def page_not_found(request, exception=None):
    return _answer(request, 404)


def server_error(request):
    return _answer(request, 500, with_request=False)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token, or from another site."""
    return _answer(
        request,
        403,
        message=_(
            "Formulir ini kedaluwarsa atau tidak dikirim dari halaman Bontang SP. "
            "Muat ulang halaman, lalu kirim lagi."
        ),
    )

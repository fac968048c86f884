"""Site-wide response rules that no single view should have to remember."""

from __future__ import annotations

STAFF_PREFIX = "/kelola/"


def staff_pages_not_stored(get_response):
    """Every response under /kelola/ is `Cache-Control: private, no-store`: staff pages
    hold drafts and personal data that no browser history or shared cache may keep."""

    def middleware(request):
        response = get_response(request)
        if request.path_info.startswith(STAFF_PREFIX):
            response["Cache-Control"] = "private, no-store"
        return response

    return middleware

"""Site-wide response rules that no single view should have to remember."""

from __future__ import annotations

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired

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


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Deny by default, as Django's, asking the view first: Django's reads `request.user`
    (the session) before it looks at `@login_not_required`, so every public page was
    marked `Vary: Cookie` (no shared cache may serve it to everyone) and cost a logged-in
    visitor the session and user reads. Same answers, in the other order."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

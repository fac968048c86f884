"""Staff lists page by page (Django's Paginator): `?halaman=N`, the other filters kept."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

STAFF_PAGE_SIZE = 50
PAGE_PARAMETER = "halaman"


def paginate(request, items, per_page: int = STAFF_PAGE_SIZE) -> dict:
    """The context for `includes/pagination.html`: `page` (a bad or too large number gives
    the nearest page) and `page_query`, the request's other parameters to keep."""
    page: Page = Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return {"page": page, "page_query": query.urlencode()}

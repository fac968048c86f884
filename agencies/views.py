from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .permissions import prefetch_agency_permissions
from .selectors import staff_roles
from .worklist import items_for


def staff_home(request):
    """/kelola/: the user's agencies and roles, and what waits for them."""
    roles = staff_roles(request.user)
    # Each role's links ask the pages' own permissions (e.g. the SKM pages).
    prefetch_agency_permissions(request.user, [role.agency for role in roles])
    return render(
        request,
        "agencies/staff_home.html",
        {"roles": roles, "tasks": items_for(request.user)},
    )


@login_not_required
@never_cache
def health(request):
    """For load balancers and compose health checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")

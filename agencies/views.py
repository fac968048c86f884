from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .selectors import staff_roles
from .worklist import items_for


def staff_home(request):
    """/kelola/: the user's agencies and roles, and what waits for them."""
    return render(
        request,
        "agencies/staff_home.html",
        {"roles": staff_roles(request.user), "tasks": items_for(request.user)},
    )


@login_not_required
@never_cache
def health(request):
    """For load balancers and compose health checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")

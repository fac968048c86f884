from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .homes import sections_for
from .models import Notification
from .notifications import notification_mark_read
from .permissions import prefetch_agency_permissions
from .selectors import staff_roles
from .workdays import calendar_for, wait_between
from .worklist import items_for


def staff_home(request):
    """/kelola/: the home of the user's role: their tasks with how long each waited, the
    sections the apps give for the role (stepper, review queue, signatures, dashboard),
    and their agencies and roles."""
    calendar, now = calendar_for(request), timezone.now()
    roles = staff_roles(request.user)
    # Each role's links ask the pages' own permissions (e.g. the SKM pages).
    prefetch_agency_permissions(request.user, [role.agency for role in roles])
    tasks = [
        (item, wait_between(item.since, now, calendar) if item.since else None)
        for item in items_for(request.user)
    ]
    return render(
        request,
        "agencies/staff_home.html",
        {
            "roles": roles,
            "tasks": tasks,
            "sections": sections_for(request),
            "wait_calendar": calendar,
        },
    )


@login_not_required
@never_cache
def health(request):
    """For load balancers and compose health checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def notification_list(request):
    """/kelola/pemberitahuan/: the user's own notifications, newest first, unread marked."""
    page = Paginator(
        Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk"), 50
    ).get_page(request.GET.get("halaman"))
    return render(request, "agencies/notifications.html", {"page": page})


@require_POST
def notification_read(request, pk: int | None = None):
    """Mark one notification (or all) as read, then open its link or return to the list."""
    notification_mark_read(actor=request.user, pk=pk)
    if pk is not None and request.POST.get("buka"):
        notification = Notification.objects.filter(recipient=request.user, pk=pk).first()
        if notification and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}
        ):
            return redirect(notification.url or "notifications")
    return redirect("notifications")

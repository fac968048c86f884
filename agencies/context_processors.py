"""The header's count of unread notifications, for the staff layout."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .notifications import unread_count


def notifications(request):
    """The header's unread count, counted only when a template shows it (staff pages)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    return {"SITE_URL": settings.SITE_URL}


def notifications(request):
    """The header's unread count, counted only when a template shows it (staff pages)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from agencies.notifications import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}

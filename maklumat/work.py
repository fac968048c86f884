"""'Tugas saya' for Maklumat Pelayanan: a draft waiting for the agency head to set it
(Pasal 14 ayat (1)), the more so when a decree cannot come into force without it."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from agencies import permissions as agency_permissions
from agencies.worklist import WorkItem

from .models import Maklumat


def maklumat_work_items(user) -> list[WorkItem]:
    if not agency_permissions.is_actor(user):
        return []
    headed = agency_permissions.agencies_headed(user)
    drafts = Maklumat.objects.drafts().filter(agency__in=headed).select_related("agency")
    return [
        WorkItem(
            title=_("Tetapkan Maklumat Pelayanan (Pasal 14 ayat (1)): %(agency)s, versi %(v)s")
            % {"agency": draft.agency.name, "v": draft.version},
            url=reverse("maklumat:staff-detail", args=[draft.agency.slug]),
            since=draft.updated_at,
            agency_name=draft.agency.name,
        )
        for draft in drafts
    ]

"""The standards' sections of each role's home (/kelola/, agencies.homes):

- the drafter and the agency head: every service of their agencies with its stepper and
  what the next step lacks (standards.stages);
- Bagian Organisasi: the review queue with how long each item waited (Pasal 12 ayat (4));
- the mayor's office: what waits for its signature (Pasal 12 ayat (1)-(2)).
"""

from __future__ import annotations

import datetime
from itertools import groupby

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from agencies import permissions as agency_permissions
from agencies.homes import HomeSection
from agencies.models import Agency
from agencies.roles import CityRole
from agencies.workdays import calendar_for, wait_between
from maklumat.models import Maklumat

from ..decrees import workflow
from ..models import Decree, DecreeStatus
from ..stages import STEPPER, service_stages
from ..waits import waiting_decrees


def _agencies_of(user):
    drafting = agency_permissions.agencies_for_drafting(user)
    headed = agency_permissions.agencies_headed(user)
    return Agency.objects.filter(active=True).filter(
        Q(pk__in=drafting.values("pk")) | Q(pk__in=headed.values("pk"))
    )


def services_section(request) -> HomeSection | None:
    """The drafter's and the head's services, each with its stage (Pasal 10-13)."""
    user = request.user
    if not agency_permissions.is_actor(user):
        return None
    agencies = list(_agencies_of(user).order_by("name"))
    if not agencies:
        return None
    calendar, now = calendar_for(request), timezone.now()
    rows = service_stages(agencies)
    for row in rows:
        row.wait = wait_between(_aware(row.since), now, calendar) if row.since else None
    by_agency = {agency.pk: agency for agency in agencies}
    groups = [
        (by_agency[pk], list(items))
        for pk, items in groupby(rows, key=lambda r: r.service.agency_id)
    ]
    listed = {agency.pk for agency, _items in groups}
    groups += [(agency, []) for agency in agencies if agency.pk not in listed]
    groups.sort(key=lambda group: group[0].name)
    return HomeSection(
        "standards/home/_services.html",
        {"groups": groups, "stepper": STEPPER},
        order=20,
    )


def _aware(moment):
    """A date (in force since) read as the start of that day in WITA."""
    if isinstance(moment, datetime.datetime):
        return moment
    return timezone.make_aware(datetime.datetime.combine(moment, datetime.time()))


def review_section(request) -> HomeSection | None:
    """Pasal 12 ayat (4): the submitted drafts, oldest first, with their age."""
    if not agency_permissions.has_city_role(request.user, CityRole.REVIEWER):
        return None
    items = waiting_decrees(statuses=(DecreeStatus.SUBMITTED,), calendar=calendar_for(request))
    return HomeSection("standards/home/_review_queue.html", {"items": items}, order=10)


def signature_section(request) -> HomeSection | None:
    """Pasal 12 ayat (1)-(2): set decrees to ratify, and PTSP/PATEN decrees to set, with
    what their act still lacks (the guards' own reasons)."""
    if not agency_permissions.has_city_role(request.user, CityRole.MAYOR_OFFICE):
        return None
    items = [
        item
        for item in waiting_decrees(
            statuses=(DecreeStatus.SET, DecreeStatus.EVALUATED),
            calendar=calendar_for(request),
            queryset=_with_maklumat(),
        )
        if item.decree.status == DecreeStatus.SET or item.decree.by_mayor
    ]
    rows = []
    for item in items:
        item.decree.agency.has_set_maklumat = item.decree.maklumat_set
        action = workflow.next_action(item.decree)
        reasons = [
            reason
            for _guard, reason in workflow.guard_failures(item.decree, action, with_act_input=False)
        ]
        rows.append((item, workflow.TRANSITIONS[action].label, reasons))
    return HomeSection("standards/home/_signatures.html", {"rows": rows}, order=10)


def _with_maklumat():
    return Decree.objects.annotate(
        maklumat_set=Exists(Maklumat.objects.current().filter(agency=OuterRef("agency")))
    )

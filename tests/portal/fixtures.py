"""Standards brought into force through the real workflow (submit, pass, set, ratify)."""

from __future__ import annotations

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from standards import decrees
from standards.models import ServiceStandard
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import consult, form_team, set_maklumat, sign

_numbers = iter(range(1, 10_000))


def to_force(decree, *, drafter, reviewer, head, mayor):
    decrees.decree_submit(actor=drafter, decree=decree)
    decrees.decree_pass(actor=reviewer, decree=decree)
    decrees.decree_set(
        actor=head, decree=decree, number=f"{next(_numbers)}/2026", decree_date=timezone.localdate()
    )
    sign(decree, head)
    return decrees.decree_ratify(actor=mayor, decree=decree)


def in_force_standard(
    agency, *, drafter, reviewer, head, mayor, name=None, slug=None, services=1, **fields
) -> list[ServiceStandard]:
    """`services` new services of `agency`, each with a complete standard, all in force
    by one decree; the agency gets a team and a Maklumat first when it has none."""
    if not hasattr(agency, "drafting_team"):
        form_team(agency, chair_user=drafter)
    standards = []
    for n in range(services):
        service_fields = {"agency": agency}
        if name:
            service_fields["name"] = name if services == 1 else f"{name} {n}"
            service_fields["slug"] = slug if services == 1 else f"{slug}-{n}"
        standard = make_complete_standard(service=ServiceFactory(**service_fields), **fields)
        consult(standard)
        standards.append(standard)
    decree = decrees.decree_create(actor=drafter, agency=agency, standards=standards)
    _ensure_maklumat(head, agency)
    # Run what the acts schedule after commit: the decree PDF render, the portal refresh.
    with TestCase.captureOnCommitCallbacks(execute=True):
        to_force(decree, drafter=drafter, reviewer=reviewer, head=head, mayor=mayor)
    cache.clear()
    for standard in standards:
        standard.refresh_from_db()
    return standards


def _ensure_maklumat(head, agency) -> None:
    from maklumat.selectors import has_set_maklumat

    if not has_set_maklumat(agency):
        set_maklumat(head, agency)

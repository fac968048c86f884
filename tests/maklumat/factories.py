"""Factories of Maklumat in each state. `SetMaklumatFactory(agency=...)` gives an agency
a Maklumat in force, for tests of the ratification guard (Pasal 14 ayat (1))."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from maklumat.models import Maklumat, MaklumatStatus, agency_head_title, default_statements
from tests.factories import AgencyFactory

__all__ = ["MaklumatFactory", "SetMaklumatFactory"]

DEFAULTS = default_statements()


class MaklumatFactory(factory.django.DjangoModelFactory):
    """A draft, as `maklumat_draft` starts it."""

    class Meta:
        model = Maklumat
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    version = factory.LazyAttribute(
        lambda m: (
            (
                Maklumat.objects.filter(agency=m.agency)
                .order_by("-version")
                .values_list("version", flat=True)
                .first()
                or 0
            )
            + 1
        )
    )
    status = MaklumatStatus.DRAFT
    statement_promise = DEFAULTS["statement_promise"]
    statement_obligation = DEFAULTS["statement_obligation"]
    statement_sanction = DEFAULTS["statement_sanction"]


class SetMaklumatFactory(MaklumatFactory):
    """A Maklumat in force, with the head's snapshot (written directly, not through the
    service: no posters are requested)."""

    status = MaklumatStatus.SET
    set_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    set_at = factory.LazyFunction(timezone.now)
    agency_name = factory.LazyAttribute(lambda m: m.agency.name)
    head_title = factory.LazyAttribute(lambda m: agency_head_title(m.agency))
    head_name = factory.LazyAttribute(lambda m: m.agency.head_name)
    head_rank = factory.LazyAttribute(lambda m: m.agency.head_rank)
    head_nip = factory.LazyAttribute(lambda m: m.agency.head_nip)

"""Reads of Maklumat Pelayanan. The staff reads are scoped by the views' gatekeepers
(`maklumat.permissions`); the public reads return only Maklumat that were set."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from agencies.models import Agency

from .models import Maklumat, MaklumatStatus


def current_maklumat(agency: Agency) -> Maklumat | None:
    """The agency's Maklumat in force (set and not replaced), or None."""
    return (
        Maklumat.objects.current().filter(agency=agency).select_related("agency", "set_by").first()
    )


def has_set_maklumat(agency: Agency) -> bool:
    """Pasal 14 ayat (1): the agency head has set a Maklumat that is in force."""
    return Maklumat.objects.current().filter(agency=agency).exists()


def draft_maklumat(agency: Agency) -> Maklumat | None:
    return (
        Maklumat.objects.drafts()
        .filter(agency=agency)
        .select_related("created_by", "updated_by")
        .first()
    )


def maklumat_history(agency: Agency) -> QuerySet[Maklumat]:
    """Every version ever set, newest first (the current one and those it replaced)."""
    return (
        Maklumat.objects.was_set()
        .filter(agency=agency)
        .select_related("set_by")
        .order_by("-version")
    )


def maklumat_version(agency: Agency, version: int) -> Maklumat | None:
    return (
        Maklumat.objects.filter(agency=agency, version=version)
        .select_related("agency", "set_by", "created_by", "updated_by")
        .first()
    )


def public_maklumat(agency: Agency) -> Maklumat | None:
    """What a citizen sees: the Maklumat in force, never a draft."""
    if not agency.active:
        return None
    return current_maklumat(agency)


def with_current_maklumat(agencies: QuerySet[Agency]) -> QuerySet[Agency]:
    """Annotate `has_maklumat`: the agency has a Maklumat in force (what `current_maklumat`
    finds), read in the agency's own query (the portal's agency page)."""
    current = Maklumat.objects.current().filter(agency=OuterRef("pk"))
    return agencies.annotate(has_maklumat=Exists(current))


def with_maklumat_status(agencies: QuerySet[Agency]) -> QuerySet[Agency]:
    """Annotate `has_set_maklumat` and `has_maklumat_draft` for lists (Pasal 15 monitoring)."""
    return agencies.annotate(
        has_set_maklumat=Exists(
            Maklumat.objects.filter(agency=OuterRef("pk"), status=MaklumatStatus.SET)
        ),
        has_maklumat_draft=Exists(
            Maklumat.objects.filter(agency=OuterRef("pk"), status=MaklumatStatus.DRAFT)
        ),
    )

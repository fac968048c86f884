from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def skm_summary(agency, service=None):
    """{% skm_summary agency service as summary %}: the published SKM result, or None."""
    from ..selectors import published_summary

    if agency is None:
        return None
    return published_summary(agency, service)


@register.inclusion_tag("monitoring/_application_status.html")
def application_status(standard):
    """Pasal 13 ayat (2): whether a standard in force was internalised and socialised."""
    from ..models import ActivityKind

    kinds = set(standard.implementation_activities.values_list("kind", flat=True))
    return {
        "standard": standard,
        "internalised": ActivityKind.INTERNALISATION in kinds,
        "socialised": ActivityKind.SOCIALISATION in kinds,
    }


@register.filter
def may_read_reports(user, agency) -> bool:
    """`{% if user|may_read_reports:agency %}`: the SKM pages' own permission answer, so a
    link to them shows only where they open."""
    from ..permissions import may_read_reports as answer

    return agency is not None and answer(user, agency)

"""{% load consultation_trace %}{% standard_trace standard %}: the trace input -> change on a
standard's page, for apps that must not import consultations (standards reads it this way)."""

from __future__ import annotations

from django import template

from consultations.selectors import consultations_for_standard, inputs_for_standard

register = template.Library()


@register.inclusion_tag("consultations/_standard_trace.html")
def standard_trace(standard, public: bool = False) -> dict:
    """Staff pages also list the consultations (with links); the public sees only the
    inputs, without the speakers' names."""
    return {
        "standard": standard,
        "trace_inputs": inputs_for_standard(standard),
        "trace_consultations": [] if public else consultations_for_standard(standard),
        "public": public,
    }

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.public import forget_generation
from tests.portal.fixtures import in_force_standard


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    forget_generation()
    yield
    cache.clear()
    forget_generation()


@pytest.fixture
def akta(agency_a, drafter_a, reviewer, head_a, mayor_office):
    """Penerbitan Akta Kelahiran of Disdukcapil, in force through the whole workflow."""
    (standard,) = in_force_standard(
        agency_a,
        drafter=drafter_a,
        reviewer=reviewer,
        head=head_a,
        mayor=mayor_office,
        name="Penerbitan Akta Kelahiran",
        slug="akta-kelahiran",
        texts={"product": "Kutipan Akta Kelahiran"},
    )
    return standard


@pytest.fixture
def force(agency_a, drafter_a, reviewer, head_a, mayor_office):
    """force(**kw): more standards of agency_a in force."""

    def make(**kw):
        return in_force_standard(
            agency_a, drafter=drafter_a, reviewer=reviewer, head=head_a, mayor=mayor_office, **kw
        )

    return make

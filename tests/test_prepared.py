"""bontang_sp.prepared: a `.values()` read compiled once gives what the queryset gives."""

from __future__ import annotations

import pytest

from agencies.models import Agency
from bontang_sp.prepared import Prepared

pytestmark = pytest.mark.django_db


def _by_slug(slug):
    return Agency.objects.active().filter(slug=slug).values("pk", "name", "active", "created_at")


def test_rows_are_the_querysets_rows_for_each_value(agency_a, agency_b):
    prepared = Prepared(_by_slug, slug="\0slug")
    for slug in (agency_a.slug, agency_b.slug, "tidak-ada"):
        assert prepared.rows(slug=slug) == list(_by_slug(slug))
    assert prepared.rows(slug=agency_b.slug)[0]["name"] == agency_b.name


def test_rows_follow_the_data(agency_a):
    prepared = Prepared(_by_slug, slug="\0slug")
    assert len(prepared.rows(slug=agency_a.slug)) == 1
    Agency.objects.filter(pk=agency_a.pk).update(active=False)
    assert prepared.rows(slug=agency_a.slug) == []


def test_a_value_that_is_not_a_parameter_is_refused():
    """A lookup that rewrites its value (icontains wraps it in %) cannot be prepared."""
    prepared = Prepared(lambda q: Agency.objects.filter(name__icontains=q).values("pk"), q="\0q")
    with pytest.raises(ValueError, match="q"):
        prepared.rows(q="dinas")


def _named(slug):
    return Agency.objects.filter(slug=slug, name="Dinas 'Uji' 100%", active=True).values("pk")


def test_the_codes_constants_are_literals_on_sqlite(agency_a):
    """SQLite prepares a statement again on every run when a bound value decided whether a
    partial index applies: only the request's values stay parameters there (a quote and
    a percent sign in a constant included); the rows are the queryset's."""
    from django.db import connection

    Agency.objects.filter(pk=agency_a.pk).update(name="Dinas 'Uji' 100%")
    prepared = Prepared(_named, slug="\0slug")
    assert prepared.rows(slug=agency_a.slug) == list(_named(agency_a.slug)) == [{"pk": agency_a.pk}]
    assert prepared.rows(slug="lain") == []
    compiled = prepared._local.compiled
    if connection.vendor == "sqlite":
        assert compiled.params == ("\0slug",)
    else:
        assert "Dinas 'Uji' 100%" in compiled.params

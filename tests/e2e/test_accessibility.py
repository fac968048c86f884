"""WCAG 2.2 AA: an axe audit (axe-core, run in Chromium) of the public pages shows no
serious or critical violation, on a desktop and on a phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEVERE = {"serious", "critical"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
}


@pytest.fixture
def published(agency_a, drafter_a, reviewer, head_a, mayor_office):
    from django.core.cache import cache

    from standards.decrees import decree_documents
    from tests.portal.fixtures import in_force_standard

    (standard,) = in_force_standard(
        agency_a,
        drafter=drafter_a,
        reviewer=reviewer,
        head=head_a,
        mayor=mayor_office,
        name="Penerbitan Akta Kelahiran",
        slug="akta-kelahiran",
    )
    decree = standard.decrees.get()
    yield standard, decree_documents(decree).get(kind="decree")
    cache.clear()


def _severe(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in SEVERE
    ]


@pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 900}, {"width": 360, "height": 740}],
    ids=["desktop", "phone"],
)
def test_public_pages_have_no_serious_or_critical_violation(page, live_server, published, viewport):
    standard, document = published
    agency = standard.service.agency.slug
    page.set_viewport_size(viewport)
    paths = [
        "/",
        f"/pd/{agency}/",
        f"/pd/{agency}/layanan/{standard.service.slug}/",
        f"/verifikasi/{document.code}/",
        f"/embed/pd/{agency}/",
        "/cari/?q=akta",
        "/kelola/masuk/",
    ]
    found = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        violations = _severe(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_the_audit_reports_a_violation_when_there_is_one(page, live_server):
    """The twin: the same audit catches an image without alternative text."""
    page.goto(f"{live_server.url}/kelola/masuk/")
    page.evaluate(
        "document.querySelector('main').appendChild(Object.assign("
        "document.createElement('img'), {src: '/static/img/logo.svg'}))"
    )
    assert any(v.startswith("image-alt") for v in _severe(page))

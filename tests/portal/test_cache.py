"""Public pages are cached and go stale exactly when a decree comes into force or is
revoked (the portal generation is bumped after commit)."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from portal.public import portal_generation
from standards import decrees
from tests.standards.factories import ServiceFactory, make_complete_standard
from tests.standards.workflow_fixtures import consult, sign


def test_second_visit_is_served_from_cache(client, akta):
    url = reverse("portal:public-agency", args=[akta.service.agency.slug])
    assert client.get(url)["X-Portal-Cache"] == "miss"
    assert client.get(url)["X-Portal-Cache"] == "hit"


def test_ratification_invalidates_the_cache(
    client, akta, agency_a, drafter_a, reviewer, head_a, mayor_office
):
    url = reverse("portal:public-agency", args=[agency_a.slug])
    assert "Izin Baru" not in client.get(url).content.decode()
    standard = make_complete_standard(service=ServiceFactory(agency=agency_a, name="Izin Baru"))
    consult(standard)
    decree = decrees.decree_create(actor=drafter_a, agency=agency_a, standards=[standard])
    generation = portal_generation()
    with TestCase.captureOnCommitCallbacks(execute=True):
        decrees.decree_submit(actor=drafter_a, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
    assert portal_generation() == generation  # nothing published changed yet
    assert client.get(url)["X-Portal-Cache"] == "hit"
    with TestCase.captureOnCommitCallbacks(execute=True):
        decrees.decree_set(actor=head_a, decree=decree, number="77/2026", decree_date=_today())
        sign(decree, head_a)
        decrees.decree_ratify(actor=mayor_office, decree=decree)
    # Two bumps: the decree came into force, then its final PDF (run eagerly) was issued.
    assert portal_generation() == generation + 2
    response = client.get(url)
    assert response["X-Portal-Cache"] == "miss"
    assert "Izin Baru" in response.content.decode()


def test_revocation_invalidates_the_cache(client, akta, mayor_office):
    url = reverse("portal:public-service", args=[akta.service.agency.slug, akta.service.slug])
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Portal-Cache"] == "hit"
    decree = akta.decrees.get()
    with TestCase.captureOnCommitCallbacks(execute=True):
        decrees.decree_revoke(actor=mayor_office, decree=decree, reason="Layanan dihapus.")
    assert client.get(url).status_code == 404


def test_no_bump_before_commit(akta, mayor_office):
    generation = portal_generation()
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        decrees.decree_revoke(actor=mayor_office, decree=akta.decrees.get(), reason="Dicabut.")
    assert portal_generation() == generation
    for callback in callbacks:
        callback()
    assert portal_generation() == generation + 1


def test_mayor_decree_coming_into_force_invalidates(client, reviewer, mayor_office, district):
    from agencies.models import MembershipRole
    from tests.conftest import make_member
    from tests.standards.workflow_fixtures import ready_decree, set_maklumat

    drafter = make_member(district, MembershipRole.DRAFTER, username="penyusun_kec")
    head = make_member(district, MembershipRole.HEAD, username="camat")
    decree = ready_decree(district, drafter)
    set_maklumat(head, district)
    url = reverse("portal:public-agency", args=[district.slug])
    assert "1 layanan" not in client.get(url).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        decrees.decree_submit(actor=drafter, decree=decree)
        decrees.decree_pass(actor=reviewer, decree=decree)
        decrees.decree_set(actor=mayor_office, decree=decree, number="9/2026", decree_date=_today())
    assert decree.standards.get().service.name in client.get(url).content.decode()


def _today():
    from django.utils import timezone

    return timezone.localdate()


def test_issuing_the_final_decree_invalidates_the_cache(client, akta):
    """Between ratification and the end of the decree's PDF job the page says the decree
    is being prepared; once the job issues it, the cached page goes stale."""
    from documents import jobs
    from documents.models import Document, DocumentStatus
    from documents.render import RenderedPdf
    from portal.public import in_force_decree, public_decree_document

    document = public_decree_document(in_force_decree(akta))
    Document.objects.filter(pk=document.pk).update(
        issued=False, issued_at=None, status=DocumentStatus.RENDERING
    )
    url = reverse("portal:public-service", args=[akta.service.agency.slug, akta.service.slug])
    assert "Dokumen keputusan sedang disiapkan." in client.get(url).content.decode()
    assert client.get(url)["X-Portal-Cache"] == "hit"
    with TestCase.captureOnCommitCallbacks(execute=True):
        jobs.store(document.pk, RenderedPdf(content=b"%PDF-1.7 uji", sha256="0" * 64, page_count=1))
    response = client.get(url)
    assert response["X-Portal-Cache"] == "miss"
    assert reverse("documents:verify", args=[document.code]) in response.content.decode()

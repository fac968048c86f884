"""Earlier versions: "Apa yang berubah" shows the public diff, never the old standard."""

from __future__ import annotations

from django.urls import reverse

from standards import decrees
from standards.models import ChangeReason, StandardStatus
from standards.services import row_save
from tests.portal.fixtures import to_force
from tests.standards.workflow_fixtures import consult


def _revise(akta, drafter, reviewer, head, mayor):
    new, decree = decrees.revision_start(
        actor=drafter,
        standard=akta,
        reason=ChangeReason.TECHNOLOGY,
        explanation="Pendaftaran daring.",
    )
    step = new.steps.first()
    step.action = "Mengunggah berkas melalui aplikasi daring"
    row_save(actor=drafter, standard=new, row=step, revision=step.revision)
    consult(new)
    return new, decree


def test_changes_page_shows_what_changed(client, akta, drafter_a, reviewer, head_a, mayor_office):
    new, decree = _revise(akta, drafter_a, reviewer, head_a, mayor_office)
    slug, agency = akta.service.slug, akta.service.agency.slug
    url = reverse("portal:public-changes", args=[agency, slug, new.version])
    assert client.get(url).status_code == 404  # the new version is still a draft
    to_force(decree, drafter=drafter_a, reviewer=reviewer, head=head_a, mayor=mayor_office)
    akta.refresh_from_db()
    assert akta.status == StandardStatus.SUPERSEDED
    service_page = client.get(reverse("portal:public-service", args=[agency, slug]))
    assert url in service_page.content.decode()
    content = client.get(url).content.decode()
    assert "Mengunggah berkas melalui aplikasi daring" in content
    assert "Penerapan teknologi informasi" in content
    assert "Dasar Hukum" not in content  # public diff: delivery components only
    # The superseded version itself has no page; version 1 has nothing before it.
    first = reverse("portal:public-changes", args=[agency, slug, akta.version])
    assert client.get(first).status_code == 404

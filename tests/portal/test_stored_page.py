"""The service page's parts rendered once, when the publication is written
(portal.publication.service_page, docs/decisions/0012): the page served from them is the
page the templates render from the standard's rows, user text in them is escaped, and
parts rendered by other templates are never served."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from agencies.models import Agency
from portal.models import Publication
from portal.publication import PUBLICATION_FORMAT, page_templates, service_page
from tests.portal.fixtures import to_force
from tests.portal.test_versions import _revise
from tests.standards.workflow_fixtures import adopted_fee_input

HOSTILE = '<script>alert("{}")</script>'


def _url(standard) -> str:
    service = standard.service
    return reverse("portal:public-service", args=[service.agency.slug, service.slug])


def _page(client, standard) -> str:
    response = client.get(_url(standard))
    assert response.status_code == 200
    return response.content.decode()


def _second_version(akta, drafter, reviewer, head, mayor):
    """Version 2 of akta in force, with every part of the page: the management components
    (Pasal 9 ayat (3)), an input with its outcome (Pasal 4), the version it replaced."""
    new, decree = _revise(akta, drafter, reviewer, head, mayor)
    new.publish_management = True
    new.save(update_fields=["publish_management"])
    consultation = new.consultations.get()
    adopted_fee_input(consultation, new)
    to_force(decree, drafter=drafter, reviewer=reviewer, head=head, mayor=mayor)
    new.refresh_from_db()
    return new


def test_the_stored_parts_give_the_page_the_templates_render_from_the_rows(
    client, settings, akta, drafter_a, reviewer, head_a, mayor_office
):
    settings.PORTAL_CACHE_SECONDS = 0
    new = _second_version(akta, drafter_a, reviewer, head_a, mayor_office)
    stored = _page(client, new)
    for part in (
        "Komponen pengelolaan pelayanan",
        "Mohon biaya ditulis jelas.",
        "Versi sebelumnya",
        "Keputusan penetapan",
        "Mengunggah berkas melalui aplikasi daring",
    ):
        assert part in stored
    Publication.objects.filter(standard=new).delete()
    assert _page(client, new) == stored  # every part rendered now, from the rows


def test_the_page_is_read_from_its_stored_parts(client, settings, akta):
    """Only what `service_page` wrote is served; the content is what the parts come from."""
    settings.PORTAL_CACHE_SECONDS = 0
    publication = Publication.objects.get(standard=akta)
    publication.content["texts"]["product"] = "Isi terbitan"
    publication.save(update_fields=["content"])
    assert "Isi terbitan" not in _page(client, akta)
    publication.page = service_page(publication.content)
    publication.save(update_fields=["page"])
    page = _page(client, akta)
    assert "Isi terbitan" in page and "Kutipan Akta Kelahiran" not in page


def test_parts_rendered_by_other_templates_are_rendered_again(client, settings, akta):
    settings.PORTAL_CACHE_SECONDS = 0
    right = _page(client, akta)
    publication = Publication.objects.get(standard=akta)
    stale = {**publication.page, "templates": "a-deploy-ago"}
    stale["html"] = {part: "<p>lama</p>" for part in publication.page["html"]}
    Publication.objects.filter(standard=akta).update(page=stale)
    assert _page(client, akta) == right
    call_command("publish_standards", stdout=StringIO())
    publication.refresh_from_db()
    assert publication.page["templates"] == page_templates()
    assert publication.format == PUBLICATION_FORMAT


def _hostile(value, counter):
    """`value` with every text in it replaced by a numbered script tag."""
    if isinstance(value, dict):
        return {key: _hostile(item, counter) for key, item in value.items()}
    if isinstance(value, list):
        return [_hostile(item, counter) for item in value]
    if isinstance(value, str):
        counter.append(1)
        return HOSTILE.format(len(counter))
    return value


def test_user_text_in_every_published_field_is_escaped(client, settings, akta):
    """Every text of the publication, a management component, an input of the trace and
    an earlier version included, and the agency's name: none reaches the page as HTML."""
    settings.PORTAL_CACHE_SECONDS = 0
    publication = Publication.objects.get(standard=akta)
    content = publication.content
    content["management"] = [{"number": 7, "label": "x", "items": ["x"], "text": "x"}]
    content["trace"] = [
        {
            key: "x"
            for key in (
                "outcome",
                "outcome_label",
                "component",
                "text",
                "category",
                "organisation",
                "meeting",
                "change_component",
                "change_description",
                "linked_change",
                "reason",
            )
        }
    ]
    content["trace"].append({**content["trace"][0], "outcome": "adopted"})
    content["trace"].append({**content["trace"][0], "outcome": "not_adopted"})
    content["has_previous"] = True
    earlier = {"version": 1, "has_previous": False, "in_force_since": "x", "until": "x"}
    content["earlier_versions"] = [{**earlier, "replaced_by": "x"}]
    counter: list[int] = []
    hostile = _hostile(content, counter)
    for entry, outcome in zip(hostile["trace"][1:], ("adopted", "not_adopted"), strict=True):
        entry["outcome"] = outcome  # the branches that show the change and the reason
    Publication.objects.filter(standard=akta).update(content=hostile, page=service_page(hostile))
    Agency.objects.filter(pk=akta.service.agency_id).update(
        name=HOSTILE.format("agency"), short_name=HOSTILE.format("short")
    )
    page = _page(client, akta)
    assert "<script" not in page
    shown = [n for n in range(1, len(counter) + 1) if f"alert(&#34;{n}&#34;)" in page]
    assert len(shown) > 60, shown  # the texts of every part are on the page, escaped
    assert "&lt;script&gt;alert(&#34;agency&#34;)&lt;/script&gt;" in page

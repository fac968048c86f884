"""One source for what citizens read (issue 17 point 2, docs/decisions/0008): the service
page, the agency page, the search, the embed and the open API show a standard in force as
its publication has it, written when its decree came into force (Pasal 9 ayat (1): what
was set is published). Renaming the service changes none of them, and the ETag stays
true to that; the next decree publishes the new name everywhere at once, with a new ETag."""

from __future__ import annotations

import re

from django.core.cache import cache
from django.urls import reverse

from portal.public import forget_generation
from standards.models import ServiceKind
from standards.services import service_save
from tests.portal.fixtures import to_force
from tests.portal.test_versions import _revise

OLD, NEW = "Penerbitan Akta Kelahiran", "Penerbitan Kutipan Akta Kelahiran Anak"


def _urls(agency: str, service: str, kind: str) -> dict[str, str]:
    return {
        "service page": reverse("portal:public-service", args=[agency, service]),
        "agency page": reverse("portal:public-agency", args=[agency]),
        "search": reverse("portal:public-search") + "?q=akta",
        "search by kind": reverse("portal:public-search") + f"?jenis={kind}",
        "embed": reverse("portal:public-embed", args=[agency]),
        "api service": reverse("portal:api-service", args=[agency, service]),
        "api agency": reverse("portal:api-agency", args=[agency]),
        "json download": reverse("portal:api-standards-json"),
        "csv download": reverse("portal:api-standards-csv"),
    }


def _text(client, url: str) -> str:
    """The answer without tags (search highlights the words it matched with <mark>)."""
    return re.sub(r"<[^>]+>", "", client.get(url).content.decode())


def _shown(client, urls: dict[str, str], name: str) -> dict[str, bool]:
    return {where: name in _text(client, url) for where, url in urls.items()}


def _cold():
    cache.clear()
    forget_generation()


def test_a_rename_changes_nothing_public_until_the_next_decree(
    client, akta, drafter_a, reviewer, head_a, mayor_office, django_capture_on_commit_callbacks
):
    service = akta.service
    kind = service.kind
    other_kind = next(k for k in ServiceKind.values if k != kind)
    urls = _urls(service.agency.slug, service.slug, kind)
    everywhere = dict.fromkeys(urls, True)
    nowhere = dict.fromkeys(urls, False)
    assert _shown(client, urls, OLD) == everywhere
    api = urls["api service"]
    etag = client.get(api)["ETag"]

    service.name, service.kind = NEW, other_kind
    service_save(actor=drafter_a, service=service)
    _cold()  # even computed afresh, nothing public changed
    assert _shown(client, urls, OLD) == everywhere
    assert _shown(client, urls, NEW) == nowhere
    assert client.get(api)["ETag"] == etag
    assert client.get(api, headers={"If-None-Match": etag}).status_code == 304

    new, decree = _revise(akta, drafter_a, reviewer, head_a, mayor_office)
    with django_capture_on_commit_callbacks(execute=True):  # the generation bump, on commit
        to_force(decree, drafter=drafter_a, reviewer=reviewer, head=head_a, mayor=mayor_office)
    forget_generation()
    # The decree bumped the generation: a client's copy is stale, the new name shows.
    assert client.get(api)["ETag"] != etag
    assert client.get(api, headers={"If-None-Match": etag}).status_code == 200
    shown = _shown(client, {k: v for k, v in urls.items() if k != "search by kind"}, NEW)
    assert set(shown.values()) == {True}, shown
    # ... with the kind it now has: no longer found under the old one.
    assert NEW not in _text(client, urls["search by kind"])
    data = client.get(api).json()
    assert data["service_name"] == NEW and data["service_kind"] == other_kind
    assert data["version"] == new.version


def test_search_finds_the_published_name_not_the_new_one(client, akta, drafter_a):
    service = akta.service
    service.name = "Layanan Kelahiran Terpadu"
    service_save(actor=drafter_a, service=service)
    _cold()
    search = reverse("portal:public-search")
    assert OLD in _text(client, search + "?q=akta")
    assert OLD not in _text(client, search + "?q=terpadu")

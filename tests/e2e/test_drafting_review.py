"""In the browser: the editor's live count over a component's limit (the text refused and
kept, never cut); the review page after a return with the notes, the drafters' answers and
what changed; the public page at 360 px with a long e-mail and the requirements split as
in the lampiran. Screenshots land in artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from standards import decrees
from standards.models import ComponentKind, StandardComponent
from tests.e2e.test_drafting import PASSWORD, caret_safe_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
LONG_EMAIL = "pengaduan.pelayanan.kependudukan.dan.pencatatan.sipil@bontangkota.go.id"


def test_the_editor_counts_over_the_limit_and_keeps_the_text(page, live_server, login, agency_a):
    from tests.conftest import make_member
    from tests.standards.factories import ServiceFactory, StandardFactory

    drafter = make_member(agency_a, username="penyusun_batas")
    standard = StandardFactory(service=ServiceFactory(agency=agency_a, name="Kartu Keluarga"))
    login(drafter.username, PASSWORD)
    page.goto(f"{live_server.url}/kelola/standar/{standard.pk}/#komponen-5")
    product = page.locator("#komponen-5")
    counter = product.locator(".char-count")
    expect(counter).to_have_text("0 dari 5000 karakter")
    assert product.locator("textarea").get_attribute("maxlength") is None
    text = "Kartu Keluarga yang telah ditandatangani secara elektronik. " * 90  # 5.400
    product.locator("textarea").fill(text)
    expect(counter).to_contain_text("terlalu panjang")
    expect(counter).to_have_class(re.compile("char-count-over"))
    product.get_by_role("button", name=re.compile("^Simpan")).click()
    expect(product.locator(".field-errors")).to_contain_text("paling banyak 5000 karakter")
    assert product.locator("textarea").input_value() == text.replace("\r\n", "\n")
    expect(product.locator(".save-status")).to_have_count(0)
    product.scroll_into_view_if_needed()
    caret_safe_screenshot(page)("drafting-editor-counter-over-limit", full_page=False)


def test_the_review_page_after_a_return(
    page, live_server, login, agency_a, drafter_a, reviewer, head_a
):
    from tests.standards.workflow_fixtures import ready_decree

    decree = ready_decree(agency_a, drafter_a, standards=1)
    standard = decree.standards.get()
    decrees.decree_submit(actor=drafter_a, decree=decree)
    decrees.decree_return(
        actor=reviewer,
        decree=decree,
        notes=[
            (standard, ComponentKind.PRODUCT, "Sebutkan produk dengan nama dokumennya."),
            (None, ComponentKind.FEE, "Tulis dasar hukum pembebasan biaya."),
        ],
    )
    login(drafter_a.username, PASSWORD)
    page.goto(f"{live_server.url}/kelola/keputusan/{decree.pk}/")
    for answer in ("Produk: Kutipan Akta Kelahiran.", "Pasal 79A UU 24/2013 dicantumkan."):
        page.locator(".note-answer textarea").first.fill(answer)
        page.get_by_role("button", name="Simpan tindak lanjut").first.click()
        expect(page.locator(".messages")).to_contain_text("Tindak lanjut catatan disimpan.")
    component = StandardComponent.objects.get(standard=standard, kind=ComponentKind.PRODUCT)
    component.text = "Kutipan Akta Kelahiran"
    component.save()
    decrees.decree_submit(actor=drafter_a, decree=decree)

    page.context.clear_cookies()
    login(reviewer.username, PASSWORD)
    page.goto(f"{live_server.url}/kelola/keputusan/{decree.pk}/evaluasi/")
    section = page.locator(f"#lampiran-{standard.pk}")
    expect(section).to_contain_text("Catatan evaluasi sebelumnya dan tindak lanjutnya")
    expect(section).to_contain_text("Produk: Kutipan Akta Kelahiran.")
    expect(section).to_contain_text("Tulis dasar hukum pembebasan biaya.")
    expect(section).to_contain_text("Perubahan sejak dikembalikan")
    expect(section.locator(".compare")).to_contain_text("Kutipan Akta Kelahiran")
    section.locator(".notes").first.scroll_into_view_if_needed()
    caret_safe_screenshot(page)("drafting-review-after-return")


def test_the_public_page_at_360px(page, live_server, agency_a, drafter_a, reviewer, head_a):
    from django.core.cache import cache

    from agencies.roles import CityRole
    from portal.models import Publication
    from standards.models import ComplaintChannel, Requirement, RequirementKind
    from tests.conftest import make_city_role_user
    from tests.e2e.test_portal import no_horizontal_scroll
    from tests.portal.fixtures import in_force_standard

    mayor = make_city_role_user(CityRole.MAYOR_OFFICE, username="kantor_walikota_360")
    (standard,) = in_force_standard(
        agency_a,
        drafter=drafter_a,
        reviewer=reviewer,
        head=head_a,
        mayor=mayor,
        name="Penerbitan Akta Kelahiran",
        slug="akta-kelahiran",
        complaint_email=LONG_EMAIL,
    )
    ComplaintChannel.objects.filter(standard=standard).update(detail=LONG_EMAIL)
    Requirement.objects.filter(pk=standard.requirements.first().pk).update(
        kind=RequirementKind.TECHNICAL
    )
    Publication.objects.filter(standard=standard).delete()  # rebuilt from the rows
    cache.clear()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/pd/{agency_a.slug}/layanan/akta-kelahiran/")
    expect(page.locator("#komponen-6")).to_contain_text(LONG_EMAIL)
    overflowing = page.evaluate(
        "[...document.querySelectorAll('.portal-component')]"
        ".filter(c => c.scrollWidth > c.clientWidth).map(c => c.id)"
    )
    assert overflowing == []
    assert no_horizontal_scroll(page)
    requirements = page.locator("#komponen-1")
    expect(requirements).to_contain_text("Persyaratan administratif")
    expect(requirements).to_contain_text("Persyaratan teknis")
    page.locator("#komponen-6").scroll_into_view_if_needed()
    caret_safe_screenshot(page)("portal-complaints-long-email-360", full_page=False)

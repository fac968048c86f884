"""The signing and validation functions on a small PDF (no decree, no database), the name
rule, and calls made from inside a running event loop (Playwright's, an async view)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from documents.render import html_to_pdf
from documents.signing import demo_ca, keys
from documents.signing.pdf import sign_pdf
from documents.signing.validation import validate_signatures

HTML = (
    "<p>Keputusan uji</p>"
    '<div id="tte-head" style="width:80mm;height:30mm"></div>'
    '<div id="tte-mayor" style="width:80mm;height:30mm"></div>'
)


@pytest.fixture
def signed_twice(tte_ca):
    rendered = html_to_pdf(HTML)
    assert set(rendered.boxes) == {"head", "mayor"}
    head = keys.open_pkcs12(demo_ca.demo_pkcs12(tte_ca, "Ahmad Syarifuddin", "a"), "a")
    mayor = keys.open_pkcs12(demo_ca.demo_pkcs12(tte_ca, "Kantor Wali Kota", "b"), "b")
    common = {"url": "http://127.0.0.1:8000/verifikasi/X/", "reason": "uji"}
    once = sign_pdf(
        rendered.content,
        key=head,
        role="head",
        position="Kepala Dinas",
        box=rendered.boxes["head"],
        empty_fields={"mayor": rendered.boxes["mayor"]},
        **common,
    )
    return once, sign_pdf(once, key=mayor, role="mayor", position="Wali Kota", **common)


def test_two_signatures_in_order_both_valid(signed_twice):
    once, twice = signed_twice
    assert twice.startswith(once)
    report = validate_signatures(twice)
    assert report.all_ok
    assert [(s.role, s.signer_name) for s in report.signatures] == [
        ("head", "Ahmad Syarifuddin"),
        ("mayor", "Kantor Wali Kota"),
    ]
    # The first signature alone, before the second was added, was valid too.
    assert validate_signatures(once).all_ok


def test_validation_inside_a_running_event_loop(signed_twice):
    _once, twice = signed_twice

    async def from_async_code():
        asyncio.get_running_loop()  # the validation is called while a loop runs
        return validate_signatures(twice)

    # The async code gets a thread of its own: in a test process where browser tests ran
    # (pytest-xdist mixes them), Playwright's loop may already run in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        report = pool.submit(asyncio.run, from_async_code()).result()
    assert report.all_ok


def test_garbage_is_unreadable_not_an_error():
    report = validate_signatures(b"%PDF-1.7\nbukan pdf\n%%EOF")
    assert not report.readable and report.modified and not report.all_ok


@pytest.mark.parametrize(
    ("certificate", "person", "same"),
    [
        ("Ahmad Syarifuddin", "Ahmad Syarifuddin", True),
        ("AHMAD  SYARIFUDDIN", "ahmad syarifuddin", True),
        ("Ahmad Syarifuddin", "Dr. H. Ahmad Syarifuddin, S.Sos., M.Si.", True),
        ("Ahmad Syarifuddin", "Ahmad Syarifudin", False),
        ("Ahmad", "Ahmad Syarifuddin", False),
        ("", "", False),
    ],
)
def test_names_match_without_titles(certificate, person, same):
    assert keys.names_match(certificate, person) is same

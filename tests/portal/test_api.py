"""The open API: schema, answers, ETags, CSV and JSON downloads."""

from __future__ import annotations

import csv
import io
import re

from django.urls import reverse

from bontang_sp import errors
from portal.api import csv_safe
from portal.views.api import openapi_schema
from tests.test_url_access import APP_ROUTES


def test_schema_is_openapi_3_1_generated_and_lists_every_api_route(client, db):
    response = client.get(reverse("portal:api-schema"))
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert schema == openapi_schema()
    documented = {re.sub(r"\{(\w+)\}", r"<slug:\1>", p).lstrip("/") for p in schema["paths"]}
    routes = {r for r, _p in APP_ROUTES if r.startswith("api/v1/")}
    assert routes - documented == {"api/v1/", "api/v1/docs/"}
    refs = set(re.findall(r'"#/components/schemas/(\w+)"', str(schema).replace("'", '"')))
    assert refs <= set(schema["components"]["schemas"])
    for item in schema["paths"].values():
        assert {"summary", "operationId", "responses"} <= set(item["get"])


def test_docs_page_lists_the_paths(client, db):
    content = client.get(reverse("portal:api-docs")).content.decode()
    assert "/api/v1/standar.csv" in content


def test_agencies_and_standard_answers(client, akta, agency_a):
    agencies = client.get(reverse("portal:api-agencies")).json()["results"]
    mine = next(a for a in agencies if a["slug"] == agency_a.slug)
    assert mine["in_force_count"] == 1
    detail = client.get(reverse("portal:api-agency", args=[agency_a.slug])).json()
    assert [s["slug"] for s in detail["services"]] == ["akta-kelahiran"]
    data = client.get(reverse("portal:api-service", args=[agency_a.slug, "akta-kelahiran"])).json()
    assert data["fee"] == {
        "text": "",
        "amount": 0,
        "free": True,
        "display": "Gratis (tidak dipungut biaya)",
        "legal_basis": "",
    }
    assert data["product"]["text"] == "Kutipan Akta Kelahiran"
    assert len(data["procedure"]["steps"]) == 2
    assert "legal_basis" not in data and "agency_cost" not in str(data)
    maklumat = client.get(reverse("portal:api-maklumat", args=[agency_a.slug])).json()
    assert maklumat["agency"] == agency_a.slug and maklumat["statement_promise"]


def test_etag_and_cache_control(client, akta, agency_a):
    url = reverse("portal:api-agency", args=[agency_a.slug])
    response = client.get(url)
    assert response["Cache-Control"].startswith("public, max-age=")
    etag = response["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_json_download_has_every_standard_in_force(client, akta, agency_a):
    from tests.standards.factories import make_complete_standard

    make_complete_standard(agency=agency_a)  # a draft: never exported
    response = client.get(reverse("portal:api-standards-json"))
    assert "attachment" in response["Content-Disposition"]
    assert [s["service"] for s in response.json()["results"]] == ["akta-kelahiran"]


def test_csv_neutralises_spreadsheet_formulas(client, force):
    force(name="=HYPERLINK(1)", slug="rumus", texts={"product": "+SUM(A1)"})
    response = client.get(reverse("portal:api-standards-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "perangkat_daerah"
    row = next(r for r in rows if "HYPERLINK" in r[1])
    assert row[1] == "'=HYPERLINK(1)" and row[9] == "'+SUM(A1)"
    for cell in (c for r in rows[1:] for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_safe_covers_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_safe(f"{start}1") == f"'{start}1"
    assert csv_safe("Akta") == "Akta" and csv_safe(None) == ""


def test_errors_under_api_are_json_in_indonesian(client, db):
    # One shape for every error under /api/ (bontang_sp.errors.api_error): a resource
    # that is not there, or an address that is no resource at all.
    unknown_address = str(errors.PAGES[404][1])
    for url, detail in (
        ("/api/v1/pd/tidak-ada/", "Tidak ditemukan atau tidak berlaku."),
        ("/api/v1/tidak-ada/", unknown_address),
        ("/api/v2/", unknown_address),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith("application/json"), url
        assert response.json() == {"detail": detail, "status": 404}
    response = client.get("/api/v1/pd/?page=0")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Permintaan tidak valid.",
        "status": 400,
        "fields": ["page"],
    }
    assert client.post("/api/v1/pd/").status_code == 405


def test_agency_list_pages_with_a_capped_size(client, db, agency_a, agency_b):
    first = client.get("/api/v1/pd/?page_size=1").json()
    assert first["count"] >= 2 and first["page_size"] == 1 and len(first["results"]) == 1
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["results"] != first["results"]
    assert second["previous"].endswith("?page=1&page_size=1")
    capped = client.get("/api/v1/pd/?page_size=100000").json()
    assert capped["page_size"] == 100


def test_durations_are_json_numbers_integers_where_whole():
    """Decimal("30").normalize() printed "3E+1" in the old API (issue 18 point 7)."""
    from decimal import Decimal

    from portal.api import json_number

    assert json_number(Decimal("30.00")) == 30 and type(json_number(Decimal("30.00"))) is int
    assert json_number(Decimal("10")) == 10 and type(json_number(Decimal("10"))) is int
    assert json_number(Decimal("2.50")) == 2.5 and type(json_number(Decimal("2.50"))) is float
    assert json_number(Decimal("0.25")) == 0.25
    assert json_number(None) == 0

"""The OpenAPI 3.0 description of /api/v1/ (hand-written: the API is a handful of plain
views; `tests/portal/test_api.py` checks every path here answers and every route is here)."""

from __future__ import annotations

__all__ = ["SCHEMA"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _ok(schema: dict, description: str = "OK", media: str = "application/json") -> dict:
    return {
        "200": {"description": description, "content": {media: {"schema": schema}}},
        "304": {"description": "Tidak berubah (If-None-Match cocok dengan ETag)"},
    }


_NOT_FOUND = {"404": {"description": "Tidak ditemukan atau tidak berlaku"}}
_AGENCY = {"name": "agency_slug", "in": "path", "required": True, "schema": {"type": "string"}}
_SERVICE = {"name": "service_slug", "in": "path", "required": True, "schema": {"type": "string"}}
_TEXT = {"type": "string"}
_NULLABLE_DATE = {"type": "string", "format": "date", "nullable": True}

SCHEMA: dict = {
    "openapi": "3.0.3",
    "info": {
        "title": "Standar Pelayanan Kota Bontang — API data terbuka",
        "version": "1.0.0",
        "description": (
            "Data Standar Pelayanan yang berlaku (komponen penyampaian pelayanan, Pasal 9 "
            "ayat (1) Perwali Bontang 31/2018) dan Maklumat Pelayanan (Pasal 14 ayat (3)). "
            "Hanya baca; setiap jawaban membawa ETag dan Cache-Control."
        ),
        "license": {"name": "Data terbuka Pemerintah Kota Bontang"},
    },
    "servers": [{"url": "/"}],
    "paths": {
        "/api/v1/pd/": {
            "get": {
                "summary": "Daftar Perangkat Daerah",
                "operationId": "listAgencies",
                "responses": _ok(
                    {
                        "type": "object",
                        "properties": {"results": {"type": "array", "items": _ref("Agency")}},
                    }
                ),
            }
        },
        "/api/v1/pd/{agency_slug}/": {
            "get": {
                "summary": "Satu Perangkat Daerah, kontak dan layanannya yang berlaku",
                "operationId": "getAgency",
                "parameters": [_AGENCY],
                "responses": {**_ok(_ref("AgencyDetail")), **_NOT_FOUND},
            }
        },
        "/api/v1/pd/{agency_slug}/maklumat/": {
            "get": {
                "summary": "Maklumat Pelayanan yang berlaku",
                "operationId": "getMaklumat",
                "parameters": [_AGENCY],
                "responses": {**_ok(_ref("Maklumat")), **_NOT_FOUND},
            }
        },
        "/api/v1/pd/{agency_slug}/layanan/{service_slug}/": {
            "get": {
                "summary": "Standar Pelayanan yang berlaku untuk satu layanan",
                "operationId": "getStandard",
                "parameters": [_AGENCY, _SERVICE],
                "responses": {**_ok(_ref("Standard")), **_NOT_FOUND},
            }
        },
        "/api/v1/standar.json": {
            "get": {
                "summary": "Unduh semua Standar Pelayanan yang berlaku (JSON)",
                "operationId": "downloadStandardsJson",
                "responses": _ok(
                    {
                        "type": "object",
                        "properties": {"results": {"type": "array", "items": _ref("Standard")}},
                    }
                ),
            }
        },
        "/api/v1/standar.csv": {
            "get": {
                "summary": "Unduh semua Standar Pelayanan yang berlaku (CSV)",
                "description": "Sel yang diawali = + - @ tab atau CR diberi awalan ' .",
                "operationId": "downloadStandardsCsv",
                "responses": _ok(_TEXT, media="text/csv"),
            }
        },
        "/api/v1/schema/": {
            "get": {
                "summary": "Skema OpenAPI ini",
                "operationId": "getSchema",
                "responses": _ok({"type": "object"}),
            }
        },
    },
    "components": {
        "schemas": {
            "Agency": {
                "type": "object",
                "required": ["slug", "name", "kind", "url", "api_url"],
                "properties": {
                    "slug": _TEXT,
                    "name": _TEXT,
                    "short_name": _TEXT,
                    "kind": _TEXT,
                    "in_force_count": {"type": "integer", "nullable": True},
                    "url": {"type": "string", "format": "uri"},
                    "api_url": {"type": "string", "format": "uri"},
                },
            },
            "AgencyDetail": {
                "allOf": [
                    _ref("Agency"),
                    {
                        "type": "object",
                        "properties": {
                            "contacts": {
                                "type": "object",
                                "properties": {
                                    k: _TEXT
                                    for k in ("address", "phone", "email", "website", "head_name")
                                },
                            },
                            "services": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "slug": _TEXT,
                                        "name": _TEXT,
                                        "kind": _TEXT,
                                        "api_url": {"type": "string", "format": "uri"},
                                    },
                                },
                            },
                        },
                    },
                ]
            },
            "Maklumat": {
                "type": "object",
                "properties": {
                    "agency": _TEXT,
                    "version": {"type": "integer"},
                    "set_on": _NULLABLE_DATE,
                    "statement_promise": _TEXT,
                    "statement_obligation": _TEXT,
                    "statement_sanction": _TEXT,
                    "compensation": _TEXT,
                    "head_name": _TEXT,
                    "url": {"type": "string", "format": "uri"},
                },
            },
            "Standard": {
                "type": "object",
                "required": ["agency", "service", "version", "requirements", "procedure", "fee"],
                "properties": {
                    "agency": _TEXT,
                    "agency_name": _TEXT,
                    "service": _TEXT,
                    "service_name": _TEXT,
                    "service_kind": {
                        "type": "string",
                        "enum": ["goods", "services", "administrative"],
                    },
                    "version": {"type": "integer"},
                    "in_force_since": _NULLABLE_DATE,
                    "url": {"type": "string", "format": "uri"},
                    "requirements": {
                        "type": "object",
                        "properties": {
                            "text": _TEXT,
                            "groups": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "timing": {
                                            "type": "string",
                                            "enum": ["start", "staged", "end"],
                                        },
                                        "label": _TEXT,
                                        "items": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "description": _TEXT,
                                                    "kind": _TEXT,
                                                    "notes": _TEXT,
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    "procedure": {
                        "type": "object",
                        "properties": {
                            "text": _TEXT,
                            "steps": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "number": {"type": "integer"},
                                        "actor": _TEXT,
                                        "action": _TEXT,
                                        "duration_value": _TEXT,
                                        "duration_unit": {
                                            "type": "string",
                                            "enum": ["minutes", "hours", "working_days"],
                                        },
                                        "applicant_fee": {"type": "integer"},
                                        "output": _TEXT,
                                    },
                                },
                            },
                        },
                    },
                    "service_time": {
                        "type": "object",
                        "properties": {
                            "text": _TEXT,
                            "minutes": {"type": "integer"},
                            "display": _TEXT,
                        },
                    },
                    "fee": {
                        "type": "object",
                        "properties": {
                            "text": _TEXT,
                            "amount": {"type": "integer"},
                            "free": {"type": "boolean"},
                            "display": _TEXT,
                            "legal_basis": _TEXT,
                        },
                    },
                    "product": {"type": "object", "properties": {"text": _TEXT}},
                    "complaints": {
                        "type": "object",
                        "properties": {
                            "text": _TEXT,
                            "officer": _TEXT,
                            "phone": _TEXT,
                            "email": _TEXT,
                            "address": _TEXT,
                            "escalation": _TEXT,
                            "channels": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "kind": _TEXT,
                                        "label": _TEXT,
                                        "detail": _TEXT,
                                    },
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}

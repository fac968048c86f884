"""The open API's answers on the demo city (seed_bontang + seed_demo), as data.

`api_answers(client)` asks every endpoint of /api/v1/ for each agency and service in
force (and one of each that is not); `normalised` replaces what differs between runs (the
day the demo was seeded). The answers of the hand-written API (before django-ninja) are
kept in `api_v1_before.json`; to write it again:

    CAPTURE_API_CONTRACT=1 .venv/bin/python -m pytest tests/portal/test_api_contract.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.utils import timezone

BEFORE = Path(__file__).with_name("api_v1_before.json")
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Access-Control-Allow-Origin")


def _answer(client, url: str) -> dict:
    response = client.get(url)
    answer = {
        "status": response.status_code,
        "headers": {h: response[h] for h in KEPT_HEADERS if response.has_header(h)},
        "etag": response.has_header("ETag"),
    }
    if response["Content-Type"].startswith("application/json"):
        answer["json"] = response.json()
    else:
        answer["text"] = response.content.decode()
    return answer


def api_answers(client) -> dict[str, dict]:
    base = "/api/v1/"
    urls = [base, base + "pd/", base + "standar.json", base + "standar.csv"]
    agencies = client.get(base + "pd/").json()["results"]
    in_force = [a["slug"] for a in agencies if a["in_force_count"]]
    without = next(a["slug"] for a in agencies if not a["in_force_count"])
    for slug in [*in_force, without]:
        urls += [f"{base}pd/{slug}/", f"{base}pd/{slug}/maklumat/"]
    for slug in in_force:
        for service in client.get(f"{base}pd/{slug}/").json()["services"]:
            urls.append(f"{base}pd/{slug}/layanan/{service['slug']}/")
    urls += [f"{base}pd/tidak-ada/", f"{base}pd/{in_force[0]}/layanan/tidak-ada/"]
    return {url: _answer(client, url) for url in urls}


def normalised(answers: dict) -> dict:
    """The same answers with the seeding day written as DAY."""
    today = timezone.localdate().isoformat()
    text = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    return json.loads(re.sub(re.escape(today), "DAY", text))


def before() -> dict:
    return json.loads(BEFORE.read_text(encoding="utf-8"))


def write_before(answers: dict) -> None:
    BEFORE.write_text(
        json.dumps(normalised(answers), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )

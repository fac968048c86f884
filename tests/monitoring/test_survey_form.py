"""The public SKM form: one response per visit, rate-limited, bad input counts nothing."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from monitoring.index import ELEMENT_CODES
from monitoring.models import SurveyResponse
from monitoring.services import survey_period_close
from standards.models import StandardStatus
from tests.standards.factories import ServiceFactory, StandardFactory

from .conftest import PROFILE

pytestmark = pytest.mark.django_db


def _url(service):
    return reverse("monitoring:survey", args=[service.agency.slug, service.slug])


def _token(client, service):
    page = client.get(_url(service))
    assert page.status_code == 200
    return re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)


def _data(form_token, **overrides):
    data = {code: "3" for code in ELEMENT_CODES} | PROFILE
    data |= {"suggestion": "", "token": form_token}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_citizen_answers_once_per_visit(client, service_a, open_period_a):
    token = _token(client, service_a)
    response = client.post(_url(service_a), _data(token, suggestion="Antrean lebih cepat"))
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.period == open_period_a and saved.service == service_a
    assert saved.scores() == dict.fromkeys(ELEMENT_CODES, 3)
    assert saved.suggestion == "Antrean lebih cepat"
    # the same form sent again is not counted twice
    again = client.post(_url(service_a), _data(token))
    assert again.status_code == 400
    assert SurveyResponse.objects.count() == 1


def test_form_shows_the_customary_wording_in_order(client, service_a, open_period_a):
    html = client.get(_url(service_a)).content.decode()
    assert html.index("Persyaratan") < html.index("Penanganan pengaduan")
    for wording in ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"):
        assert wording in html
    assert "NIK" not in html and 'name="name"' not in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"requirements": "0"},
        {"fee": "5"},
        {"complaints": None},  # a missing element
        {"gender": None},
        {"suggestion": "x" * 1001},
        {"token": "forged"},
    ],
    ids=["score-0", "score-5", "missing-element", "missing-profile", "oversized", "forged"],
)
def test_bad_input_is_refused_with_nothing_counted(client, service_a, open_period_a, overrides):
    token = _token(client, service_a)
    response = client.post(_url(service_a), _data(token, **overrides))
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0


def test_duplicate_keys_are_refused(client, service_a, open_period_a):
    token = _token(client, service_a)
    body = "&".join(f"{k}={v}" for k, v in _data(token).items()) + "&requirements=4"
    response = client.post(_url(service_a), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0


def test_closed_period_has_no_survey_page(client, service_a, open_period_a, head_a):
    token = _token(client, service_a)
    survey_period_close(actor=head_a, period=open_period_a)
    response = client.post(_url(service_a), _data(token))
    assert response.status_code == 404
    assert SurveyResponse.objects.count() == 0
    assert client.get(_url(service_a)).status_code == 404


@pytest.mark.parametrize("status", [s for s in StandardStatus if s != StandardStatus.IN_FORCE])
def test_a_service_without_a_standard_in_force_has_no_survey(
    client, agency_a, open_period_a, status
):
    """Issue 17 point 3: the survey must not reveal what the portal does not publish."""
    service = ServiceFactory(agency=agency_a, name="Akta Kematian", slug="akta-kematian")
    StandardFactory(service=service, status=status)
    assert client.get(_url(service)).status_code == 404
    assert client.post(_url(service), {"token": "x"}).status_code == 404
    thanks = reverse("monitoring:survey-thanks", args=[agency_a.slug, service.slug])
    assert client.get(thanks).status_code == 404
    assert SurveyResponse.objects.count() == 0


def test_rate_limit_per_ip(client, service_a, open_period_a, settings):
    settings.SURVEY_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(_url(service_a), _data(_token(client, service_a))).status_code == 302
    refused = client.post(_url(service_a), _data(_token(client, service_a)))
    assert refused.status_code == 429
    other = client.post(_url(service_a), _data(_token(client, service_a)), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    assert SurveyResponse.objects.count() == 3


def test_survey_link_include_only_when_open(service_a, open_period_a, head_a):
    from django.template.loader import render_to_string

    context = {
        "agency": service_a.agency,
        "service_id": service_a.pk,
        "service_name": service_a.name,
        "service_slug": service_a.slug,
    }
    html = render_to_string("monitoring/_public_survey.html", context)
    assert _url(service_a) in html
    survey_period_close(actor=head_a, period=open_period_a)
    assert render_to_string("monitoring/_public_survey.html", context).strip() == ""


def test_published_summary_only_after_the_period_closes(client, service_a, open_period_a, head_a):
    from django.template.loader import render_to_string

    from .conftest import answer

    answer(service_a, score=4)
    context = {"agency": service_a.agency, "service": service_a}
    assert "Hasil Survei" not in render_to_string("monitoring/_skm_summary.html", context)
    survey_period_close(actor=head_a, period=open_period_a)
    html = render_to_string("monitoring/_skm_summary.html", context)
    assert "Hasil Survei Kepuasan Masyarakat" in html and "Sangat Baik" in html
    # The survey page itself is gone with the period; the portal's service page keeps
    # the published result (tests/portal/test_survey_on_portal.py).
    assert client.get(_url(service_a)).status_code == 404

"""The public SKM form (Pasal 16 ayat (3)): anonymous, one response per visit, rate-limited."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bontang_sp.form_errors import error_text
from bontang_sp.ratelimit import allow
from standards.models import Service

from ..forms import SurveyForm
from ..selectors import surveyed_services
from ..services import open_period, survey_response_submit

FORM_SALT = "monitoring.survey"
TOKEN_MAX_AGE = 6 * 60 * 60  # a visit: the form is valid for six hours


def _new_token(service: Service) -> str:
    return signing.dumps({"n": secrets.token_urlsafe(18), "s": service.pk}, salt=FORM_SALT)


def _nonce(token: str, service: Service) -> str | None:
    try:
        data = signing.loads(token, salt=FORM_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("s") != service.pk:
        return None
    nonce = data.get("n")
    return nonce if isinstance(nonce, str) and nonce else None


def _service(agency_slug: str, service_slug: str) -> Service:
    return get_object_or_404(
        surveyed_services().select_related("agency"),
        agency__slug=agency_slug,
        slug=service_slug,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def survey(request, agency_slug: str, service_slug: str):
    service = _service(agency_slug, service_slug)
    period = open_period(service.agency)
    if period is None:  # only an open period has a survey page (the portal links none)
        raise Http404
    context = {"service": service, "agency": service.agency, "period": period}
    if request.method == "GET":
        form = SurveyForm(initial={"token": _new_token(service)})
        return render(request, "monitoring/survey_form.html", {**context, "form": form})

    limit = getattr(settings, "SURVEY_RATE_LIMIT", 10)
    if not allow(request, scope="survey", limit=limit, window=3600):
        return render(request, "monitoring/survey_limited.html", context, status=429)
    # A key sent twice is a forged form: refuse it whole, count nothing.
    if any(len(values) > 1 for _key, values in request.POST.lists()):
        return render(
            request,
            "monitoring/survey_form.html",
            {
                **context,
                "form": SurveyForm(initial={"token": _new_token(service)}),
                "error": _("Formulir tidak sah; isi kembali."),
            },
            status=400,
        )
    form = SurveyForm(request.POST)
    if form.is_valid():
        nonce = _nonce(form.cleaned_data["token"], service)
        try:
            if nonce is None:
                raise ValidationError(_("Formulir kedaluwarsa atau tidak sah; isi kembali."))
            survey_response_submit(
                service=service,
                scores={code: form.cleaned_data[code] for code in form.element_codes()},
                profile={name: form.cleaned_data[name] for name in form.profile_names()},
                suggestion=form.cleaned_data["suggestion"],
                nonce=nonce,
            )
        except ValidationError as error:
            form = SurveyForm(initial={"token": _new_token(service)})
            return render(
                request,
                "monitoring/survey_form.html",
                {**context, "form": form, "error": error_text(error)},
                status=400,
            )
        return redirect("monitoring:survey-thanks", service.agency.slug, service.slug)
    return render(request, "monitoring/survey_form.html", {**context, "form": form}, status=400)


@login_not_required
@require_http_methods(["GET"])
def survey_thanks(request, agency_slug: str, service_slug: str):
    service = _service(agency_slug, service_slug)
    return render(
        request, "monitoring/survey_thanks.html", {"service": service, "agency": service.agency}
    )


urlpatterns = [
    path("survei/<slug:agency_slug>/<slug:service_slug>/", survey, name="survey"),
    path(
        "survei/<slug:agency_slug>/<slug:service_slug>/terima-kasih/",
        survey_thanks,
        name="survey-thanks",
    ),
]

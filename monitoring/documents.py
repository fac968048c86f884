"""The printable documents of monitoring, rendered by the documents app.

- the SKM report of one period (Pasal 16 ayat (3)): the index and letter, every element's
  NRR with a bar chart, the results per service, the sample against its target, and the
  follow-ups of low-scoring elements;
- the SKM poster of one service for the counter: a QR code that opens its survey.

`documents.registry` imports this module; each builder reads its subject again.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import DocumentKind
from documents.registry import register_builder
from documents.render import qr_svg
from standards.models import Service

from . import selectors
from .charts import element_bars
from .index import GRADES
from .models import SurveyPeriod


def build_survey_report(document) -> tuple[str, dict]:
    period = SurveyPeriod.objects.select_related("agency").get(pk=document.object_id)
    result = selectors.period_result(period)
    return "monitoring/print/report.html", {
        "agency": period.agency,
        "period": period,
        "result": result,
        "chart": element_bars(result, _("Nilai per unsur (skala 25–100)"))
        if result.responses
        else None,
        "services": selectors.service_results(period),
        "progress": selectors.progress(period, result.responses),
        "follow_ups": list(selectors.follow_ups_of(period)),
        "grades": GRADES,
        "generated_at": timezone.localtime(),
    }


def survey_url(service: Service) -> str:
    path = reverse("monitoring:survey", args=[service.agency.slug, service.slug])
    return f"{settings.SITE_URL}{path}"


def build_survey_poster(document) -> tuple[str, dict]:
    service = Service.objects.select_related("agency").get(pk=document.object_id)
    url = survey_url(service)
    return "monitoring/print/poster.html", {
        "agency": service.agency,
        "service": service,
        "survey_url": url,
        "survey_qr": qr_svg(url),
    }


register_builder(DocumentKind.REPORT, build_survey_report)
register_builder(DocumentKind.SURVEY_POSTER, build_survey_poster)

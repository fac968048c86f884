import io

import pytest
from django.core.management import call_command

from demo.monitoring import seed_demo_monitoring
from monitoring.models import (
    Evaluation,
    EvaluationFollowUp,
    ImplementationActivity,
    SurveyPeriod,
    SurveyResponse,
)
from monitoring.selectors import period_result

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_reports_and_dashboard_content(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-Bontang-2026")
    call_command("seed_demo", stdout=io.StringIO())
    period = SurveyPeriod.objects.get(agency__slug="disdukcapil")
    result = period_result(period)
    assert period.is_open and result.responses == 46
    assert result.letter in ("A", "B", "C")
    assert set(ImplementationActivity.objects.values_list("kind", flat=True)) == {
        "internalisation",
        "socialisation",
    }
    assert Evaluation.objects.count() == 2 and EvaluationFollowUp.objects.count() == 4
    counts = (SurveyResponse.objects.count(), ImplementationActivity.objects.count())
    seed_demo_monitoring()
    assert (SurveyResponse.objects.count(), ImplementationActivity.objects.count()) == counts

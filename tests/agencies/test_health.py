import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_check_services_runs_eagerly_without_a_broker():
    out = io.StringIO()
    call_command("check_services", stdout=out)
    text = out.getvalue()
    assert "basis data: baik" in text
    assert "worker Celery: baik ({'database'" in text
    assert "Tanpa broker" in text

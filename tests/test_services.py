"""The real running parts of .ci/run: PostgreSQL, Redis and a Celery worker."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from bontang_sp.celery import app as celery_app
from tests.factories import AgencyFactory

pytestmark = pytest.mark.services


@pytest.fixture
def real_worker(settings):
    """Send tasks through the broker to the worker .ci/run started."""
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield celery_app
    celery_app.conf.task_always_eager = True


def test_database_is_postgresql(db):
    from django.db import connection

    assert connection.vendor == "postgresql"


def test_cache_is_redis_and_round_trips(db):
    from agencies.health import check_cache

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert check_cache() == "RedisCache"


@pytest.mark.django_db(transaction=True)
def test_worker_reads_the_same_database(real_worker):
    AgencyFactory.create_batch(3)
    result = real_worker.send_task("agencies.tasks.health_check").get(timeout=30)
    assert result == {"database": "postgresql", "agencies": 3}


@pytest.mark.django_db(transaction=True)
def test_check_services_command_passes(real_worker):
    out = io.StringIO()
    call_command("check_services", stdout=out)
    assert "worker Celery: baik" in out.getvalue()

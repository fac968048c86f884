"""The fixed cast of personas (STYLE.md) and shared fixtures."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from agencies.models import AgencyKind, MembershipRole
from agencies.roles import CityRole, city_role_group
from agencies.services import membership_set
from tests.factories import AgencyFactory, UserFactory


@pytest.fixture
def fresh_cache():
    """Rate limits and throttles count in the cache: start (and leave) it empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_member(agency, role=MembershipRole.DRAFTER, **user_fields):
    user = UserFactory(**user_fields)
    membership_set(actor=None, user=user, agency=agency, role=role)
    return user


def make_city_role_user(role: CityRole, **user_fields):
    user = UserFactory(**user_fields)
    user.groups.add(city_role_group(role))
    return user


@pytest.fixture
def agency_a(db):
    return AgencyFactory(
        name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Disdukcapil", slug="disdukcapil"
    )


@pytest.fixture
def agency_b(db):
    return AgencyFactory(name="Dinas Lingkungan Hidup", short_name="DLH", slug="dlh")


@pytest.fixture
def upt_of_a(agency_a):
    return AgencyFactory(
        name="UPT Uji", short_name="UPT", slug="upt-uji", kind=AgencyKind.UPT, parent=agency_a
    )


@pytest.fixture
def district(db):
    return AgencyFactory(
        name="Kecamatan Bontang Selatan",
        short_name="Kec. BS",
        slug="kecamatan-bontang-selatan",
        kind=AgencyKind.DISTRICT,
        decreed_by_mayor=True,
    )


@pytest.fixture
def village(district):
    return AgencyFactory(
        name="Kelurahan Tanjung Laut",
        short_name="Kel. TL",
        slug="kelurahan-tanjung-laut",
        kind=AgencyKind.VILLAGE,
        parent=district,
    )


@pytest.fixture
def drafter_a(agency_a):
    return make_member(agency_a, MembershipRole.DRAFTER, username="penyusun_a")


@pytest.fixture
def head_a(agency_a):
    return make_member(agency_a, MembershipRole.HEAD, username="kepala_a")


@pytest.fixture
def drafter_b(agency_b):
    return make_member(agency_b, MembershipRole.DRAFTER, username="penyusun_b")


@pytest.fixture
def head_b(agency_b):
    return make_member(agency_b, MembershipRole.HEAD, username="kepala_b")


@pytest.fixture
def reviewer(db):
    return make_city_role_user(CityRole.REVIEWER, username="evaluator")


@pytest.fixture
def mayor_office(db):
    return make_city_role_user(CityRole.MAYOR_OFFICE, username="walikota")


@pytest.fixture
def coordinator(db):
    return make_city_role_user(CityRole.COORDINATOR, username="koordinator")


@pytest.fixture
def secretariat(db):
    return make_city_role_user(CityRole.SECRETARIAT, username="sekda")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def anonymous():
    return AnonymousUser()


PERSONAS = (
    "drafter_a",
    "head_a",
    "drafter_b",
    "head_b",
    "reviewer",
    "mayor_office",
    "coordinator",
    "secretariat",
    "superuser",
    "anonymous",
)


@pytest.fixture
def persona(request):
    """Parametrize with indirect=True and a name from PERSONAS."""
    return request.getfixturevalue(request.param)


def pytest_collection_modifyitems(config, items):
    import os

    if os.environ.get("TEST_SERVICES") == "1":
        return
    skip = pytest.mark.skip(reason="butuh PostgreSQL, Redis dan worker Celery (TEST_SERVICES=1)")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)

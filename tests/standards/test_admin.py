"""The standards admin is read-only: support staff look up and read history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.standards.factories import make_complete_standard


@pytest.fixture
def standard(agency_a):
    return make_complete_standard(agency=agency_a)


@pytest.mark.parametrize("name", ["service", "draftingteam", "servicestandard"])
def test_superuser_lists_the_standards_models(client, superuser, standard, name):
    client.force_login(superuser)
    response = client.get(reverse(f"admin:standards_{name}_changelist"))
    assert response.status_code == 200


def test_standard_page_shows_its_rows_without_a_save_button(client, superuser, standard):
    client.force_login(superuser)
    response = client.get(reverse("admin:standards_servicestandard_change", args=[standard.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert standard.complaint_officer in body
    assert 'name="_save"' not in body


def test_standard_history_page_is_readable(client, superuser, standard):
    client.force_login(superuser)
    response = client.get(reverse("admin:standards_servicestandard_history", args=[standard.pk]))
    assert response.status_code == 200


def test_nothing_can_be_added_through_the_admin(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:standards_servicestandard_add"))
    assert response.status_code == 403

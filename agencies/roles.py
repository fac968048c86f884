"""City-wide roles: groups that carry one plain permission each."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _


class CityRole(models.TextChoices):
    # value: the permission codename on agencies.Agency; label: the group's name
    REVIEWER = "evaluate_decrees", _("Bagian Organisasi Setda (evaluator)")
    MAYOR_OFFICE = "act_for_mayor", _("Kantor Wali Kota")
    COORDINATOR = "coordinate_regions", _("Bagian Pemerintahan Setda (koordinator)")
    SECRETARIAT = "monitor_agencies", _("Sekretaris Daerah")


def city_role_group(role: CityRole) -> Group:
    return Group.objects.get(name=str(role.label))


def ensure_city_role_groups(**kwargs) -> None:
    """Create each role's group with its permission (run after every migrate)."""
    for role in CityRole:
        permission = Permission.objects.filter(
            content_type__app_label="agencies", codename=role.value
        ).first()
        if permission is None:  # permissions are made by the same post_migrate pass
            continue
        group, _created = Group.objects.get_or_create(name=str(role.label))
        group.permissions.add(permission)

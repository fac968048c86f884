from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = "Perangkat Daerah"

    def ready(self) -> None:
        from .roles import ensure_city_role_groups

        # After auth has created the permissions (its receiver was connected first).
        post_migrate.connect(ensure_city_role_groups, dispatch_uid="agencies-city-role-groups")

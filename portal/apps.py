from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal Standar Pelayanan"

    def ready(self) -> None:
        from consultations.selectors import public_trace
        from standards.decrees import in_force

        from .publication import publish_decree, register_part
        from .search_index import sync_services

        in_force.on_decree_in_force(publish_decree)
        in_force.on_in_force_changed(sync_services)  # revoked, deactivated: off the search
        register_part(public_trace)  # the consultation trace on the page (Pasal 4)

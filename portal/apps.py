from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal Standar Pelayanan"

    def ready(self) -> None:
        from consultations.selectors import public_trace
        from standards.decrees import in_force

        from .publication import publish_decree, register_part

        in_force.on_decree_in_force(publish_decree)
        register_part(public_trace)  # the consultation trace on the page (Pasal 4)

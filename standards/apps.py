from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = "Standar Pelayanan"

    def ready(self) -> None:
        from agencies import homes, worklist

        from .decrees.queries import decree_work_items
        from .views.home import review_section, services_section, signature_section

        worklist.register(decree_work_items)
        for section in (services_section, review_section, signature_section):
            homes.register(section)

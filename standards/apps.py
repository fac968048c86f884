from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = "Standar Pelayanan"

    def ready(self) -> None:
        from agencies import worklist

        from .decree_queries import decree_work_items

        worklist.register(decree_work_items)

from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Pemantauan dan Evaluasi"

    def ready(self) -> None:
        from agencies import worklist

        from .reminders import monitoring_work_items

        worklist.register(monitoring_work_items)

from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Pemantauan dan Evaluasi"

    def ready(self) -> None:
        from agencies import homes, worklist

        from .reminders import monitoring_work_items
        from .views.dashboard import dashboard_section

        worklist.register(monitoring_work_items)
        homes.register(dashboard_section)

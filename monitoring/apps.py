from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Pemantauan dan Evaluasi"

    def ready(self) -> None:
        from agencies import homes, worklist
        from bontang_sp.jinja2 import register_global

        from .reminders import monitoring_work_items
        from .selectors import portal_survey
        from .views.dashboard import dashboard_section

        worklist.register(monitoring_work_items)
        homes.register(dashboard_section)
        register_global(portal_survey)  # the survey link on portal pages

from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Pembahasan dengan Masyarakat"

    def ready(self) -> None:
        from standards.publication import register_part

        from .selectors import public_trace

        register_part(public_trace)

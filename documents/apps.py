import logging

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Dokumen"

    def ready(self) -> None:
        # WeasyPrint narrates every step of every render at INFO; keep its warnings only.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

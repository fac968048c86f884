from django.apps import AppConfig


class MaklumatConfig(AppConfig):
    name = "maklumat"
    verbose_name = "Maklumat Pelayanan"

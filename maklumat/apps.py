from django.apps import AppConfig


class MaklumatConfig(AppConfig):
    name = "maklumat"
    verbose_name = "Maklumat Pelayanan"

    def ready(self) -> None:
        from agencies import worklist

        from .work import maklumat_work_items

        worklist.register(maklumat_work_items)

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from agencies import health


class Command(BaseCommand):
    help = "Memeriksa basis data, cache, broker dan worker Celery."

    def handle(self, *args, **options):
        failures = []
        for name, check in (
            ("basis data", health.check_database),
            ("cache", health.check_cache),
            ("worker Celery", health.check_worker),
        ):
            try:
                result = check()
            except Exception as error:  # noqa: BLE001 - report every failing part
                failures.append(f"{name}: {error!r}")
                self.stdout.write(self.style.ERROR(f"{name}: GAGAL ({error!r})"))
            else:
                self.stdout.write(self.style.SUCCESS(f"{name}: baik ({result})"))
        if settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("Tanpa broker: tugas dijalankan langsung di dalam proses.")
        if failures:
            raise CommandError("; ".join(failures))

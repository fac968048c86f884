from django.core.management.base import BaseCommand

from agencies.seed import seed_bontang


class Command(BaseCommand):
    help = "Memuat Perangkat Daerah Pemerintah Kota Bontang (aman dijalankan berulang)."

    def handle(self, *args, **options):
        created, updated = seed_bontang()
        self.stdout.write(
            self.style.SUCCESS(f"Perangkat Daerah: {created} dibuat, {updated} diperbarui.")
        )

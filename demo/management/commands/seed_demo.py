from django.core.management.base import BaseCommand

from agencies.seed import seed_bontang
from demo.loader import seed_demo_standards
from demo.monitoring import seed_demo_monitoring
from demo.users import CREDENTIALS_FILE, seed_demo_users
from demo.workflow import seed_demo_workflow


class Command(BaseCommand):
    help = (
        "Menambah data demo: satu pengguna per peran (sandi dibuat acak, atau dari DEMO_PASSWORD). "
        "Sandi dicetak dan disimpan di var/demo-credentials.txt."
    )

    def handle(self, *args, **options):
        seed_bontang()
        credentials = seed_demo_users()
        seed_demo_standards()
        stages = seed_demo_workflow()
        seed_demo_monitoring()
        self.stdout.write(self.style.SUCCESS("Pengguna demo (nama pengguna / sandi / peran):"))
        for username, password, role in credentials:
            self.stdout.write(f"  {username:28} {password:16} {role}")
        self.stdout.write(f"Tersimpan juga di var/{CREDENTIALS_FILE}.")
        self.stdout.write(self.style.SUCCESS("Tahap standar demo:"))
        for service, stage in stages.items():
            self.stdout.write(f"- {service}: {stage}")

from django.core.management.base import BaseCommand, CommandError

from agencies.importer import ImportFailed, import_agencies


class Command(BaseCommand):
    help = (
        "Mengimpor Perangkat Daerah dari berkas CSV. Kolom: name, short_name, slug, kind, "
        "parent_slug, decreed_by_mayor, address, phone, email, website, head_name, head_rank, "
        "head_nip. Bila satu baris salah, tidak ada yang diimpor."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas CSV (UTF-8) dengan baris judul")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                count = import_agencies(handle)
        except OSError as error:
            raise CommandError(f"Berkas tidak dapat dibaca: {error}") from error
        except ImportFailed as failure:
            raise CommandError(
                "Tidak ada yang diimpor. Perbaiki baris berikut:\n" + "\n".join(failure.errors)
            ) from failure
        self.stdout.write(self.style.SUCCESS(f"{count} Perangkat Daerah diimpor."))

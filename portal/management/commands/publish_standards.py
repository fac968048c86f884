"""Write the portal publication of every standard in force that has none of the current
format (after an upgrade that changed the format, or for data older than publications),
then rebuild the search's table from the publications (portal.search_index)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portal.public import portal_changed
from portal.publication import publish_missing
from portal.search_index import rebuild


class Command(BaseCommand):
    help = "Menerbitkan halaman portal Standar Pelayanan berlaku yang belum diterbitkan."

    def handle(self, *args, **options) -> None:
        count = publish_missing()
        if count:
            portal_changed()
        self.stdout.write(f"{count} Standar Pelayanan diterbitkan.")
        self.stdout.write(f"{rebuild()} Standar Pelayanan dalam indeks pencarian.")

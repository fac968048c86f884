"""What the portal shows of a standard in force, written once when it comes into force.

Pasal 9 ayat (1) publishes the delivery components of the standard as it was set; that
version never changes afterwards (a change is a new version through a new decree), so
the public page's data is assembled once, at the act that brings it into force
(`portal.publication.publish_decree`), instead of from a dozen rows on every visit.
The row is read only through `ServiceStandard.objects.in_force()`: once the version is
superseded or revoked its publication is invisible (docs/decisions/0007).
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from documents.models import Document
from standards.models import NAME_MAX, Decree, Service, ServiceKind, ServiceStandard

__all__ = ["Publication", "SearchEntry", "SearchWord"]


class Publication(models.Model):
    standard = models.OneToOneField(
        ServiceStandard,
        verbose_name=_("Standar Pelayanan"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="publication",
    )
    decree = models.ForeignKey(
        Decree, verbose_name=_("keputusan"), on_delete=models.PROTECT, related_name="+"
    )
    # The decree's final document (Pasal 12): requested in the same act, issued once its
    # PDF is made; the page links its verification while it is issued and in force.
    decree_document = models.ForeignKey(
        Document,
        verbose_name=_("dokumen keputusan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The shape of `content`; a publication of another format is rebuilt, never read.
    format = models.PositiveSmallIntegerField(_("format"))
    content = models.JSONField(_("isi"))
    # The service page's parts rendered from `content` by the portal's autoescaping
    # templates when written (portal.publication.service_page, docs/decisions/0012).
    page = models.JSONField(_("halaman"), default=dict, blank=True)
    # What a list of standards shows of it (the agency's page): a few short texts of
    # `content`, read without decoding the whole (portal.publication.list_summary).
    summary = models.JSONField(_("ringkasan"), default=dict, blank=True)
    published_at = models.DateTimeField(_("diterbitkan"), auto_now=True)

    class Meta:
        db_table = "standards_publication"  # kept when the model moved here (decision 0008)
        verbose_name = _("Terbitan portal")
        verbose_name_plural = _("Terbitan portal")

    def __str__(self) -> str:
        return str(self.standard)


class SearchEntry(models.Model):
    """A standard in force as the search reads it (portal.search_index, decision 0012): one
    narrow row per standard in force, written with its publication and deleted when it
    leaves force, so a query reads one table with no joins and no JSON."""

    standard = models.OneToOneField(
        ServiceStandard,
        verbose_name=_("Standar Pelayanan"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    # One standard in force per service (Pasal 12 ayat (6)), so one entry per service.
    service = models.OneToOneField(
        Service, verbose_name=_("jenis layanan"), on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("Perangkat Daerah"), on_delete=models.CASCADE, related_name="+"
    )
    # As published (Pasal 9 ayat (1)): the name and kind as set, until the next decree.
    name = models.CharField(_("nama layanan"), max_length=NAME_MAX)
    name_length = models.PositiveSmallIntegerField(_("panjang nama"))
    kind = models.CharField(_("jenis pelayanan"), max_length=20, choices=ServiceKind.choices)
    # Only for the order of the results; the page shows the agency's name of today.
    agency_name = models.CharField(_("nama Perangkat Daerah"), max_length=200)
    requirements = models.TextField(_("persyaratan"), blank=True)  # one per line
    product = models.TextField(_("produk pelayanan"), blank=True)
    # PostgreSQL only (`indonesian` configuration, stripped of positions: nothing ranks by
    # them); empty on SQLite, which reads the texts.
    name_vector = SearchVectorField(null=True, editable=False)
    text_vector = SearchVectorField(null=True, editable=False)  # name, requirements, product

    class Meta:
        verbose_name = _("Entri pencarian")
        verbose_name_plural = _("Entri pencarian")
        indexes = [
            # The results' order (a shorter name first), read in order and cut at the cap;
            # the GIN indexes (migration 0003) exist only on PostgreSQL.
            models.Index(
                fields=["name_length", "agency_name", "name", "standard"], name="search_rank"
            ),
            models.Index(fields=["agency_name", "name", "standard"], name="search_listing"),
            # A rare kind ANDed with a common word's GIN bitmap, not filtered row by row.
            models.Index(fields=["kind"], name="search_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class SearchWord(models.Model):
    """A word of the name of a standard in force, or of one that was (portal.search_index):
    a query's misspelt word is looked up among these few thousand, not among every name.
    A word left behind finds nothing; `manage.py publish_standards` prunes them."""

    word = models.CharField(_("kata"), max_length=50, primary_key=True)

    class Meta:
        verbose_name = _("Kata nama layanan")
        verbose_name_plural = _("Kata nama layanan")

    def __str__(self) -> str:
        return self.word

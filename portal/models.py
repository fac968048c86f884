"""What the portal shows of a standard in force, written once when it comes into force.

Pasal 9 ayat (1) publishes the delivery components of the standard as it was set; that
version never changes afterwards (a change is a new version through a new decree), so
the public page's data is assembled once, at the act that brings it into force
(`portal.publication.publish_decree`), instead of from a dozen rows on every visit.
The row is read only through `ServiceStandard.objects.in_force()`: once the version is
superseded or revoked its publication is invisible (docs/decisions/0007).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from standards.models import Decree, ServiceStandard

__all__ = ["Publication"]


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

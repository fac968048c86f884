"""Support staff read the registry here; documents change only through documents.services."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Document, DocumentStatus
from .services import document_retry


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "kind",
        "agency",
        "status",
        "attempts",
        "issued",
        "public",
        "created_at",
    ]
    list_filter = ["kind", "status", "issued", "public"]
    search_fields = ["title", "code", "sha256", "reference_number", "agency__name"]
    list_select_related = ["agency"]
    readonly_fields = [f.name for f in Document._meta.fields]
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Buat ulang dokumen yang gagal"))
    def retry_failed(self, request, queryset):
        count = 0
        for document in queryset.filter(status=DocumentStatus.FAILED, issued=False):
            document_retry(document=document)
            count += 1
        messages.info(request, _("%(count)s dokumen diantrekan ulang.") % {"count": count})

"""Read-only: Maklumat are drafted and set through the staff pages (maklumat.services)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Maklumat


@admin.register(Maklumat)
class MaklumatAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "version", "status", "set_on", "head_name"]
    list_filter = ["status"]
    search_fields = ["agency__name", "agency__short_name", "head_name"]
    list_select_related = ["agency"]
    ordering = ["agency__name", "-version"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Holiday, Membership, WorkUnit
from .services import membership_remove, membership_set, sync_agency_permissions


class WorkUnitInline(admin.TabularInline):
    model = WorkUnit
    extra = 0


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent", "decreed_by_mayor", "active"]
    list_filter = ["kind", "decreed_by_mayor", "active"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [WorkUnitInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"parent", "kind"} & set(form.changed_data):
            sync_agency_permissions(obj)

    def has_delete_permission(self, request, obj=None):
        # Agencies are deactivated, never deleted: their records and decrees stay.
        return False


@admin.register(WorkUnit)
class WorkUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "agency", "active"]
    list_filter = ["active"]
    search_fields = ["name", "agency__name"]
    autocomplete_fields = ["agency"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    autocomplete_fields = ["user", "agency"]
    list_select_related = ["user", "agency"]

    def save_model(self, request, obj, form, change):
        if change and {"user", "agency"} & set(form.changed_data):
            membership_remove(actor=request.user, membership=Membership.objects.get(pk=obj.pk))
        saved = membership_set(actor=request.user, user=obj.user, agency=obj.agency, role=obj.role)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        membership_remove(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("user"):
            membership_remove(actor=request.user, membership=membership)


@admin.register(Holiday)
class HolidayAdmin(SimpleHistoryAdmin):
    """Cuti bersama and local days off; national holidays come from the `holidays` package."""

    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    date_hierarchy = "date"

"""Read-only: consultations are planned, recorded and closed through the staff pages
(consultations.services); the admin is for support staff to look, with history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Consultation, ConsultationInput, ConsultationScan, Participant


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ["name", "organisation", "category", "invited", "attended", "signs_minutes"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "agency", "method", "starts_at", "status", "minutes_number"]
    list_filter = ["status", "method"]
    search_fields = ["agency__name", "agency__short_name", "place", "minutes_number"]
    list_select_related = ["agency"]
    date_hierarchy = "starts_at"
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "category", "invited", "attended", "consultation"]
    list_filter = ["category", "invited", "attended"]
    search_fields = ["name", "organisation"]
    list_select_related = ["consultation__agency"]


@admin.register(ConsultationInput)
class ConsultationInputAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "consultation", "component", "outcome"]
    list_filter = ["outcome", "component"]
    search_fields = ["text", "reason", "change_description"]
    list_select_related = ["consultation__agency"]


@admin.register(ConsultationScan)
class ConsultationScanAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "kind", "consultation", "size", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
    list_select_related = ["consultation__agency"]
    # The file itself is served only through the guarded download view.
    exclude = ["file"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "file"]

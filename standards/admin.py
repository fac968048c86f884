"""Read-only admin pages for support staff (STYLE.md: the admin is read-mostly, no
workflow buttons). Drafting happens in the application, through `standards.services`;
here one looks things up and reads their history."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ComplaintChannel,
    DraftingTeam,
    LegalBasis,
    ProcedureStep,
    Requirement,
    Service,
    ServiceStandard,
    StandardComponent,
    TeamMember,
)


class ReadOnlyMixin:
    """View only: no add, change or delete (writes go through the services)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields


@admin.register(Service)
class ServiceAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["name", "agency", "kind", "work_unit", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "slug", "agency__name"]
    list_select_related = ["agency", "work_unit"]


class TeamMemberInline(ReadOnlyInline):
    model = TeamMember
    fields = ["name", "nip", "position", "role", "user"]


@admin.register(DraftingTeam)
class DraftingTeamAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["agency", "decree_number", "decree_date"]
    search_fields = ["agency__name", "decree_number"]
    list_select_related = ["agency"]
    inlines = [TeamMemberInline]


class ComponentInline(ReadOnlyInline):
    model = StandardComponent
    fields = ["kind", "text", "revision", "updated_by", "updated_at"]


class RequirementInline(ReadOnlyInline):
    model = Requirement
    fields = ["position", "description", "kind", "timing", "step", "notes"]


class StepInline(ReadOnlyInline):
    model = ProcedureStep
    fields = [
        "position",
        "actor",
        "action",
        "duration_value",
        "duration_unit",
        "applicant_fee",
        "agency_cost",
        "output",
    ]


class ChannelInline(ReadOnlyInline):
    model = ComplaintChannel
    fields = ["position", "kind", "detail"]


class LegalBasisInline(ReadOnlyInline):
    model = LegalBasis
    fields = ["position", "kind", "number", "year", "title"]


@admin.register(ServiceStandard)
class ServiceStandardAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["service", "version", "status", "agency_name", "in_force_since", "updated_at"]
    list_filter = ["status", "change_reason"]
    search_fields = ["service__name", "service__agency__name"]
    list_select_related = ["service__agency"]
    inlines = [ComponentInline, RequirementInline, StepInline, ChannelInline, LegalBasisInline]

    @admin.display(description=_("Perangkat Daerah"), ordering="service__agency__name")
    def agency_name(self, obj: ServiceStandard) -> str:
        return obj.service.agency.name

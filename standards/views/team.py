"""The agency's drafting team (Pasal 10 ayat (2)-(4)): the decree that formed it, its scan,
and its members. Readers of the agency see it; who may draft for the agency changes it.
A UPT or school has no team of its own: its parent's team drafts for it (Pasal 17 (1))."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bontang_sp.form_errors import attach_errors
from documents.uploads import (
    PDF,
    REQUEST_TOO_LARGE_MESSAGE,
    attachment_response,
    download_name,
    limit_upload_size,
)

from .. import permissions, services
from ..checks import check_team
from ..forms import DraftingTeamForm, TeamMemberForm
from ..models import DraftingTeam, TeamMember, TeamRole


def _team_or_none(agency) -> DraftingTeam | None:
    return DraftingTeam.objects.filter(agency=agency).prefetch_related("members__user").first()


def _page(request, agency, *, team_form=None, member_form=None, editing=None, status=200):
    team = _team_or_none(agency)
    may_draft = permissions.may_draft(request.user, agency)
    order = {role: index for index, role in enumerate(TeamRole.values)}
    members = []
    if team:
        members = sorted(team.members.all(), key=lambda m: (order.get(m.role, 9), m.name))
    if may_draft:
        team_form = team_form or DraftingTeamForm(instance=team or DraftingTeam(agency=agency))
        member_form = member_form or TeamMemberForm(prefix="anggota", agency=agency)
    return render(
        request,
        "standards/team.html",
        {
            "agency": agency,
            "team": team,
            "members": members,
            # None: no team formed yet.
            "problems": check_team(team) if team else None,
            "may_draft": may_draft,
            "team_form": team_form,
            "member_form": member_form,
            "editing": editing,
        },
        status=status,
    )


def _team_agency_redirect(request, agency):
    """UPT and schools: their parent's team drafts for them."""
    if agency.drafted_by_parent:
        # The parent's page is linked only for who may read it (the head of a UPT may not).
        may_read_parent = permissions.may_read_agency(request.user, agency.parent)
        return render(
            request,
            "standards/team_of_parent.html",
            {"agency": agency, "may_read_parent": may_read_parent},
        )
    return None


@require_GET
def team_detail(request, agency_slug: str):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    return _team_agency_redirect(request, agency) or _page(request, agency)


@require_POST
@limit_upload_size
def team_decree_save(request, agency_slug: str):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    if agency.drafted_by_parent:
        raise Http404
    team = services.drafting_team_for(agency)
    form = DraftingTeamForm(request.POST, request.FILES, instance=team)
    if request.upload_too_large:
        form.add_error("decree_scan", REQUEST_TOO_LARGE_MESSAGE)
        return _page(request, agency, team_form=form)
    if form.is_valid():
        try:
            services.team_save(actor=request.user, team=form.instance, scan=form.scan)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Keputusan pembentukan tim disimpan."))
            return redirect(reverse("standards:team", args=[agency.slug]) + "#keputusan")
    return _page(request, agency, team_form=form)


@require_POST
def member_add(request, agency_slug: str):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    if agency.drafted_by_parent:
        raise Http404
    team = services.drafting_team_for(agency)
    form = TeamMemberForm(
        request.POST, prefix="anggota", agency=agency, instance=TeamMember(team=team)
    )
    if form.is_valid():
        try:
            member = services.team_member_save(actor=request.user, member=form.instance)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("%(name)s ditambahkan ke tim.") % {"name": member.name})
            return redirect(reverse("standards:team", args=[agency.slug]) + "#anggota")
    return _page(request, agency, member_form=form)


@require_http_methods(["GET", "POST"])
def member_edit(request, agency_slug: str, member_pk: int):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    member = get_object_or_404(TeamMember, pk=member_pk, team__agency=agency)
    form = TeamMemberForm(
        request.POST or None, prefix=f"anggota-{member.pk}", agency=agency, instance=member
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_member_save(actor=request.user, member=form.instance)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Data anggota tim disimpan."))
            return redirect(reverse("standards:team", args=[agency.slug]) + "#anggota")
    return render(
        request,
        "standards/team_member_form.html",
        {"agency": agency, "member": member, "form": form},
    )


@require_POST
def member_delete(request, agency_slug: str, member_pk: int):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    member = get_object_or_404(TeamMember, pk=member_pk, team__agency=agency)
    services.team_member_delete(actor=request.user, member=member)
    messages.success(request, _("%(name)s dikeluarkan dari tim.") % {"name": member.name})
    return redirect(reverse("standards:team", args=[agency.slug]) + "#anggota")


@require_GET
def team_decree_scan(request, agency_slug: str):
    """The uploaded scan, for readers of the agency only (uploads have no public URL)."""
    agency = permissions.agency_for_reading(request.user, agency_slug)
    team = get_object_or_404(DraftingTeam, agency=agency)
    if not team.decree_scan:
        raise Http404
    return attachment_response(
        team.decree_scan,
        filename=download_name(team.decree_scan_name or f"sk-tim-penyusun-{agency.slug}.pdf", PDF),
        content_type=PDF,
    )


urlpatterns = [
    path("kelola/pd/<slug:agency_slug>/tim-penyusun/", team_detail, name="team"),
    path(
        "kelola/pd/<slug:agency_slug>/tim-penyusun/keputusan/",
        team_decree_save,
        name="team-decree-save",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/tim-penyusun/keputusan/pindaian.pdf",
        team_decree_scan,
        name="team-decree-scan",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/tim-penyusun/anggota/tambah/",
        member_add,
        name="team-member-add",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/tim-penyusun/anggota/<int:member_pk>/ubah/",
        member_edit,
        name="team-member-edit",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/tim-penyusun/anggota/<int:member_pk>/hapus/",
        member_delete,
        name="team-member-delete",
    ),
]

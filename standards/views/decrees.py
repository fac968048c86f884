"""Staff pages of the decree workflow: list, detail with its acts, review queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies import permissions as agency_permissions
from agencies.roles import CityRole
from agencies.workdays import calendar_for
from bontang_sp.form_errors import attach_errors, beside_fields, flash_errors
from bontang_sp.pagination import paginate
from documents.uploads import (
    REQUEST_TOO_LARGE_MESSAGE,
    attachment_response,
    download_name,
    limit_upload_size,
)

from .. import decrees as services
from .. import diff, permissions
from ..checks import check_standard, check_warnings
from ..decrees.forms import (
    DecreeCreateForm,
    DecreeTextForm,
    SignedScanForm,
)
from ..decrees.guards import needs_wet_signed_scan
from ..decrees.queries import decrees_for, last_return, review_queue
from ..decrees.workflow import (
    TRANSITIONS,
    TransitionRefused,
    available_actions,
    reasons_before_form,
)
from ..models import DecreeStatus
from ..selectors import standard_as_of, standard_with_rows
from ..timeline import decree_timeline
from ..totals import standard_totals
from .editor import build_blocks


def decree_list(request):
    decrees = decrees_for(request.user).order_by("-updated_at", "-pk")
    status = request.GET.get("status", "")
    if status in DecreeStatus.values:
        decrees = decrees.filter(status=status)
    return render(
        request,
        "standards/decrees/list.html",
        {
            **paginate(request, decrees),
            "statuses": DecreeStatus.choices,
            "status": status,
            "draftable": agency_permissions.agencies_for_drafting(request.user).order_by("name"),
        },
    )


def decree_create(request, agency_slug: str):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    form = DecreeCreateForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            decree = services.decree_create(
                actor=request.user,
                agency=agency,
                standards=list(form.cleaned_data["standards"]),
                amends=form.cleaned_data["amends"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Rancangan keputusan dibuat."))
            return redirect("standards:decree-detail", pk=decree.pk)
    return render(request, "standards/decrees/create.html", {"agency": agency, "form": form})


def decree_view(request, pk: int):
    decree = permissions.decree_for_reading(request.user, pk)
    actions = available_actions(decree, request.user)
    return render(
        request,
        "standards/decrees/detail.html",
        {
            "decree": decree,
            "actions": actions,
            "may_edit_text": decree.status == DecreeStatus.DRAFT
            and permissions.may_draft(request.user, decree.agency),
            "may_address_notes": permissions.may_draft(request.user, decree.agency),
            "documents": services.decree_documents(decree).order_by("created_at"),
            "timeline": decree_timeline(decree, calendar_for(request)),
            "scan_required": decree.status == DecreeStatus.SET and needs_wet_signed_scan(decree),
            "scan_form": SignedScanForm()
            if (
                decree.status in (DecreeStatus.SET, DecreeStatus.IN_FORCE)
                or (decree.recorded and decree.status == DecreeStatus.DRAFT)
            )
            and permissions.may_draft(request.user, decree.agency)
            else None,
        },
    )


def decree_edit_text(request, pk: int):
    decree = permissions.decree_for_drafting(request.user, pk)
    form = DecreeTextForm(request.POST or None, instance=decree)
    if request.method == "POST" and form.is_valid():
        try:
            services.decree_update_text(actor=request.user, decree=decree, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Judul dan konsideran disimpan."))
            return redirect("standards:decree-detail", pk=decree.pk)
    return render(request, "standards/decrees/edit_text.html", {"decree": decree, "form": form})


def decree_act(request, pk: int, action: str):
    """GET: the act's form (or its confirmation); POST: perform it as the table says."""
    decree = permissions.decree_for_reading(request.user, pk)
    spec = TRANSITIONS.get(action)
    if spec is None:
        raise Http404
    permissions.refuse_unless(
        spec in available_actions(decree, request.user),
        _("%(act)s tidak dapat Anda lakukan pada keputusan berstatus %(status)s.")
        % {"act": spec.label, "status": decree.get_status_display()},
    )
    posted = request.POST if request.method == "POST" else None  # bound even when empty
    form = spec.form(posted, user=request.user, decree=decree) if spec.form else None
    reasons: list[str] = []
    blocked = False
    if request.method != "POST":
        reasons = reasons_before_form(decree, action)
        blocked = bool(reasons)
    elif form is None or form.is_valid():
        data = form.cleaned_data if form is not None else {}
        try:
            services.act(actor=request.user, decree=decree, action=action, **data)
        except TransitionRefused as refused:
            reasons = refused.reasons
        except ValidationError as error:
            if beside_fields(form, error):
                attach_errors(form, error)
            else:
                reasons = error.messages
        else:
            messages.success(request, spec.done)
            return redirect("standards:decree-detail", pk=decree.pk)
    return render(
        request,
        "standards/decrees/act.html",
        {"decree": decree, "spec": spec, "form": form, "reasons": reasons, "blocked": blocked},
        status=422
        if (reasons and not blocked) or (form is not None and form.is_bound and form.errors)
        else 200,
    )


def decree_review(request, pk: int):
    """Pasal 12 ayat (4): each standard of the decree in the Lampiran's format, with its
    completeness check, its consultation trace and what changed from the version in force."""
    decree = permissions.decree_for_reading(request.user, pk)
    returned = last_return(decree)
    lampiran = []
    for item in decree.lampiran.all():
        standard = standard_with_rows(item.standard_id)
        delivery, management = build_blocks(standard, editable=False)
        since_return = None
        if returned is not None:
            since_return = diff.diff_standards(standard_as_of(standard, returned.at), standard)
        lampiran.append(
            {
                "standard": standard,
                "delivery_blocks": delivery,
                "management_blocks": management,
                "totals": standard_totals(standard),
                "failures": check_standard(standard),
                "compare_with": diff.version_to_compare(standard),
                "warnings": check_warnings(standard),
                "since_return": since_return,
                "anchor_prefix": f"sejak-{standard.pk}-",
                "notes": [
                    n
                    for n in decree.review_notes.all()
                    if n.standard_id == standard.pk or n.applies_to_every_standard
                ],
            }
        )
    return render(
        request,
        "standards/decrees/review.html",
        {
            "decree": decree,
            "lampiran": lampiran,
            "returned": returned,
            "general_notes": [
                n for n in decree.review_notes.all() if not n.standard_id and not n.component
            ],
            "actions": available_actions(decree, request.user),
        },
    )


def review_queue_view(request):
    if not agency_permissions.has_city_role(request.user, CityRole.REVIEWER) and not (
        agency_permissions.has_city_role(request.user, CityRole.SECRETARIAT)
    ):
        raise Http404
    return render(request, "standards/decrees/review_queue.html", paginate(request, review_queue()))


@limit_upload_size
def decree_signed_scan(request, pk: int):
    """POST: upload the wet-signed scan; GET: download it (attachment, never rendered)."""
    decree = permissions.decree_for_reading(request.user, pk)
    if request.method != "POST":
        if not decree.signed_scan:
            raise Http404
        return attachment_response(
            decree.signed_scan,
            filename=download_name(decree.signed_scan_name, decree.signed_scan_type),
            content_type=decree.signed_scan_type,
        )
    if request.upload_too_large:
        messages.error(request, REQUEST_TOO_LARGE_MESSAGE)
        return redirect("standards:decree-detail", pk=decree.pk)
    form = SignedScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.decree_attach_signed_scan(
                actor=request.user, decree=decree, uploads=form.cleaned_data["files"]
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Pindaian keputusan bertanda tangan disimpan."))
    else:
        messages.error(request, " ".join(form.errors["files"]))
    return redirect("standards:decree-detail", pk=decree.pk)


@require_POST
def review_note_addressed(request, pk: int):
    """The drafters' answer to a note: what they changed, or why not."""
    note = permissions.review_note_for_drafting(request.user, pk)
    try:
        services.review_note_address(
            actor=request.user, note=note, answer=request.POST.get("answer", "")
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Tindak lanjut catatan disimpan."))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("standards:decree-detail", pk=note.decree_id)


urlpatterns = [
    path("kelola/keputusan/", decree_list, name="decree-list"),
    path("kelola/pd/<slug:agency_slug>/keputusan/baru/", decree_create, name="decree-create"),
    path("kelola/keputusan/<int:pk>/", decree_view, name="decree-detail"),
    path("kelola/keputusan/<int:pk>/ubah/", decree_edit_text, name="decree-edit-text"),
    path("kelola/keputusan/<int:pk>/evaluasi/", decree_review, name="decree-review"),
    path("kelola/keputusan/<int:pk>/tindakan/<slug:action>/", decree_act, name="decree-act"),
    path("kelola/keputusan/<int:pk>/pindaian/", decree_signed_scan, name="decree-signed-scan"),
    path("kelola/evaluasi/", review_queue_view, name="review-queue"),
    path("kelola/catatan/<int:pk>/selesai/", review_note_addressed, name="review-note-addressed"),
]

"""The consultations of an agency: list, plan, overview, amend, mark held, close, cancel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import attach_errors, flash_errors

from .. import permissions, selectors, services
from ..forms import CancelForm, CloseForm, ConsultationForm
from ..models import REQUIRED_SCANS, ConsultationStatus, InputOutcome, ScanKind
from .common import PREFIX, frame
from .printouts import documents_for


def consultation_list(request, agency_slug: str):
    """/kelola/pd/<agency>/pembahasan/: every consultation of the agency."""
    agency = permissions.agency_for_reading(request.user, agency_slug)
    consultations = list(selectors.consultations_for_agency(agency))
    for consultation in consultations:
        consultation.scan_flags = [
            (ScanKind(kind).label, getattr(consultation, f"has_{kind}_scan"))
            for kind in REQUIRED_SCANS
        ]
    return render(
        request,
        "consultations/list.html",
        {
            "agency": agency,
            "consultations": consultations,
            "may_manage": permissions.may_manage(request.user, agency),
        },
    )


def consultation_create(request, agency_slug: str):
    agency = permissions.agency_for_managing(request.user, agency_slug)
    drafts = selectors.draft_standards_for(agency)
    form = ConsultationForm(request.POST or None, standards_queryset=drafts)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_plan(
                actor=request.user,
                agency=agency,
                standards=form.cleaned_data["standards"],
                **form.plan_fields(),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, _("Pembahasan direncanakan. Tambahkan undangan untuk para peserta.")
            )
            if consultation.planned_in_past:
                messages.warning(request, consultation.past_warning)
            return redirect(
                "consultations:participant-list", agency_slug=agency.slug, pk=consultation.pk
            )
    return render(
        request,
        "consultations/form.html",
        {"agency": agency, "form": form, "has_drafts": drafts.exists()},
    )


def consultation_detail(request, agency_slug: str, pk: int):
    consultation = permissions.consultation_for_reading(request.user, agency_slug, pk)
    participants = list(selectors.participants_of(consultation))
    inputs = list(selectors.inputs_of(consultation))
    present_kinds = set(consultation.scans.values_list("kind", flat=True))
    outcome_counts = {value: 0 for value in InputOutcome.values}
    for entry in inputs:
        outcome_counts[entry.outcome] += 1
    context = frame(
        request,
        consultation,
        "detail",
        standards=selectors.standards_of(consultation),
        groups=selectors.participants_by_category(participants),
        participant_count=len(participants),
        attended_count=sum(1 for p in participants if p.attended),
        input_count=len(inputs),
        outcomes=[
            (InputOutcome(value).label, value, count) for value, count in outcome_counts.items()
        ],
        required_scans=[(ScanKind(k).label, k in present_kinds) for k in REQUIRED_SCANS],
        blockers=services.close_blockers(consultation)
        if consultation.status == ConsultationStatus.HELD
        else [],
        documents=documents_for(consultation),
    )
    return render(request, "consultations/detail.html", context)


def consultation_update(request, agency_slug: str, pk: int):
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    if not consultation.is_open:
        messages.warning(request, consultation.frozen_message)
        return redirect(
            "consultations:consultation-detail", agency_slug=agency_slug, pk=consultation.pk
        )
    drafts = selectors.draft_standards_for(consultation.agency) | consultation.standards.all()
    form = ConsultationForm(
        request.POST or None,
        instance=consultation,
        standards_queryset=drafts.distinct(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_update(
                actor=request.user,
                consultation=consultation,
                standards=form.cleaned_data["standards"],
                **form.plan_fields(),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Perubahan rencana pembahasan disimpan."))
            if consultation.planned_in_past:
                messages.warning(request, consultation.past_warning)
            return redirect(
                "consultations:consultation-detail", agency_slug=agency_slug, pk=consultation.pk
            )
    return render(
        request,
        "consultations/form.html",
        {
            "agency": consultation.agency,
            "consultation": consultation,
            "form": form,
            "has_drafts": True,
        },
    )


@require_POST
def consultation_mark_held(request, agency_slug: str, pk: int):
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    try:
        services.consultation_mark_held(actor=request.user, consultation=consultation)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(
            request,
            _(
                "Pembahasan dicatat telah dilaksanakan. Putuskan tindak lanjut setiap masukan, "
                "lalu unggah pindaian dan tutup dengan berita acara."
            ),
        )
    return redirect("consultations:consultation-detail", agency_slug=agency_slug, pk=pk)


def consultation_close(request, agency_slug: str, pk: int):
    """Close with the signed berita acara: only when every piece of evidence is there."""
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    form = CloseForm(request.POST or None, initial={"minutes_number": consultation.minutes_number})
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_close(
                actor=request.user,
                consultation=consultation,
                minutes_number=form.cleaned_data["minutes_number"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Pembahasan ditutup: berita acara ditandatangani dan bukti lengkap."),
            )
            return redirect("consultations:consultation-detail", agency_slug=agency_slug, pk=pk)
    blockers = [
        reason
        for reason in services.close_blockers(consultation)
        if reason != _("Nomor berita acara belum diisi.")
    ]
    return render(
        request,
        "consultations/close.html",
        frame(request, consultation, "detail", form=form, blockers=blockers),
    )


def consultation_cancel(request, agency_slug: str, pk: int):
    """Call off a planned meeting, with its reason."""
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_cancel(
                actor=request.user, consultation=consultation, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Pembahasan dibatalkan."))
            return redirect("consultations:consultation-detail", agency_slug=agency_slug, pk=pk)
    return render(
        request, "consultations/cancel.html", frame(request, consultation, "detail", form=form)
    )


urlpatterns = [
    path(PREFIX, consultation_list, name="consultation-list"),
    path(PREFIX + "baru/", consultation_create, name="consultation-create"),
    path(PREFIX + "<int:pk>/", consultation_detail, name="consultation-detail"),
    path(PREFIX + "<int:pk>/ubah/", consultation_update, name="consultation-update"),
    path(PREFIX + "<int:pk>/terlaksana/", consultation_mark_held, name="consultation-mark-held"),
    path(PREFIX + "<int:pk>/tutup/", consultation_close, name="consultation-close"),
    path(PREFIX + "<int:pk>/batal/", consultation_cancel, name="consultation-cancel"),
]

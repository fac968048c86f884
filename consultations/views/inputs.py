"""Inputs (masukan) recorded live during the meeting, and their outcomes."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bontang_sp.form_errors import attach_errors

from .. import permissions, selectors, services
from ..forms import DecideForm, InputForm
from ..models import ConsultationInput, InputOutcome
from .common import PREFIX, frame, is_htmx


def _input_form(consultation, data=None, initial=None):
    return InputForm(
        data,
        initial=initial,
        standards=selectors.standards_of(consultation),
        participants=list(consultation.participants.order_by("name", "pk")),
    )


def input_list(request, agency_slug: str, pk: int):
    """Record inputs as they are said: with htmx the form and the list update in place."""
    consultation = permissions.consultation_for_reading(request.user, agency_slug, pk)
    context = frame(request, consultation, "inputs")
    form = _input_form(consultation, request.POST or None) if context["may_change"] else None
    if request.method == "POST":
        permissions.refuse_unless_manager(request.user, consultation.agency)
        if form is None:
            messages.warning(request, consultation.frozen_message)
            return redirect("consultations:input-list", agency_slug=agency_slug, pk=pk)
        if form.is_valid():
            try:
                entry = services.input_record(
                    actor=request.user, consultation=consultation, **form.cleaned_data
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                # Keep the standard and the component: a discussion stays on one for a while.
                form = _input_form(
                    consultation,
                    initial={
                        "standard": entry.standard_id,
                        "component": entry.component,
                    },
                )
                context["saved"] = entry
                if not is_htmx(request):
                    messages.success(
                        request, _("Masukan nomor %(n)d dicatat.") % {"n": entry.position}
                    )
                    return redirect(
                        reverse("consultations:input-list", args=[agency_slug, pk])
                        + f"#masukan-{entry.pk}"
                    )
    context.update(form=form, inputs=list(selectors.inputs_of(consultation)))
    if is_htmx(request) and request.method == "POST":
        return render(request, "consultations/_input_form_response.html", context)
    return render(request, "consultations/inputs.html", context)


def input_decide(request, agency_slug: str, pk: int, input_pk: int):
    """Adopted (with the change it led to) or not adopted (with the reason)."""
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    entry = get_object_or_404(
        ConsultationInput.objects.select_related("standard__service", "raised_by"),
        pk=input_pk,
        consultation=consultation,
    )
    since = timezone.make_aware(
        datetime.combine(timezone.localdate(consultation.starts_at), time.min)
    )
    records = selectors.change_records_for(entry.standard, since=since)
    current_key = ""
    if entry.change_record_type_id:
        current_key = f"{entry.change_record_type_id}:{entry.change_record_id}"
    form = DecideForm(
        request.POST or None,
        change_records=records,
        initial={
            "outcome": entry.outcome,
            "reason": entry.reason,
            "change_component": entry.change_component or entry.component,
            "change_description": entry.change_description,
            "change_record": current_key,
        },
    )
    if not consultation.is_open:
        # After signing only the link to the draft's history may still be made.
        for name in ("outcome", "reason", "change_component", "change_description"):
            form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if consultation.is_open:
                entry = services.input_decide(
                    actor=request.user,
                    entry=entry,
                    outcome=data["outcome"],
                    reason=data["reason"],
                    change_component=data["change_component"],
                    change_description=data["change_description"],
                )
            if entry.outcome == InputOutcome.ADOPTED and data["change_record"] != current_key:
                record = selectors.change_record_from_key(entry.standard, data["change_record"])
                if data["change_record"] and record is None:
                    raise ValidationError(
                        {"change_record": _("Catatan riwayat ini tidak ditemukan.")}
                    )
                services.input_link_change(actor=request.user, entry=entry, record=record)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, _("Tindak lanjut masukan nomor %(n)d disimpan.") % {"n": entry.position}
            )
            return redirect(
                reverse("consultations:input-list", args=[agency_slug, pk]) + f"#masukan-{entry.pk}"
            )
    return render(
        request,
        "consultations/input_decide.html",
        frame(request, consultation, "inputs", form=form, entry=entry, has_records=bool(records)),
    )


urlpatterns = [
    path(PREFIX + "<int:pk>/masukan/", input_list, name="input-list"),
    path(
        PREFIX + "<int:pk>/masukan/<int:input_pk>/tindak-lanjut/",
        input_decide,
        name="input-decide",
    ),
]

"""Invitees, and attendance marked on a phone at the door (htmx toggles; plain forms
without JavaScript)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bontang_sp.form_errors import attach_errors, error_text, flash_errors

from .. import permissions, selectors, services
from ..forms import ParticipantForm
from ..models import Participant
from .common import PREFIX, frame, is_htmx


def participant_list(request, agency_slug: str, pk: int):
    """The invitees (Pasal 11 ayat (2)) and the form to add one."""
    consultation = permissions.consultation_for_reading(request.user, agency_slug, pk)
    context = frame(request, consultation, "participants")
    form = ParticipantForm(request.POST or None) if context["may_change"] else None
    if request.method == "POST":
        permissions.refuse_unless_manager(request.user, consultation.agency)
        if form is None:
            messages.warning(request, consultation.frozen_message)
            return redirect("consultations:participant-list", agency_slug=agency_slug, pk=pk)
        if form.is_valid():
            try:
                participant = services.participant_add(
                    actor=request.user, consultation=consultation, **form.cleaned_data
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request, _("%(name)s ditambahkan ke undangan.") % {"name": participant.name}
                )
                return redirect(
                    reverse("consultations:participant-list", args=[agency_slug, pk])
                    + "#tambah-peserta"
                )
    participants = list(selectors.participants_of(consultation))
    context.update(
        form=form,
        groups=selectors.participants_by_category(participants),
        participant_count=len(participants),
    )
    return render(request, "consultations/participants.html", context)


def _participant(request, agency_slug: str, pk: int, participant_pk: int) -> Participant:
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    return get_object_or_404(
        Participant.objects.select_related("consultation__agency"),
        pk=participant_pk,
        consultation=consultation,
    )


def participant_update(request, agency_slug: str, pk: int, participant_pk: int):
    participant = _participant(request, agency_slug, pk, participant_pk)
    form = ParticipantForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_update(
                actor=request.user, participant=participant, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Data peserta disimpan."))
            return redirect("consultations:participant-list", agency_slug=agency_slug, pk=pk)
    return render(
        request,
        "consultations/participant_form.html",
        frame(
            request, participant.consultation, "participants", form=form, participant=participant
        ),
    )


@require_POST
def participant_delete(request, agency_slug: str, pk: int, participant_pk: int):
    participant = _participant(request, agency_slug, pk, participant_pk)
    try:
        services.participant_remove(actor=request.user, participant=participant)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("%(name)s dihapus dari undangan.") % {"name": participant.name})
    return redirect("consultations:participant-list", agency_slug=agency_slug, pk=pk)


def _attendance_counts(consultation) -> dict:
    total = consultation.participants.count()
    present = consultation.participants.filter(attended=True).count()
    return {"present_count": present, "total_count": total}


def attendance(request, agency_slug: str, pk: int):
    """The door: every participant as one big button; walk-ins added at the bottom."""
    consultation = permissions.consultation_for_reading(request.user, agency_slug, pk)
    query = (request.GET.get("q") or "").strip()[:100]
    participants = selectors.participants_of(consultation)
    if query:
        participants = participants.filter(
            Q(name__icontains=query) | Q(organisation__icontains=query)
        )
    context = frame(
        request,
        consultation,
        "attendance",
        participants=list(participants),
        query=query,
        walk_in_form=_walk_in_form(request, consultation),
        **_attendance_counts(consultation),
    )
    return render(request, "consultations/attendance.html", context)


def _walk_in_form(request, consultation, data=None):
    if not permissions.may_change(request.user, consultation):
        return None
    return ParticipantForm(data, walk_in=True)


@require_POST
def attendance_toggle(request, agency_slug: str, pk: int, participant_pk: int):
    """Set one participant present or absent; the form says which, so a double tap on a
    slow connection does not undo the first."""
    participant = _participant(request, agency_slug, pk, participant_pk)
    wanted = request.POST.get("attended") == "1"
    error_message = None
    try:
        participant = services.attendance_set(
            actor=request.user, participant=participant, attended=wanted
        )
    except ValidationError as error:
        error_message = error_text(error)
    consultation = participant.consultation
    if is_htmx(request):
        return render(
            request,
            "consultations/_attendance_toggle.html",
            {
                **frame(request, consultation, "attendance"),
                "p": participant,
                "error_message": error_message,
                "oob_counts": True,
                **_attendance_counts(consultation),
            },
        )
    if error_message:
        messages.error(request, error_message)
    return redirect(
        reverse("consultations:attendance", args=[agency_slug, pk]) + f"#peserta-{participant.pk}"
    )


@require_POST
def walk_in_add(request, agency_slug: str, pk: int):
    """A participant who came without an invitation, marked present at once."""
    consultation = permissions.consultation_for_managing(request.user, agency_slug, pk)
    form = ParticipantForm(request.POST, walk_in=True)
    if form.is_valid():
        try:
            participant = services.participant_add(
                actor=request.user,
                consultation=consultation,
                invited=False,
                attended=True,
                **form.cleaned_data,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s dicatat hadir (tanpa undangan).") % {"name": participant.name},
            )
            return redirect(
                reverse("consultations:attendance", args=[agency_slug, pk])
                + f"#peserta-{participant.pk}"
            )
    context = frame(
        request,
        consultation,
        "attendance",
        participants=list(selectors.participants_of(consultation)),
        query="",
        walk_in_form=form,
        **_attendance_counts(consultation),
    )
    return render(request, "consultations/attendance.html", context, status=200)


urlpatterns = [
    path(PREFIX + "<int:pk>/peserta/", participant_list, name="participant-list"),
    path(
        PREFIX + "<int:pk>/peserta/<int:participant_pk>/ubah/",
        participant_update,
        name="participant-update",
    ),
    path(
        PREFIX + "<int:pk>/peserta/<int:participant_pk>/hapus/",
        participant_delete,
        name="participant-delete",
    ),
    path(PREFIX + "<int:pk>/hadir/", attendance, name="attendance"),
    path(
        PREFIX + "<int:pk>/hadir/<int:participant_pk>/",
        attendance_toggle,
        name="attendance-toggle",
    ),
    path(PREFIX + "<int:pk>/hadir/tanpa-undangan/", walk_in_add, name="walk-in-add"),
]

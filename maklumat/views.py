"""Staff pages of an agency's Maklumat (read, edit the draft, set) and its public page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agencies.models import Agency
from bontang_sp.form_errors import attach_errors

from . import selectors
from .forms import MaklumatDraftForm, MaklumatSetForm
from .models import DRAFT_EDITABLE_FIELDS, default_statements
from .permissions import (
    agency_for_editing,
    agency_for_reading,
    agency_for_setting,
    available_actions,
)
from .services import maklumat_draft, maklumat_set


def _poster_documents(maklumat):
    # The documents app lists the posters of a Maklumat; empty until it does.
    from .documents import posters_of

    return posters_of(maklumat) if maklumat is not None else []


@require_http_methods(["GET"])
def staff_detail(request, agency_slug: str):
    """The agency's Maklumat in force, its draft and every version set before."""
    agency = agency_for_reading(request.user, agency_slug)
    current = selectors.current_maklumat(agency)
    return render(
        request,
        "maklumat/staff_detail.html",
        {
            "agency": agency,
            "current": current,
            "draft": selectors.draft_maklumat(agency),
            "history": selectors.maklumat_history(agency),
            "actions": available_actions(request.user, agency),
            "posters": _poster_documents(current),
        },
    )


@require_http_methods(["GET"])
def version_detail(request, agency_slug: str, version: int):
    agency = agency_for_reading(request.user, agency_slug)
    maklumat = selectors.maklumat_version(agency, version)
    if maklumat is None:
        raise Http404
    return render(
        request,
        "maklumat/version_detail.html",
        {
            "agency": agency,
            "maklumat": maklumat,
            "actions": available_actions(request.user, agency),
            "posters": _poster_documents(maklumat) if not maklumat.is_draft else [],
        },
    )


def _draft_initial(agency: Agency) -> dict:
    draft = selectors.draft_maklumat(agency)
    source = draft or selectors.current_maklumat(agency)
    if source is not None:
        initial = {name: getattr(source, name) for name in DRAFT_EDITABLE_FIELDS}
    else:
        initial = default_statements()
    initial["revision"] = draft.revision if draft else 0
    return initial


@require_http_methods(["GET", "POST"])
def draft_edit(request, agency_slug: str):
    """Drafters and the head edit the draft; it starts from the Maklumat in force or the
    default wording of Pasal 14 ayat (2)."""
    agency = agency_for_editing(request.user, agency_slug)
    if request.method == "POST":
        form = MaklumatDraftForm(request.POST)
        if form.is_valid():
            try:
                maklumat_draft(actor=request.user, agency=agency, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("Rancangan Maklumat Pelayanan disimpan."))
                return redirect("maklumat:staff-detail", agency_slug=agency.slug)
    else:
        form = MaklumatDraftForm(initial=_draft_initial(agency))
    return render(
        request,
        "maklumat/draft_form.html",
        {
            "agency": agency,
            "form": form,
            "draft": selectors.draft_maklumat(agency),
            "current": selectors.current_maklumat(agency),
        },
    )


@require_http_methods(["GET", "POST"])
def set_maklumat(request, agency_slug: str):
    """The head reads the draft as it will be printed, gives the date and sets it."""
    agency = agency_for_setting(request.user, agency_slug)
    draft = selectors.draft_maklumat(agency)
    if draft is None:
        messages.warning(request, _("Belum ada rancangan Maklumat untuk ditetapkan."))
        return redirect("maklumat:staff-detail", agency_slug=agency.slug)
    if request.method == "POST":
        form = MaklumatSetForm(request.POST)
        if form.is_valid():
            try:
                maklumat_set(
                    actor=request.user,
                    maklumat=draft,
                    set_on=form.cleaned_data["set_on"],
                    revision=form.cleaned_data["revision"],
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Maklumat Pelayanan versi %(version)s ditetapkan. Posternya sedang dibuat.")
                    % {"version": draft.version},
                )
                return redirect("maklumat:staff-detail", agency_slug=agency.slug)
    else:
        form = MaklumatSetForm(initial={"revision": draft.revision})
    return render(
        request,
        "maklumat/set_form.html",
        {
            "agency": agency,
            "draft": draft,
            "form": form,
            "head_missing": not agency.head_name,
            "current": selectors.current_maklumat(agency),
        },
    )


@login_not_required
@require_http_methods(["GET"])
def public_detail(request, agency_slug: str):
    """Pasal 14 ayat (3): the Maklumat in force, published to everyone. Never a draft."""
    agency = get_object_or_404(Agency, slug=agency_slug, active=True)
    maklumat = selectors.public_maklumat(agency)
    public_posters = [
        poster
        for poster in _poster_documents(maklumat)
        if poster.document.public and poster.document.is_in_force
    ]
    return render(
        request,
        "maklumat/public_detail.html",
        {"agency": agency, "maklumat": maklumat, "posters": public_posters},
    )

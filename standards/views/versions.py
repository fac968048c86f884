"""Versions of a standard (Pasal 12 ayat (5)-(6)): "Ubah standar" starts a new draft with its
reason; the comparison page shows what changed between any two versions of a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bontang_sp.form_errors import attach_errors

from .. import decrees, diff, permissions, services
from ..forms import ReviseForm
from ..models import StandardStatus
from ..selectors import standard_with_rows
from .editor import editor_url


@require_http_methods(["GET", "POST"])
def standard_revise(request, pk: int):
    standard = permissions.standard_for_editing(request.user, pk)
    if standard.is_editable:
        messages.info(request, _("Versi ini masih rancangan; ubah langsung di penyunting."))
        return redirect(editor_url(standard))
    form = ReviseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = _revise(request.user, standard, form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        except PermissionDenied as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("Rancangan versi %(version)s dibuat dari versi %(previous)s.")
                % {"version": new.version, "previous": standard.version},
            )
            return redirect(editor_url(new))
    return render(
        request,
        "standards/revise.html",
        {"standard": standard, "service": standard.service, "form": form},
    )


def _revise(user, standard, data):
    """A standard in force changes through a new draft decree that amends the one in force
    (Pasal 12 ayat (5)-(6)); other versions are copied into a new draft only."""
    if standard.status == StandardStatus.IN_FORCE:
        new, _decree = decrees.revision_start(
            actor=user,
            standard=standard,
            reason=data["change_reason"],
            explanation=data["change_explanation"],
        )
        return new
    return services.standard_revise(
        actor=user,
        standard=standard,
        reason=data["change_reason"],
        explanation=data["change_explanation"],
    )


@require_GET
def standard_compare(request, pk: int, other_pk: int):
    """Two versions of the same service, component by component and row by row."""
    first = permissions.standard_for_reading(request.user, pk)
    second = permissions.standard_for_reading(request.user, other_pk)
    if not diff.comparable(first, second):
        raise Http404
    older, newer = sorted((first, second), key=lambda s: s.version)
    older, newer = standard_with_rows(older.pk), standard_with_rows(newer.pk)
    comparison = diff.diff_standards(older, newer)
    versions = list(newer.service.standards.order_by("-version").only("id", "version", "status"))
    return render(
        request,
        "standards/compare.html",
        {
            "older": older,
            "newer": newer,
            "service": newer.service,
            "agency": newer.service.agency,
            "comparison": comparison,
            "versions": versions,
            "current": first,
        },
    )


urlpatterns = [
    path("kelola/standar/<int:pk>/ubah-standar/", standard_revise, name="standard-revise"),
    path(
        "kelola/standar/<int:pk>/banding/<int:other_pk>/",
        standard_compare,
        name="standard-compare",
    ),
]

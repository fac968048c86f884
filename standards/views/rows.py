"""Rows of a standard's tables (requirements, steps, complaint channels, legal bases):
add, edit, move and remove, with htmx fragments or, without JavaScript, plain forms that
redirect back to the row's anchor."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from bontang_sp.form_errors import attach_errors

from .. import permissions, services
from .editor import editor_url, oob_fragments, render_editor, require_editable
from .layout import RowItem, RowSection, RowType, row_form, row_type

# Requirement forms listen for this to refresh their list of steps.
STEPS_CHANGED = "steps-changed"


def _anchor(rt: RowType, row=None) -> str:
    return f"baris-{rt.slug}-{row.pk}" if row is not None else rt.list_id


def _respond(request, rt: RowType, standard, html: str) -> HttpResponse:
    response = HttpResponse(html + oob_fragments(request, standard.pk))
    if rt.relation == "steps":
        trigger_client_event(response, STEPS_CHANGED)
    return response


def _autofocus(form):
    """With htmx, the keyboard lands in the first field of a form swapped in."""
    first = next(name for name, field in form.fields.items() if not field.widget.is_hidden)
    form.fields[first].widget.attrs["autofocus"] = True
    return form


def _row_html(request, rt: RowType, standard, row, form=None, **extra) -> str:
    context = {
        "standard": standard,
        "rt": rt,
        "item": RowItem(row=row, form=form),
        "editable": True,
        **extra,
    }
    return render_to_string("standards/editor/_row.html", context, request=request)


def _add_form_html(request, rt: RowType, standard, form, **extra) -> str:
    context = {"standard": standard, "rt": rt, "form": form, **extra}
    return render_to_string("standards/editor/_row_add.html", context, request=request)


@require_POST
def row_add(request, pk: int, rows: str):
    rt = row_type(rows)
    standard = permissions.standard_for_editing(request.user, pk)
    steps = list(standard.steps.all())
    form = row_form(rt, standard, steps=steps, data=request.POST)
    if form.is_valid():
        try:
            row = services.row_save(actor=request.user, standard=standard, row=form.instance)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if request.htmx:
                steps = list(standard.steps.all())
                fresh = _autofocus(row_form(rt, standard, steps=steps))
                html = _add_form_html(request, rt, standard, fresh, added=row)
                # The new row is appended to the list; rows being edited stay as they are.
                html += render_to_string(
                    "standards/editor/_row_append.html",
                    {"standard": standard, "rt": rt, "item": RowItem(row=row), "editable": True},
                    request=request,
                )
                return _respond(request, rt, standard, html)
            messages.success(request, _("Baris ditambahkan."))
            return redirect(editor_url(standard, _anchor(rt, row)))
    if request.htmx:
        return HttpResponse(_add_form_html(request, rt, standard, form))
    return render_editor(request, standard.pk, bound={f"baru:{rt.slug}": form})


@require_GET
@vary_on_headers("HX-Request")
def row_show(request, pk: int, rows: str, row_pk: int):
    """One row as it is shown (htmx: to cancel an edit); without htmx, back to the editor."""
    rt = row_type(rows)
    standard = permissions.standard_for_editing(request.user, pk)
    row = get_object_or_404(rt.model, pk=row_pk, standard=standard)
    if not request.htmx:
        return redirect(editor_url(standard, _anchor(rt, row)))
    return HttpResponse(_row_html(request, rt, standard, row))


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def row_edit(request, pk: int, rows: str, row_pk: int):
    rt = row_type(rows)
    standard = permissions.standard_for_editing(request.user, pk)
    require_editable(request, standard)
    row = get_object_or_404(rt.model, pk=row_pk, standard=standard)
    steps = list(standard.steps.all())
    if request.method == "GET":
        form = row_form(rt, standard, steps=steps, row=row)
        if request.htmx:
            return HttpResponse(_row_html(request, rt, standard, row, _autofocus(form)))
        return render_editor(request, standard.pk, bound={f"ubah:{rt.slug}:{row.pk}": form})

    form = row_form(rt, standard, steps=steps, row=row, data=request.POST)
    if form.is_valid():
        try:
            row = services.row_save(
                actor=request.user,
                standard=standard,
                row=form.instance,
                revision=form.cleaned_data["revision"],
            )
        except services.StaleEdit as stale:
            form.add_error(None, str(stale))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if request.htmx:
                return _respond(request, rt, standard, _row_html(request, rt, standard, row))
            messages.success(request, _("Baris tersimpan."))
            return redirect(editor_url(standard, _anchor(rt, row)))
    if request.htmx:
        return HttpResponse(_row_html(request, rt, standard, row, form))
    return render_editor(request, standard.pk, bound={f"ubah:{rt.slug}:{row.pk}": form})


@require_POST
def row_delete(request, pk: int, rows: str, row_pk: int):
    rt = row_type(rows)
    standard = permissions.standard_for_editing(request.user, pk)
    row = get_object_or_404(rt.model, pk=row_pk, standard=standard)
    revision = request.POST.get("revisi", "")
    try:
        services.row_delete(
            actor=request.user,
            standard=standard,
            row=row,
            revision=int(revision) if revision.isdigit() else None,
            unlink_requirements=request.POST.get("lepas-persyaratan") == "ya",
        )
    except services.StepHasRequirements as linked:
        # Ask first, with and without JavaScript: the same question, then the same POST.
        context = {"standard": standard, "rt": rt, "row": row, "linked": linked}
        if request.htmx:
            return HttpResponse(_row_html(request, rt, standard, row, confirm_unlink=linked))
        return render(request, "standards/editor/step_delete_confirm.html", context)
    except services.StaleDelete as stale:
        row.refresh_from_db()
        if request.htmx:
            return HttpResponse(_row_html(request, rt, standard, row, notice=str(stale)))
        messages.error(request, str(stale))
        return redirect(editor_url(standard, _anchor(rt, row)))
    if request.htmx:
        # The row's <li> is replaced by nothing; the numbering is CSS counters.
        return _respond(request, rt, standard, "")
    messages.success(request, _("Baris dihapus."))
    return redirect(editor_url(standard, _anchor(rt)))


@require_POST
def row_move(request, pk: int, rows: str, row_pk: int):
    rt = row_type(rows)
    standard = permissions.standard_for_editing(request.user, pk)
    require_editable(request, standard)
    row = get_object_or_404(rt.model, pk=row_pk, standard=standard)
    offset = {"naik": -1, "turun": 1}.get(request.POST.get("arah", ""))
    if offset is not None:
        services.row_move(actor=request.user, standard=standard, row=row, offset=offset)
    if request.htmx:
        rows_list = rt.model.objects.filter(standard=standard).order_by("position", "id")
        if rt.relation == "requirements":
            rows_list = rows_list.select_related("step")
        section = RowSection(type=rt, items=[RowItem(row=r) for r in rows_list], add_form=None)
        html = render_to_string(
            "standards/editor/_row_list.html",
            {"standard": standard, "section": section, "editable": True, "moved": row.pk},
            request=request,
        )
        return _respond(request, rt, standard, html)
    return redirect(editor_url(standard, _anchor(rt, row)))


urlpatterns = [
    path("kelola/standar/<int:pk>/<slug:rows>/tambah/", row_add, name="row-add"),
    path("kelola/standar/<int:pk>/<slug:rows>/<int:row_pk>/", row_show, name="row-show"),
    path("kelola/standar/<int:pk>/<slug:rows>/<int:row_pk>/ubah/", row_edit, name="row-edit"),
    path("kelola/standar/<int:pk>/<slug:rows>/<int:row_pk>/hapus/", row_delete, name="row-delete"),
    path("kelola/standar/<int:pk>/<slug:rows>/<int:row_pk>/geser/", row_move, name="row-move"),
]

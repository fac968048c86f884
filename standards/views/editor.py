"""The page of one standard, laid out as the Lampiran's format table (NO / KOMPONEN / URAIAN).

Those who may edit it (a draft, and a right to draft for its agency) get the editor; those
who may only read it get the same layout without forms. Every form posts to its own URL;
with htmx the answer is a fragment (plus out-of-band updates of the derived totals and of
the completeness list), without JavaScript it is a redirect back to the component's
anchor, or the whole page again with the errors beside the fields.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bontang_sp.form_errors import attach_errors

from .. import permissions, services
from ..checks import check_standard, check_warnings
from ..forms import FIELD_GROUPS, fields_form, step_choices
from ..models import ReviewNote, ServiceStandard, StandardStatus
from ..selectors import standard_with_rows
from ..totals import standard_totals
from .layout import Block, build_blocks, component_form, component_kind


def editor_context(request: HttpRequest, standard: ServiceStandard, *, bound=None) -> dict:
    user = request.user
    editable = permissions.may_edit_standard(user, standard)
    may_draft = permissions.may_draft(user, standard.service.agency)
    delivery, management = build_blocks(standard, editable=editable, bound=bound)
    general_notes = attach_review_notes(standard, delivery + management)
    versions = list(standard.service.standards.order_by("-version").only("version", "status"))
    draft_in_progress = next(
        (v for v in versions if v.status == StandardStatus.DRAFT and v.pk != standard.pk), None
    )
    publication_form = None
    if editable:
        publication_form = (bound or {}).get("isian:publikasi") or fields_form(
            "publikasi", standard
        )
    return {
        "standard": standard,
        "service": standard.service,
        "agency": standard.service.agency,
        "editable": editable,
        "may_draft": may_draft,
        "may_revise": may_draft and not standard.is_editable and draft_in_progress is None,
        "draft_in_progress": draft_in_progress,
        "delivery_blocks": delivery,
        "management_blocks": management,
        "publication_form": publication_form,
        "totals": standard_totals(standard),
        "failures": check_standard(standard),
        "warnings": check_warnings(standard),
        "versions": versions,
        "outputs": [s.output for s in standard.steps.all() if s.output.strip()],
        "general_notes": general_notes,
    }


def attach_review_notes(standard: ServiceStandard, blocks: list) -> list:
    """Put each open note of Bagian Organisasi beside its component (one query); return
    the notes on the standard as a whole."""
    # A note on a component of no one standard applies to each standard of its decree.
    on_every_standard = Q(standard__isnull=True, decree__lampiran__standard=standard) & ~Q(
        component=""
    )
    notes = list(
        ReviewNote.objects.filter(Q(standard=standard) | on_every_standard)
        .filter(addressed_at__isnull=True)
        .select_related("author")
        .distinct()
        .order_by("created_at")
    )
    for block in blocks:
        block.review_notes = [n for n in notes if n.component == block.kind]
    return [n for n in notes if not n.component]


def render_editor(request: HttpRequest, pk: int, *, bound=None) -> HttpResponse:
    standard = standard_with_rows(pk)
    return render(request, "standards/editor.html", editor_context(request, standard, bound=bound))


def editor_url(standard_or_pk, anchor: str = "") -> str:
    pk = getattr(standard_or_pk, "pk", standard_or_pk)
    url = reverse("standards:standard-detail", args=[pk])
    return f"{url}#{anchor}" if anchor else url


def oob_fragments(request: HttpRequest, pk: int, *, revisions_except: str | None = None) -> str:
    """The derived totals, step outputs and completeness list, as out-of-band swaps.

    After a save of the standard's own fields, the other field groups get the new revision
    (only their hidden input is replaced, so what the person is typing there stays).
    """
    standard = standard_with_rows(pk)
    context = {
        "standard": standard,
        "totals": standard_totals(standard),
        "failures": check_standard(standard),
        "warnings": check_warnings(standard),
        "outputs": [s.output for s in standard.steps.all() if s.output.strip()],
        "oob": True,
        "revision_groups": []
        if revisions_except is None
        else [g for g in FIELD_GROUPS if g != revisions_except],
    }
    return render_to_string("standards/editor/_oob.html", context, request=request)


def fragment_response(request: HttpRequest, template: str, context: dict, pk: int, **oob):
    html = render_to_string(template, context, request=request)
    return HttpResponse(html + oob_fragments(request, pk, **oob))


# --- views -----------------------------------------------------------------------


@require_GET
def standard_detail(request, pk: int):
    """The editor for those who may edit the standard, its read-only view for other readers."""
    standard = permissions.standard_for_reading(request.user, pk)
    return render_editor(request, standard.pk)


@require_POST
def component_save(request, pk: int, kind: str):
    standard = permissions.standard_for_editing(request.user, pk)
    kind = component_kind(kind)
    form = component_form(kind, None, data=request.POST)
    conflict_text = None
    if form.is_valid():
        try:
            component = services.component_save(
                actor=request.user,
                standard=standard,
                kind=kind.value,
                text=form.cleaned_data["text"],
                revision=form.cleaned_data["revision"],
            )
        except services.StaleEdit as stale:
            form.add_error("text", str(stale))
            conflict_text = standard.components.get(kind=kind.value).text
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if request.htmx:
                context = {
                    "standard": standard,
                    "block": Block(kind=kind, component=component, form=None),
                    "form": component_form(kind, component),
                    "saved_at": timezone.localtime(),
                }
                return fragment_response(
                    request, "standards/editor/_component_form.html", context, standard.pk
                )
            messages.success(
                request,
                _("Komponen %(number)s. %(label)s tersimpan.")
                % {"number": kind.number, "label": kind.label},
            )
            return redirect(editor_url(standard, f"komponen-{kind.number}"))
    if request.htmx:
        context = {
            "standard": standard,
            "block": Block(kind=kind, component=None, form=None),
            "form": form,
            "conflict_text": conflict_text,
        }
        return HttpResponse(
            render_to_string("standards/editor/_component_form.html", context, request=request)
        )
    bound = {f"komponen:{kind.value}": form, f"konflik:{kind.value}": conflict_text}
    return render_editor(request, standard.pk, bound=bound)


@require_POST
def fields_save(request, pk: int, group: str):
    """Save one group of the standard's own fields (fee basis, complaint contact, ...)."""
    standard = permissions.standard_for_editing(request.user, pk)
    if group not in FIELD_GROUPS:
        raise Http404
    form = fields_form(group, standard, data=request.POST)
    if form.is_valid():
        try:
            standard = services.standard_update_fields(
                actor=request.user,
                standard=standard,
                revision=form.cleaned_data["revision"],
                **form.values(),
            )
        except services.StaleEdit as stale:
            form.add_error(None, str(stale))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if request.htmx:
                context = {
                    "standard": standard,
                    "group": group,
                    "form": fields_form(group, standard),
                    "saved_at": timezone.localtime(),
                }
                return fragment_response(
                    request,
                    "standards/editor/_fields_form.html",
                    context,
                    standard.pk,
                    revisions_except=group,
                )
            messages.success(request, _("Isian tersimpan."))
            return redirect(editor_url(standard, f"isian-{group}"))
    if request.htmx:
        context = {"standard": standard, "group": group, "form": form}
        return HttpResponse(
            render_to_string("standards/editor/_fields_form.html", context, request=request)
        )
    return render_editor(request, standard.pk, bound={f"isian:{group}": form})


@require_GET
def step_options(request, pk: int):
    """The <option>s of a requirement's step select, refreshed after the steps changed."""
    standard = permissions.standard_for_editing(request.user, pk)
    selected = next((v for k, v in request.GET.items() if k.endswith("step")), "")
    steps = list(standard.steps.all())
    return render(
        request,
        "standards/editor/_step_options.html",
        {"choices": step_choices(steps), "selected": selected},
    )


@require_GET
def standard_print(request, pk: int):
    """The standard in the Lampiran's format, for the browser's print dialogue."""
    standard = permissions.standard_for_reading(request.user, pk)
    standard = standard_with_rows(standard.pk)
    delivery, management = build_blocks(standard, editable=False)
    return render(
        request,
        "standards/print.html",
        {
            "standard": standard,
            "service": standard.service,
            "agency": standard.service.agency,
            "delivery_blocks": delivery,
            "management_blocks": management,
            "totals": standard_totals(standard),
            "outputs": [s.output for s in standard.steps.all() if s.output.strip()],
        },
    )


def require_editable(request, standard: ServiceStandard) -> None:
    """For GETs that open a form: a standard that is no longer a draft answers 403."""
    permissions.refuse_unless(
        permissions.may_edit_standard(request.user, standard),
        _("Standar ini bukan rancangan lagi dan tidak dapat diubah."),
    )


urlpatterns = [
    path("kelola/standar/<int:pk>/", standard_detail, name="standard-detail"),
    path("kelola/standar/<int:pk>/cetak/", standard_print, name="standard-print"),
    path(
        "kelola/standar/<int:pk>/komponen/<slug:kind>/",
        component_save,
        name="component-save",
    ),
    path("kelola/standar/<int:pk>/isian/<slug:group>/", fields_save, name="fields-save"),
    path("kelola/standar/<int:pk>/pilihan-tahap/", step_options, name="step-options"),
]

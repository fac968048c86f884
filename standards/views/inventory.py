"""The agency's inventory of services (Pasal 10 ayat (1), Lampiran 1.B.1), each service's
versions, and the list of services given free of charge (Lampiran 1.B.6 huruf c).

Whoever may read the agency sees these pages; only who may draft for it changes them.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bontang_sp.form_errors import attach_errors

from .. import permissions, services
from ..forms import ServiceForm
from ..models import Service, ServiceStandard, StandardStatus
from ..selectors import free_services
from ..totals import standard_totals


def _versions_summary(service: Service) -> None:
    """Attach the in-force and the in-progress version (from the prefetched standards)."""
    versions = list(service.standards.all())
    service.version_list = versions
    service.in_force = next((v for v in versions if v.status == StandardStatus.IN_FORCE), None)
    service.in_progress = next((v for v in versions if v.status == StandardStatus.DRAFT), None)


VERSIONS = Prefetch(
    "standards",
    queryset=ServiceStandard.objects.only(
        "id", "service_id", "version", "status", "in_force_since", "updated_at"
    ).order_by("-version"),
)


@require_GET
def service_list(request, agency_slug: str):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    service_qs = agency.services.select_related("work_unit").prefetch_related(VERSIONS)
    service_list = list(service_qs.order_by("-active", "name"))
    for service in service_list:
        _versions_summary(service)
    return render(
        request,
        "standards/service_list.html",
        {
            "agency": agency,
            "services": service_list,
            "may_draft": permissions.may_draft(request.user, agency),
        },
    )


@require_http_methods(["GET", "POST"])
def service_create(request, agency_slug: str):
    agency = permissions.agency_for_drafting(request.user, agency_slug)
    return _service_form(request, agency, Service(agency=agency))


@require_http_methods(["GET", "POST"])
def service_edit(request, agency_slug: str, pk: int):
    service = permissions.service_for_drafting(request.user, agency_slug, pk)
    return _service_form(request, service.agency, service)


def _service_form(request, agency, service: Service):
    creating = service.pk is None
    form = ServiceForm(request.POST or None, instance=service, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_save(actor=request.user, service=form.instance)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Jenis layanan “%(name)s” disimpan.") % {"name": service.name},
            )
            return redirect("standards:service-detail", agency_slug=agency.slug, pk=service.pk)
    return render(
        request,
        "standards/service_form.html",
        {"agency": agency, "service": service, "form": form, "creating": creating},
    )


@require_POST
def service_set_active(request, agency_slug: str, pk: int):
    service = permissions.service_for_drafting(request.user, agency_slug, pk)
    active = request.POST.get("aktif") == "1"
    service = services.service_set_active(actor=request.user, service=service, active=active)
    if active:
        messages.success(request, _("Layanan “%(name)s” diaktifkan.") % {"name": service.name})
    else:
        messages.success(request, _("Layanan “%(name)s” dinonaktifkan.") % {"name": service.name})
    return redirect("standards:service-detail", agency_slug=agency_slug, pk=service.pk)


@require_GET
def service_detail(request, agency_slug: str, pk: int):
    agency = permissions.agency_for_reading(request.user, agency_slug)
    service = get_object_or_404(
        Service.objects.select_related("work_unit").prefetch_related(VERSIONS),
        agency=agency,
        pk=pk,
    )
    _versions_summary(service)
    return render(
        request,
        "standards/service_detail.html",
        {
            "agency": agency,
            "service": service,
            "may_draft": permissions.may_draft(request.user, agency),
        },
    )


@require_POST
def standard_start(request, agency_slug: str, pk: int):
    """Start the first draft of the service's standard and open it in the editor."""
    service = permissions.service_for_drafting(request.user, agency_slug, pk)
    try:
        standard = services.standard_create(actor=request.user, service=service)
    except (PermissionDenied, IntegrityError) as refused:
        message = str(refused) if isinstance(refused, PermissionDenied) else ""
        messages.error(request, message or _("Layanan ini sudah memiliki rancangan."))
        return redirect("standards:service-detail", agency_slug=agency_slug, pk=service.pk)
    return redirect(reverse("standards:standard-detail", args=[standard.pk]))


@require_GET
def free_service_list(request, agency_slug: str):
    """Lampiran angka 1 huruf B angka 6 huruf c: daftar pelayanan yang diberikan gratis."""
    agency = permissions.agency_for_reading(request.user, agency_slug)
    rows = [
        (service, standard, standard_totals(standard))
        for service, standard in free_services(agency)
    ]
    return render(request, "standards/free_services.html", {"agency": agency, "rows": rows})


urlpatterns = [
    path("kelola/pd/<slug:agency_slug>/layanan/", service_list, name="service-list"),
    path("kelola/pd/<slug:agency_slug>/layanan/tambah/", service_create, name="service-create"),
    path("kelola/pd/<slug:agency_slug>/layanan/<int:pk>/", service_detail, name="service-detail"),
    path("kelola/pd/<slug:agency_slug>/layanan/<int:pk>/ubah/", service_edit, name="service-edit"),
    path(
        "kelola/pd/<slug:agency_slug>/layanan/<int:pk>/aktif/",
        service_set_active,
        name="service-set-active",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/layanan/<int:pk>/standar-baru/",
        standard_start,
        name="standard-start",
    ),
    path(
        "kelola/pd/<slug:agency_slug>/layanan-gratis/",
        free_service_list,
        name="free-service-list",
    ),
]

"""Factories for services, standards and their rows, and a standard that passes every check.

`make_complete_standard(agency=...)` is the one to import when a test needs a standard
ready for submission; change one thing on it to get its failing twin.
"""

from __future__ import annotations

from decimal import Decimal

import factory
from simple_history.utils import bulk_create_with_history

from standards.models import (
    ChannelKind,
    ComplaintChannel,
    ComponentKind,
    DurationUnit,
    LegalBasis,
    LegalBasisKind,
    ProcedureStep,
    Requirement,
    RequirementKind,
    RequirementTiming,
    Service,
    ServiceKind,
    ServiceStandard,
    StandardComponent,
    StandardStatus,
)
from tests.factories import AgencyFactory

__all__ = [
    "COMPLETE_TEXTS",
    "ChannelFactory",
    "ComponentFactory",
    "LegalBasisFactory",
    "RequirementFactory",
    "ServiceFactory",
    "StandardFactory",
    "StepFactory",
    "make_complete_standard",
    "make_standard_with_rows",
]


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Layanan Uji {n}")
    slug = factory.Sequence(lambda n: f"layanan-uji-{n}")
    kind = ServiceKind.ADMINISTRATIVE
    description = "Layanan untuk pengujian."
    active = True


class StandardFactory(factory.django.DjangoModelFactory):
    """A draft version with its 14 (empty) components, as `standard_create` makes it."""

    class Meta:
        model = ServiceStandard
        skip_postgeneration_save = True

    service = factory.SubFactory(ServiceFactory)
    version = 1
    status = StandardStatus.DRAFT

    @factory.post_generation
    def components(standard, create, extracted, **kwargs):
        if not create:
            return
        texts = extracted or {}
        # With their history rows, as standard_create writes them.
        bulk_create_with_history(
            [
                StandardComponent(standard=standard, kind=kind, text=texts.get(kind, ""))
                for kind in ComponentKind
            ],
            StandardComponent,
        )


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardComponent
        django_get_or_create = ("standard", "kind")

    standard = factory.SubFactory(StandardFactory)
    kind = ComponentKind.FACILITIES
    text = "Ruang tunggu ber-AC, komputer, printer."


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureStep

    standard = factory.SubFactory(StandardFactory)
    position = factory.Sequence(lambda n: n + 1)
    actor = "Petugas loket"
    action = factory.Sequence(lambda n: f"Memeriksa berkas permohonan ({n})")
    duration_value = Decimal(15)
    duration_unit = DurationUnit.MINUTES
    applicant_fee = Decimal(0)
    agency_cost = Decimal(0)
    output = "Berkas diperiksa"


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    standard = factory.SubFactory(StandardFactory)
    position = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Fotokopi dokumen {n}")
    kind = RequirementKind.ADMINISTRATIVE
    timing = RequirementTiming.START
    step = None
    notes = ""


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplaintChannel

    standard = factory.SubFactory(StandardFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = ChannelKind.SMS_WHATSAPP
    detail = "0812 5555 1234"


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis

    standard = factory.SubFactory(StandardFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = LegalBasisKind.LAW
    number = "25"
    year = 2009
    title = "Pelayanan Publik"


# Text for every component that a check requires text for (components 5, 8-10, 12-14),
# and a helpful text for the others.
COMPLETE_TEXTS: dict[str, str] = {
    ComponentKind.REQUIREMENTS: "",
    ComponentKind.PROCEDURE: "Permohonan diajukan di loket pelayanan.",
    ComponentKind.SERVICE_TIME: "",
    ComponentKind.FEE: "",
    ComponentKind.PRODUCT: "Surat Keterangan",
    ComponentKind.COMPLAINTS: "Pengaduan ditanggapi paling lama 5 hari kerja.",
    ComponentKind.LEGAL_BASIS: "",
    ComponentKind.FACILITIES: "Ruang tunggu, loket, komputer, printer, toilet.",
    ComponentKind.STAFF_COMPETENCE: "Memahami peraturan layanan; mampu mengoperasikan komputer.",
    ComponentKind.INTERNAL_SUPERVISION: "Pengawasan oleh atasan langsung dan Inspektorat.",
    ComponentKind.STAFF_COUNT: "1 petugas loket, 1 verifikator.",
    ComponentKind.SERVICE_GUARANTEE: "Pelayanan sesuai standar yang ditetapkan.",
    ComponentKind.SAFETY_GUARANTEE: "Data pemohon dijaga kerahasiaannya.",
    ComponentKind.STAFF_EVALUATION: "Evaluasi kinerja pelaksana setiap 6 bulan.",
}


def make_standard_with_rows(
    *, standard: ServiceStandard | None = None, steps: int = 2, requirements: int = 2, **kw
) -> ServiceStandard:
    """A standard with `steps` steps and `requirements` requirements (each linked to a step)."""
    standard = standard or StandardFactory(**kw)
    made = [StepFactory(standard=standard, position=i + 1) for i in range(steps)]
    for i in range(requirements):
        RequirementFactory(
            standard=standard, position=i + 1, step=made[i % len(made)] if made else None
        )
    return standard


def make_complete_standard(
    *,
    agency=None,
    service: Service | None = None,
    steps: int = 2,
    requirements: int = 2,
    texts: dict[str, str] | None = None,
    **standard_fields,
) -> ServiceStandard:
    """A draft standard that passes every rule of `standards.checks`."""
    if service is None:
        service = ServiceFactory(agency=agency) if agency is not None else ServiceFactory()
    fields = {
        "complaint_officer": "Siti Aminah",
        "complaint_phone": "0548-21234",
        "complaint_email": "pengaduan@bontangkota.go.id",
        "complaint_address": "Jl. Moh. Roem No. 1, Bontang",
        "complaint_escalation": "Ombudsman Republik Indonesia Perwakilan Kalimantan Timur.",
        "staff_count": 2,
        **standard_fields,
    }
    standard = StandardFactory(service=service, components={**COMPLETE_TEXTS, **(texts or {})})
    for field, value in fields.items():
        setattr(standard, field, value)
    standard.save()
    make_standard_with_rows(standard=standard, steps=steps, requirements=requirements)
    ChannelFactory(standard=standard, position=1)
    LegalBasisFactory(standard=standard, position=1)
    return standard

"""Factories for services, standards and their rows, and a standard that passes every check.

`make_complete_standard(agency=...)` is the one to import when a test needs a standard
ready for submission; change one thing on it to get its failing twin. It is written by
`demo.builder` (the benchmarks' and the demo's shape) from tests/data/complete-standard.yaml.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import factory
from simple_history.utils import bulk_create_with_history

from demo.builder import build_standard, read_data
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
    "COMPLETE_STANDARD",
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


# What `make_complete_standard` writes, through the demo's builder.
COMPLETE_STANDARD = read_data(Path(__file__).parent.parent / "data" / "complete-standard.yaml")


def make_complete_standard(
    *,
    agency=None,
    service: Service | None = None,
    steps: int = 2,
    requirements: int = 2,
    texts: dict[str, str] | None = None,
    **standard_fields,
) -> ServiceStandard:
    """A draft standard that passes every rule of `standards.checks`: tests/data/
    complete-standard.yaml with `steps` steps and `requirements` requirements (each linked
    to a step), `texts` and `standard_fields` put over the file's."""
    if service is None:
        service = ServiceFactory(agency=agency) if agency is not None else ServiceFactory()
    data = COMPLETE_STANDARD
    step, requirement = data["step"], data["requirement"]
    item = {
        **data,
        "texts": {**data["texts"], **(texts or {})},
        "steps": [{**step, "action": step["action"].format(n=n)} for n in range(1, steps + 1)],
        "requirements": [
            {
                **requirement,
                "description": requirement["description"].format(n=n),
                "step": (n - 1) % steps + 1 if steps else None,
            }
            for n in range(1, requirements + 1)
        ],
    }
    return build_standard(item, service=service, **standard_fields)

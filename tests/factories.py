"""factory_boy factories shared by every app's tests."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from agencies.models import Agency, AgencyKind, WorkUnit
from agencies.services import sync_agency_permissions


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@contoh.bontangkota.go.id")
    password = factory.django.Password("sandi-uji-123")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    short_name = factory.Sequence(lambda n: f"DU{n}")
    slug = factory.Sequence(lambda n: f"dinas-uji-{n}")
    kind = AgencyKind.OFFICE
    address = "Jl. Moh. Roem No. 1, Bontang"
    phone = "0548-123456"
    email = factory.LazyAttribute(lambda a: f"{a.slug}@bontangkota.go.id")
    head_name = "Drs. Kepala Uji, M.Si."
    head_rank = "Pembina Utama Muda (IV/c)"
    head_nip = "197001011990031001"

    @factory.post_generation
    def sync_permissions(agency, create, extracted, **kwargs):
        # As the admin, the importer and the seed do for a new agency.
        if create and agency.parent_id:
            sync_agency_permissions(agency)


class WorkUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkUnit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Bidang Uji {n}")

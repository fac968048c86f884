"""Demo users: one per role and agency kind, with generated passwords."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from agencies.models import Agency, MembershipRole
from agencies.roles import CityRole, city_role_group
from agencies.services import membership_set


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    agency_slug: str = ""
    role: str = ""
    city_role: CityRole | None = None


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("penyusun.disdukcapil", "Rina", "Wulandari", "disdukcapil", MembershipRole.DRAFTER),
    DemoUser("kepala.disdukcapil", "Ahmad", "Syarifuddin", "disdukcapil", MembershipRole.HEAD),
    DemoUser("penyusun.dpmptsp", "Dewi", "Kartika", "dpmptsp", MembershipRole.DRAFTER),
    DemoUser("kepala.dpmptsp", "Hendra", "Saputra", "dpmptsp", MembershipRole.HEAD),
    DemoUser("penyusun.dinkes", "Nur", "Aisyah", "dinkes", MembershipRole.DRAFTER),
    DemoUser(
        "penyusun.bontang-selatan",
        "Irfan",
        "Maulana",
        "kecamatan-bontang-selatan",
        MembershipRole.DRAFTER,
    ),
    DemoUser(
        "camat.bontang-selatan",
        "Sitti",
        "Rahmawati",
        "kecamatan-bontang-selatan",
        MembershipRole.HEAD,
    ),
    DemoUser("evaluator", "Yusuf", "Hidayat", city_role=CityRole.REVIEWER),
    DemoUser("walikota", "Kantor", "Wali Kota", city_role=CityRole.MAYOR_OFFICE),
    DemoUser("koordinator", "Fitri", "Handayani", city_role=CityRole.COORDINATOR),
    DemoUser("sekda", "Bambang", "Prasetyo", city_role=CityRole.SECRETARIAT),
)

CREDENTIALS_FILE = "demo-credentials.txt"


def _password() -> str:
    return os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)


@transaction.atomic
def seed_demo_users() -> list[tuple[str, str, str]]:
    """Create the demo users (and an `admin` superuser); returns (username, password, role)."""
    User = get_user_model()
    credentials = []
    for demo in DEMO_USERS:
        user, _created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@demo.bontangkota.go.id",
            },
        )
        password = _password()
        user.set_password(password)
        user.save(update_fields=["password"])
        if demo.agency_slug:
            agency = Agency.objects.get(slug=demo.agency_slug)
            membership_set(actor=None, user=user, agency=agency, role=demo.role)
            label = f"{MembershipRole(demo.role).label} {agency.short_name or agency.name}"
        else:
            user.groups.add(city_role_group(demo.city_role))
            label = str(demo.city_role.label)
        credentials.append((demo.username, password, label))
    admin, _created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    password = _password()
    admin.set_password(password)
    admin.save(update_fields=["password"])
    credentials.append(("admin", password, "Administrator sistem (/admin/)"))
    _write_credentials(credentials)
    return credentials


def _write_credentials(credentials: list[tuple[str, str, str]]) -> None:
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = settings.VAR_DIR / CREDENTIALS_FILE
    path.write_text("".join(f"{u}\t{p}\t{r}\n" for u, p, r in credentials))
    path.chmod(0o600)

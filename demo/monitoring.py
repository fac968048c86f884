"""The living demo of monitoring: an open SKM period with plausible answers (through the
same service the public form calls), an internalisation, a socialisation and an evaluation
with follow-ups for the demo standards in force. Running it again changes nothing."""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from agencies.models import Agency
from monitoring.index import ELEMENT_CODES
from monitoring.models import (
    AgeBand,
    Education,
    Evaluation,
    Gender,
    ImplementationActivity,
    Occupation,
    PeriodKind,
    SurveyPeriod,
)
from monitoring.services import (
    activity_record,
    evaluation_follow_up_create,
    evaluation_record,
    survey_follow_up_create,
    survey_period_open,
    survey_response_submit,
)
from standards.models import ServiceStandard, StandardStatus

# (agency, head, drafter, population, responses)
DEMO_AGENCIES = (
    ("disdukcapil", "kepala.disdukcapil", "penyusun.disdukcapil", 1200, 46),
    ("kecamatan-bontang-selatan", "camat.bontang-selatan", "penyusun.bontang-selatan", 300, 24),
)
# How likely each score is per element: waiting time and complaints handling lag behind.
WEIGHTS = {code: (1, 4, 45, 50) for code in ELEMENT_CODES} | {
    "service_time": (3, 15, 55, 27),
    "complaints": (6, 25, 50, 19),
    "fee": (0, 0, 5, 95),
}
SUGGESTIONS = (
    "Antrean daring akan sangat membantu.",
    "Petugas ramah, tetapi ruang tunggu panas.",
    "Mohon informasi persyaratan dipasang di depan loket.",
    "",
    "",
)


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _responses(standard: ServiceStandard, count: int) -> None:
    rng = random.Random(f"skm-{standard.service.agency.slug}-{standard.service.slug}")
    for number in range(count):
        scores = {
            code: rng.choices((1, 2, 3, 4), weights=WEIGHTS[code])[0] for code in ELEMENT_CODES
        }
        profile = {
            "gender": rng.choice(Gender.values),
            "age_band": rng.choice(AgeBand.values),
            "education": rng.choice(Education.values),
            "occupation": rng.choice(Occupation.values),
        }
        survey_response_submit(
            service=standard.service,
            scores=scores,
            profile=profile,
            suggestion=rng.choice(SUGGESTIONS),
            nonce=f"demo:{standard.pk}:{number}",
        )


def seed_demo_monitoring() -> dict[str, str]:
    today = timezone.localdate()
    done: dict[str, str] = {}
    for agency_slug, head_name, drafter_name, population, count in DEMO_AGENCIES:
        agency = Agency.objects.filter(slug=agency_slug).first()
        head, drafter = _user(head_name), _user(drafter_name)
        standard = (
            ServiceStandard.objects.filter(service__agency=agency, status=StandardStatus.IN_FORCE)
            .select_related("service__agency")
            .order_by("service__name")
            .first()
        )
        if agency is None or head is None or standard is None:
            continue
        period = SurveyPeriod.objects.filter(agency=agency, year=today.year).first()
        if period is None:
            period = survey_period_open(
                actor=head,
                agency=agency,
                kind=PeriodKind.YEAR,
                year=today.year,
                population=population,
            )
            _responses(standard, count)
            survey_follow_up_create(
                actor=head,
                period=period,
                service=standard.service,
                element="complaints",
                action="Sediakan kanal pengaduan WhatsApp dan tanggapi dalam 3 hari kerja.",
                owner="Sekretaris",
                due_on=today + datetime.timedelta(days=60),
            )
        if not ImplementationActivity.objects.filter(standard=standard).exists():
            activity_record(
                actor=drafter or head,
                standard=standard,
                kind="internalisation",
                held_on=today - datetime.timedelta(days=20),
                audience="Seluruh pelaksana layanan",
                participants=28,
                summary="Penjelasan 14 komponen standar pelayanan kepada pelaksana di loket.",
            )
            activity_record(
                actor=drafter or head,
                standard=standard,
                kind="socialisation",
                held_on=today - datetime.timedelta(days=10),
                audience="Masyarakat pengguna layanan dan ketua RT",
                participants=60,
                summary="Sosialisasi persyaratan, alur dan biaya layanan di aula kelurahan.",
            )
        if not Evaluation.objects.filter(standard=standard).exists():
            evaluation = evaluation_record(
                actor=head,
                standard=standard,
                evaluated_on=today - datetime.timedelta(days=3),
                methods=["method_documents", "method_survey", "method_observation"],
                success_factors="Persyaratan dan biaya dipahami pemohon; petugas ramah.",
                inhibiting_factors="Antrean panjang pada pagi hari; pengaduan belum terlacak.",
            )
            evaluation_follow_up_create(
                actor=head,
                evaluation=evaluation,
                action="Terapkan nomor antrean daring.",
                owner="Kepala Bidang Pelayanan",
                due_on=today + datetime.timedelta(days=90),
            )
            evaluation_follow_up_create(
                actor=head,
                evaluation=evaluation,
                action="Catat setiap pengaduan dalam buku register.",
                owner="Sekretaris",
                due_on=today + datetime.timedelta(days=30),
            )
        done[agency.name] = str(period)
    return done

"""Writes of monitoring and evaluation. Each checks permission, runs in a transaction and
locks the rows whose state it depends on."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.published import portal_changed
from documents.uploads import CleanUpload
from standards.models import Service, ServiceStandard, StandardStatus

from .index import ELEMENT_CODES
from .models import (
    FOLLOW_UP_MOVES,
    PERIOD_MOVES,
    PERIOD_NUMBERS,
    ActivityDocument,
    Evaluation,
    EvaluationFollowUp,
    FollowUp,
    FollowUpStatus,
    ImplementationActivity,
    PeriodStatus,
    SurveyFollowUp,
    SurveyPeriod,
    SurveyResponse,
)
from .permissions import may_manage, may_read_reports, may_record_application

PROFILE_FIELDS = ("gender", "age_band", "education", "occupation")


def _lock_agency(agency: Agency) -> Agency:
    return Agency.objects.select_for_update().get(pk=agency.pk)


@transaction.atomic
def survey_period_open(
    *,
    actor,
    agency: Agency,
    kind: str,
    year: int,
    number: int = 1,
    population: int | None = None,
) -> SurveyPeriod:
    """Pasal 16 ayat (3): the head opens an SKM period; one open period per agency."""
    if not may_manage(actor, agency):
        raise PermissionDenied
    _lock_agency(agency)
    if not 1 <= number <= PERIOD_NUMBERS.get(kind, 0):
        raise ValidationError({"number": _("Nomor periode tidak sesuai jenis periode.")})
    if SurveyPeriod.objects.filter(agency=agency, status=PeriodStatus.OPEN).exists():
        raise ValidationError(_("Masih ada periode SKM yang dibuka; tutup dahulu."))
    if SurveyPeriod.objects.filter(agency=agency, kind=kind, year=year, number=number).exists():
        raise ValidationError(_("Periode ini sudah pernah dibuka."))
    period = SurveyPeriod(
        agency=agency, kind=kind, year=year, number=number, population=population, opened_by=actor
    )
    period.full_clean()
    period.save()
    portal_changed()  # the portal's survey links follow the open period
    return period


@transaction.atomic
def survey_period_close(*, actor, period: SurveyPeriod) -> SurveyPeriod:
    if not may_manage(actor, period.agency):
        raise PermissionDenied
    period = SurveyPeriod.objects.select_for_update().get(pk=period.pk)
    PERIOD_MOVES.move(period, "close")
    period.closed_at = timezone.now()
    period.closed_by = actor
    period._history_user = actor
    period.save(update_fields=["status", "closed_at", "closed_by"])
    portal_changed()  # the portal's survey links follow the open period
    return period


def open_period(agency: Agency) -> SurveyPeriod | None:
    return SurveyPeriod.objects.filter(agency=agency, status=PeriodStatus.OPEN).first()


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


@transaction.atomic
def survey_response_submit(
    *,
    service: Service,
    scores: Mapping[str, int],
    profile: Mapping[str, str],
    suggestion: str = "",
    nonce: str,
) -> SurveyResponse:
    """Pasal 16 ayat (3): count one anonymous, complete answer in the open period.

    Refused, with nothing counted, when no period is open, the answer is incomplete or
    out of the 1-4 scale, or the form's one-time nonce was already used.
    """
    if not nonce:
        raise ValidationError(_("Formulir tidak sah; muat ulang halaman survei."))
    period = (
        SurveyPeriod.objects.select_for_update()
        .filter(agency_id=service.agency_id, status=PeriodStatus.OPEN)
        .first()
    )
    if period is None:
        raise ValidationError(_("Survei untuk layanan ini sedang tidak dibuka."))
    if not service.active:
        raise ValidationError(_("Layanan ini tidak aktif."))
    if set(scores) != set(ELEMENT_CODES):
        raise ValidationError(_("Semua sembilan unsur wajib dinilai."))
    clean_scores = {}
    for code in ELEMENT_CODES:
        value = scores[code]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
            raise ValidationError(_("Nilai setiap unsur harus 1 sampai 4."))
        clean_scores[code] = value
    response = SurveyResponse(
        period=period,
        service=service,
        **clean_scores,
        **{field: profile.get(field, "") for field in PROFILE_FIELDS},
        suggestion=suggestion or "",
        nonce_hash=nonce_hash(nonce),
    )
    response.full_clean(exclude=["nonce_hash"])
    if SurveyResponse.objects.filter(nonce_hash=response.nonce_hash).exists():
        raise ValidationError(_("Jawaban dari formulir ini sudah diterima."))
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:  # the same form sent twice at once
        raise ValidationError(_("Jawaban dari formulir ini sudah diterima.")) from error
    return response


@transaction.atomic
def survey_follow_up_create(
    *,
    actor,
    period: SurveyPeriod,
    element: str,
    action: str,
    owner: str,
    due_on: datetime.date,
    service: Service | None = None,
) -> SurveyFollowUp:
    """Pasal 16 ayat (4): a follow-up action on a low-scoring element."""
    if not may_manage(actor, period.agency):
        raise PermissionDenied
    if service is not None and service.agency_id != period.agency_id:
        raise ValidationError(_("Layanan bukan milik Perangkat Daerah ini."))
    follow_up = SurveyFollowUp(
        period=period,
        service=service,
        element=element,
        action=action,
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    follow_up.full_clean()
    follow_up.save()
    return follow_up


# The rows a follow-up's agency is read through, for each kind of follow-up.
_FOLLOW_UP_AGENCY_PATH = {
    SurveyFollowUp: "period__agency",
    EvaluationFollowUp: "evaluation__standard__service__agency",
}


def _lock_follow_up(actor, follow_up: FollowUp) -> FollowUp:
    model = type(follow_up)
    locked = (
        model.objects.select_for_update(of=("self",))
        .select_related(_FOLLOW_UP_AGENCY_PATH[model])
        .get(pk=follow_up.pk)
    )
    if not may_manage(actor, locked.agency):
        raise PermissionDenied
    return locked


@transaction.atomic
def follow_up_set_status(
    *, actor, follow_up: FollowUp, status: str, today: datetime.date | None = None
) -> FollowUp:
    """Pasal 16 ayat (4): a follow-up moves forward only (direncanakan -> berjalan ->
    selesai); the same status again changes nothing."""
    locked = _lock_follow_up(actor, follow_up)
    if status not in FollowUpStatus.values:
        raise ValidationError(_("Status tidak dikenal."))
    if status == locked.status:
        return locked
    if not locked.may_move_to(status):
        raise ValidationError(
            _("Tindak lanjut yang sudah %(current)s tidak dapat kembali menjadi %(wanted)s.")
            % {
                "current": locked.get_status_display().lower(),
                "wanted": FollowUpStatus(status).label.lower(),
            }
        )
    FOLLOW_UP_MOVES.move(locked, "finish" if status == FollowUpStatus.DONE else "start")
    locked.done_on = (today or timezone.localdate()) if status == FollowUpStatus.DONE else None
    locked._history_user = actor
    locked.save(update_fields=["status", "done_on"])
    return locked


# --- Pasal 13: internalisation and socialisation --------------------------------------


def _lock_standard_in_force(standard: ServiceStandard) -> ServiceStandard:
    locked = (
        ServiceStandard.objects.select_for_update(of=("self",))
        .select_related("service__agency")
        .get(pk=standard.pk)
    )
    if locked.status != StandardStatus.IN_FORCE:
        # Pasal 13 ayat (1): a standard is applied once it is set; evaluated while in force.
        raise ValidationError(_("Hanya standar pelayanan yang berlaku yang dicatat di sini."))
    return locked


def activity_record(
    *,
    actor,
    standard: ServiceStandard,
    kind: str,
    held_on: datetime.date,
    audience: str,
    participants: int,
    summary: str,
    uploads: Iterable[CleanUpload] = (),
) -> ImplementationActivity:
    """Pasal 13 ayat (2)-(4): record an internalisation or socialisation with its
    documentation. Files written before a failure are removed again."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            if not may_record_application(actor, standard.service.agency):
                raise PermissionDenied
            locked = _lock_standard_in_force(standard)
            activity = ImplementationActivity(
                standard=locked,
                kind=kind,
                held_on=held_on,
                audience=audience,
                participants=participants,
                summary=summary,
                recorded_by=actor,
            )
            activity.full_clean()
            activity.save()
            for upload in uploads:
                document = ActivityDocument(
                    activity=activity,
                    original_name=upload.original_name,
                    content_type=upload.content_type,
                    size=upload.size,
                    sha256=upload.sha256,
                )
                content = upload.as_file()
                document.file.save(content.name, content, save=False)
                stored.append(document.file.name)
                document.save()
            return activity
    except BaseException:
        from django.core.files.storage import default_storage

        for name in stored:
            default_storage.delete(name)
        raise


# --- Pasal 16 ayat (1), (2), (4): evaluations -------------------------------------------

METHOD_FIELDS = ("method_documents", "method_survey", "method_interview", "method_observation")


@transaction.atomic
def evaluation_record(
    *,
    actor,
    standard: ServiceStandard,
    evaluated_on: datetime.date,
    methods: Iterable[str],
    success_factors: str,
    inhibiting_factors: str,
) -> Evaluation:
    """Pasal 16 ayat (1)-(2): the head records an evaluation of a standard in force."""
    if not may_manage(actor, standard.service.agency):
        raise PermissionDenied
    locked = _lock_standard_in_force(standard)
    methods = set(methods)
    if not methods or not methods <= set(METHOD_FIELDS):
        raise ValidationError(
            {"methods": _("Pilih paling sedikit satu metode (Pasal 16 ayat (2)).")}
        )
    evaluation = Evaluation(
        standard=locked,
        evaluated_on=evaluated_on,
        success_factors=success_factors,
        inhibiting_factors=inhibiting_factors,
        recorded_by=actor,
        **{name: name in methods for name in METHOD_FIELDS},
    )
    evaluation.full_clean()
    evaluation.save()
    return evaluation


@transaction.atomic
def evaluation_follow_up_create(
    *, actor, evaluation: Evaluation, action: str, owner: str, due_on: datetime.date
) -> EvaluationFollowUp:
    """Pasal 16 ayat (4): a follow-up of an evaluation, with owner and due date."""
    if not may_manage(actor, evaluation.standard.service.agency):
        raise PermissionDenied
    follow_up = EvaluationFollowUp(evaluation=evaluation, action=action, owner=owner, due_on=due_on)
    follow_up.full_clean()
    follow_up.save()
    return follow_up


@transaction.atomic
def evaluation_follow_up_start_revision(
    *, actor, follow_up: EvaluationFollowUp, reason: str, explanation: str
) -> EvaluationFollowUp:
    """Pasal 16 ayat (4) -> Pasal 12 ayat (5): the follow-up starts a new version of the
    standard in an amending draft decree, and stays linked to it."""
    from standards.decrees import revision_start

    locked = _lock_follow_up(actor, follow_up)
    if locked.revision_id is not None:
        raise ValidationError(_("Tindak lanjut ini sudah memulai perubahan standar."))
    new_version, _decree = revision_start(
        actor=actor,
        standard=locked.evaluation.standard,
        reason=reason,
        explanation=explanation,
    )
    locked.revision = new_version
    if FOLLOW_UP_MOVES.may(locked, "start"):
        FOLLOW_UP_MOVES.move(locked, "start")
    locked.save(update_fields=["revision", "status"])
    return locked


# --- documents: the SKM report and the counter poster -----------------------------------


@transaction.atomic
def survey_report_request(*, actor, period: SurveyPeriod):
    """A PDF of the period's results, rendered after commit (documents app)."""
    from documents.models import DocumentKind
    from documents.services import document_request

    if not may_read_reports(actor, period.agency):
        raise PermissionDenied
    return document_request(
        kind=DocumentKind.REPORT,
        subject=period,
        agency=period.agency,
        title=_("Laporan SKM %(period)s %(agency)s")
        % {"period": period, "agency": period.agency.name},
        actor=actor,
    )


@transaction.atomic
def survey_poster_request(*, actor, service: Service):
    """The counter poster with the QR code of the service's survey."""
    from documents.models import DocumentKind
    from documents.services import document_request

    if not may_manage(actor, service.agency):
        raise PermissionDenied
    return document_request(
        kind=DocumentKind.SURVEY_POSTER,
        subject=service,
        agency=service.agency,
        title=_("Poster SKM %(service)s") % {"service": service.name},
        actor=actor,
    )

"""The guards of the decree's acts (Pasal 10-14): each returns the reasons it fails, in
Indonesian, naming its clause; the table (`workflow.TRANSITIONS`) lists which act asks which.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import SignatureRole, SigningRequest

from ..models import Decree, ServiceStandard, StandardStatus, TeamRole

Guard = Callable[[Decree], list[str]]


def drafting_team_agency(decree: Decree):
    """UPT and schools are drafted by their parent (Pasal 17 ayat (1))."""
    agency = decree.agency
    return agency.parent if agency.drafted_by_parent else agency


def guard_has_standards(decree: Decree) -> list[str]:
    if not _standards(decree):
        return [_("Rancangan keputusan belum memuat standar pelayanan.")]
    return []


def guard_team_complete(decree: Decree) -> list[str]:
    """Pasal 10 ayat (4): ketua, sekretaris and at least one anggota."""
    team = getattr(drafting_team_agency(decree), "drafting_team", None)
    roles = [member.role for member in team.members.all()] if team else []
    if (
        roles.count(TeamRole.CHAIR) == 1
        and TeamRole.SECRETARY in roles
        and TeamRole.MEMBER in roles
    ):
        return []
    return [
        _("Pasal 10 ayat (4): tim penyusun harus terdiri atas satu ketua, sekretaris, dan anggota.")
    ]


def guard_standards_complete(decree: Decree) -> list[str]:
    """Pasal 8 and the Lampiran: every standard passes the completeness check."""
    from ..checks import check_standard

    reasons = []
    for standard in _standards(decree):
        failures = check_standard(standard)
        if failures:
            reasons.append(
                _("%(service)s belum lengkap: %(first)s")
                % {"service": standard.service.name, "first": failures[0].message}
            )
    return reasons


def guard_standards_consulted(decree: Decree) -> list[str]:
    """Pasal 11 and 12 ayat (3): discussed with the public, with invitation, attendance
    list and signed berita acara uploaded (read through the reverse relation)."""
    return [
        _(
            "Pasal 11 dan Pasal 12 ayat (3): %(service)s belum dibahas bersama masyarakat "
            "dengan undangan, daftar hadir dan berita acara bertanda tangan."
        )
        % {"service": standard.service.name}
        for standard in _standards(decree)
        if not _consulted(standard)
    ]


def guard_notes_answered(decree: Decree) -> list[str]:
    """Pasal 12 ayat (4): a returned draft goes back to Bagian Organisasi only with every
    note of its evaluation answered (what was changed, or why not)."""
    if decree.pk is None:
        return []
    open_notes = decree.review_notes.filter(addressed_at__isnull=True).count()
    if not open_notes:
        return []
    return [
        _(
            "Pasal 12 ayat (4): %(n)s catatan evaluasi Bagian Organisasi belum dijawab; "
            "tulis tindak lanjut setiap catatan sebelum mengajukan kembali."
        )
        % {"n": open_notes}
    ]


def _consulted(standard: ServiceStandard) -> bool:
    # Lists prefetch `complete_consultations` (standards.stages); one standard asks.
    prefetched = getattr(standard, "complete_consultations", None)
    if prefetched is not None:
        return bool(prefetched)
    return standard.consultations.complete().exists()


def guard_standards_still_drafts(decree: Decree) -> list[str]:
    return [
        _("%(service)s versi %(version)s bukan rancangan lagi.")
        % {"service": s.service.name, "version": s.version}
        for s in _standards(decree)
        if s.status != StandardStatus.DRAFT
    ]


def guard_number_and_date(decree: Decree) -> list[str]:
    reasons = []
    if not decree.number.strip():
        reasons.append(_("Nomor keputusan wajib diisi."))
    if decree.decree_date is None:
        reasons.append(_("Tanggal penetapan wajib diisi."))
    elif decree.decree_date > timezone.localdate():
        reasons.append(_("Tanggal penetapan tidak boleh di masa depan."))
    if reasons:
        return reasons
    taken = Decree.objects.filter(
        number=decree.number.strip(), year=decree.decree_date.year, by_mayor=decree.by_mayor
    ).exclude(pk=decree.pk)
    if not decree.by_mayor:
        taken = taken.filter(agency=decree.agency)
    if taken.exists():
        return [_("Nomor %(number)s sudah dipakai keputusan lain.") % {"number": decree.number}]
    return []


def guard_maklumat_set(decree: Decree) -> list[str]:
    """Pasal 14 ayat (1): the head sets the Maklumat before the standard is applied."""
    from maklumat.selectors import has_set_maklumat

    # Lists annotate it once for every agency (standards.stages); one decree asks.
    known = getattr(decree.agency, "has_set_maklumat", None)
    if known if known is not None else has_set_maklumat(decree.agency):
        return []
    return [_("Pasal 14 ayat (1): Maklumat Pelayanan Perangkat Daerah ini belum ditetapkan.")]


def _standards(decree: Decree) -> list[ServiceStandard]:
    cached = getattr(decree, "_guard_standards", None)
    if cached is None:
        cached = list(
            ServiceStandard.objects.filter(decrees=decree)
            .select_related("service")
            .prefetch_related(
                "components", "requirements", "steps", "complaint_channels", "legal_bases"
            )
        )
        decree._guard_standards = cached
    return cached


def needs_wet_signed_scan(decree: Decree) -> bool:
    """Pasal 12 ayat (1): the Wali Kota ratifies what the Kepala PD signed, so the signed
    decree must be on file; its wet-signed scan is that proof, unless the Kepala PD signed
    it electronically (TTE, documents.signing) when setting it."""
    return not decree.by_mayor and not _signed_electronically_by_head(decree)


def _signed_electronically_by_head(decree: Decree) -> bool:
    if decree.pk is None:
        return False
    return SigningRequest.objects.filter(
        document__content_type__model="decree",
        document__content_type__app_label="standards",
        document__object_id=decree.pk,
        role=SignatureRole.HEAD,
    ).exists()


def guard_signed_scan(decree: Decree) -> list[str]:
    if needs_wet_signed_scan(decree) and not decree.signed_scan:
        return [
            _(
                "Pasal 12 ayat (1): unggah dahulu pindaian keputusan yang telah ditandatangani "
                "Kepala Perangkat Daerah sebelum disahkan."
            )
        ]
    return []


# Guards that check what the act itself fills in (the number and date typed into the
# act's form): not something missing before the act, so neither "what is missing" nor the
# reasons shown before the form include them.
ACT_INPUT_GUARDS: frozenset[Guard] = frozenset({guard_number_and_date})
